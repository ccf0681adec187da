/**
 * A deterministic generator of vaults in the seed's style (`ID Title.md`, bare `ID Title`
 * references in running prose), with the things that make real vaults hard: wikilinks and markdown
 * links, IDs inside code, URLs, tags and attachment names, duplicate and impossible-but-real IDs,
 * unresolved IDs, frontmatter, CRLF notes and a few huge notes. Same seed, same vault, byte for byte.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Bump when the generated text changes, so vaults on disk are regenerated. */
export const GENERATOR_VERSION = 1;

export interface VaultSpec {
  readonly notes: number;
  readonly seed: number;
  /** Adds one ~5 MB note and one ~1 MB single-line note (counted in `notes`). */
  readonly hugeNotes: boolean;
}

export interface GeneratedNote {
  /** Vault-relative, '/' separated. */
  readonly path: string;
  readonly text: string;
}

/** mulberry32: tiny, fast, and good enough to make text look varied. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'team leader trust execution priority purpose feedback loop decision ambiguity process people ' +
  'product value delivery economics culture health safety growth learning failure ownership ' +
  'clarity focus strategy alignment autonomy mastery habit system principle practice constraint ' +
  'risk option cost delay queue batch flow capacity slack incentive signal noise context story ' +
  'question answer model map territory writing thinking reading memory note link idea chain ' +
  'network structure emergence feedback conflict candor coaching hiring firing meeting review ' +
  'retrospective planning estimate commitment promise boundary energy attention time work rest'
).split(' ');
const GLUE = 'is the of a to and in for on with as by not but only when every never always more less than'.split(' ');
const VERBS = ['builds on', 'supports', 'explains', 'follows from', 'contrasts with', 'refines', 'depends on', 'restates', 'extends'];
const LANGS = ['js', 'ts', 'python', 'bash', ''];

/** A 12-digit `YYYYMMDDHHmm` ID for a time in minutes since 2015-01-01 00:00 UTC. */
function idAt(minutes: number): string {
  const date = new Date(Date.UTC(2015, 0, 1) + minutes * 60_000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (
    pad(date.getUTCFullYear(), 4) + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) + pad(date.getUTCHours()) + pad(date.getUTCMinutes())
  );
}

interface NoteHead {
  readonly id: string;
  readonly title: string;
  readonly path: string;
}

class Writer {
  constructor(readonly random: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  title(): string {
    const parts: string[] = [];
    const length = this.int(3, 8);
    for (let i = 0; i < length; i++) parts.push(i % 2 === 1 && this.chance(0.6) ? this.pick(GLUE) : this.pick(WORDS));
    const text = parts.join(' ');
    return text[0].toUpperCase() + text.slice(1);
  }

  sentence(): string {
    const words: string[] = [];
    const length = this.int(6, 18);
    for (let i = 0; i < length; i++) words.push(this.chance(0.4) ? this.pick(GLUE) : this.pick(WORDS));
    const text = words.join(' ');
    return text[0].toUpperCase() + text.slice(1) + '.';
  }
}

/** The notes' IDs, titles and paths: IDs rise by 1–120 minutes, with a few collisions and bumps. */
function heads(spec: VaultSpec, writer: Writer): NoteHead[] {
  const result: NoteHead[] = [];
  const paths = new Set<string>();
  let minutes = 0;
  for (let i = 0; i < spec.notes; i++) {
    minutes += writer.int(1, 120);
    let id = idAt(minutes);
    if (i > 0 && writer.chance(0.001)) id = result[i - 1].id; // a duplicate ID, as two devices make
    else if (writer.chance(0.002)) id = id.slice(0, 10) + String(writer.int(60, 99)); // Unique note creator's minute bump
    let title = writer.title();
    if (spec.hugeNotes && i === 0) title = 'Huge reference note';
    if (spec.hugeNotes && i === 1) title = 'One line megabyte note';
    const folder = id.slice(0, 4);
    let notePath = `${folder}/${id} ${title}.md`;
    if (paths.has(notePath)) notePath = `${folder}/${id} ${title} ${i}.md`;
    paths.add(notePath);
    result.push({ id, title, path: notePath });
  }
  return result;
}

/** Someone the note builds on: mostly recent notes, sometimes any older note, sometimes a hub. */
function target(writer: Writer, notes: readonly NoteHead[], index: number): NoteHead {
  const hubs = Math.max(1, Math.floor(notes.length / 50));
  const roll = writer.random();
  if (roll < 0.15 || index < 2) return notes[writer.int(0, Math.min(hubs, notes.length) - 1)];
  if (roll < 0.7) return notes[Math.max(0, index - writer.int(1, 40))];
  if (roll < 0.95) return notes[writer.int(0, index - 1)];
  return notes[writer.int(0, notes.length - 1)]; // a note written later, by time travel or edit
}

function reference(writer: Writer, to: NoteHead): string {
  const roll = writer.random();
  if (roll < 0.68) return `${to.id} ${to.title}`;
  if (roll < 0.78) return to.id;
  if (roll < 0.88) return `[[${to.id} ${to.title}]]`;
  if (roll < 0.92) return `[[${to.id} ${to.title}|${to.title.toLowerCase()}]]`;
  if (roll < 0.96) return `[${to.title}](${encodeURI(`${to.id} ${to.title}.md`)})`;
  return `(${to.id} ${to.title})`;
}

/** IDs where they must not count: code, URLs, tags, block IDs, attachments, longer digit runs. */
function decoy(writer: Writer, id: string): string {
  switch (writer.int(0, 7)) {
    case 0:
      return `\`${id}\``;
    case 1:
      return `https://example.com/notes/${id}/view`;
    case 2:
      return `#${id}`;
    case 3:
      return `![[Pasted image ${id}33.png]]`;
    case 4:
      return `${id}07`;
    case 5:
      return `ID${id}`;
    case 6:
      return `$${id}$`;
    default:
      return `<!-- ${id} -->`;
  }
}

function paragraph(writer: Writer, notes: readonly NoteHead[], index: number, references: number): string {
  const parts: string[] = [];
  const sentences = writer.int(2, 6);
  for (let s = 0; s < sentences; s++) {
    let sentence = writer.sentence();
    if (s < references) {
      const to = target(writer, notes, index);
      sentence = `${sentence.slice(0, -1)} ${writer.pick(VERBS)} ${reference(writer, to)}.`;
    } else if (writer.chance(0.04)) {
      sentence = `${sentence.slice(0, -1)} (see ${decoy(writer, notes[writer.int(0, notes.length - 1)].id)}).`;
    } else if (writer.chance(0.01)) {
      sentence = `${sentence.slice(0, -1)} as in ${idAt(writer.int(0, 5_000_000))} which was never written.`;
    }
    parts.push(sentence);
  }
  return parts.join(' ');
}

function codeBlock(writer: Writer, notes: readonly NoteHead[]): string {
  const id = notes[writer.int(0, notes.length - 1)].id;
  const fence = writer.chance(0.8) ? '```' : '~~~';
  return `${fence}${writer.pick(LANGS)}\nconst note = "${id}"; // ${id} must not count\nlookup(${id});\n${fence}`;
}

function body(writer: Writer, notes: readonly NoteHead[], index: number): string {
  const note = notes[index];
  const blocks: string[] = [];
  if (writer.chance(0.1)) blocks.push(`---\nid: ${note.id}\ntags: [zettel, ${writer.pick(WORDS)}]\ncreated: ${note.id}\n---`);
  if (writer.chance(0.5)) blocks.push(`${note.id} ${note.title}`);
  else blocks.push(`# ${note.title}`);
  const paragraphs = writer.int(1, 4);
  for (let p = 0; p < paragraphs; p++) {
    blocks.push(paragraph(writer, notes, index, writer.int(0, 3)));
    if (writer.chance(0.12)) blocks.push(codeBlock(writer, notes));
    if (writer.chance(0.08)) blocks.push(`- ${writer.sentence()}\n- ${reference(writer, target(writer, notes, index))}\n- ${writer.sentence()}`);
  }
  const text = blocks.join('\n\n') + '\n';
  return writer.chance(0.03) ? text.replace(/\n/g, '\r\n') : text;
}

/** About `bytes` of paragraphs, for the huge notes. */
function bulk(writer: Writer, notes: readonly NoteHead[], bytes: number, separator: string): string {
  const parts: string[] = [];
  let size = 0;
  let count = 0;
  while (size < bytes) {
    const part = count % 25 === 24 ? codeBlock(writer, notes) : paragraph(writer, notes, notes.length - 1, writer.int(0, 3));
    const piece = separator === ' ' ? part.replace(/\n/g, ' ') : part;
    parts.push(piece);
    size += piece.length + separator.length;
    count++;
  }
  return parts.join(separator);
}

/** The vault's notes, in path order of creation; deterministic for a given spec. */
export function* generateNotes(spec: VaultSpec): Generator<GeneratedNote> {
  const writer = new Writer(prng(spec.seed));
  const notes = heads(spec, writer);
  for (let i = 0; i < notes.length; i++) {
    const note = notes[i];
    let text: string;
    if (spec.hugeNotes && i === 0) text = `# ${note.title}\n\n${bulk(writer, notes, 5_000_000, '\n\n')}\n`;
    else if (spec.hugeNotes && i === 1) text = bulk(writer, notes, 1_000_000, ' ');
    else text = body(writer, notes, i);
    yield { path: note.path, text };
  }
}

interface Stamp {
  readonly version: number;
  readonly notes: number;
  readonly seed: number;
  readonly hugeNotes: boolean;
}

const STAMP_FILE = '.generator.json';

/**
 * Writes the vault under `dir` unless a vault from the same generator version and spec is already
 * there; returns whether it generated. A half-written vault has no stamp, so it is redone.
 */
export function ensureVault(dir: string, spec: VaultSpec): boolean {
  const stampPath = path.join(dir, STAMP_FILE);
  const wanted: Stamp = { version: GENERATOR_VERSION, notes: spec.notes, seed: spec.seed, hugeNotes: spec.hugeNotes };
  try {
    const found = JSON.parse(fs.readFileSync(stampPath, 'utf8')) as Stamp;
    if (JSON.stringify(found) === JSON.stringify(wanted)) return false;
  } catch {
    // No stamp or an unreadable one: generate.
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  for (const note of generateNotes(spec)) {
    const file = path.join(dir, note.path);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    fs.writeFileSync(file, note.text);
  }
  fs.writeFileSync(stampPath, JSON.stringify(wanted));
  return true;
}
