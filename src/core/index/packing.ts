/**
 * A note's references packed into one string: the length of the layout, the layout (every
 * reference's numbers as delta-encoded varints, one character per byte), then every reference's
 * context line (without the ID and the ellipses, which flags restore) followed by its link texts.
 * Readers decode on demand, so the index keeps no object per reference.
 */
import type { IndexedReference, LinkParts, ReferenceForm } from '../types';
import type { IdEntry, StoredNote } from './storedNote';

const FORMS: readonly ReferenceForm[] = ['bare', 'wikilink', 'markdown'];
const ELLIPSIS = '…';
// Flag bits below the context length: form (2 bits), leading ellipsis, trailing ellipsis, ID cut
// out, link parts follow.
const FLAG_BITS = 6;
const LEADING = 4;
const TRAILING = 8;
const ID_CUT = 16;
const LINKED = 32;

/** Packs references (any order) into one string. */
export function packReferences(references: readonly IndexedReference[]): string {
  if (references.length === 0) return '';
  const codes: number[] = [];
  const texts: string[] = [];
  let previousFrom = 0;
  let previousLine = 0;
  for (const reference of references) {
    const { context, id, link } = reference;
    let flags = Math.max(0, FORMS.indexOf(reference.form)) | (link === undefined ? 0 : LINKED);
    let start = 0;
    let end = context.length;
    if (context.startsWith(ELLIPSIS)) {
      flags |= LEADING;
      start += ELLIPSIS.length;
    }
    if (end - start >= ELLIPSIS.length && context.endsWith(ELLIPSIS)) {
      flags |= TRAILING;
      end -= ELLIPSIS.length;
    }
    // The ID is known from the entry, so the context keeps only what surrounds its first occurrence.
    const idAt = id === '' ? -1 : context.indexOf(id, start);
    const cut = idAt >= 0 && idAt + id.length <= end;
    if (cut) {
      flags |= ID_CUT;
      texts.push(context.slice(start, idAt), context.slice(idAt + id.length, end));
    } else texts.push(context.slice(start, end));
    pushVarint(codes, zigzag(reference.from - previousFrom));
    pushVarint(codes, zigzag(reference.to - reference.from));
    pushVarint(codes, zigzag(reference.line - previousLine));
    pushVarint(codes, zigzag(reference.column));
    pushVarint(codes, (end - start - (cut ? id.length : 0)) * 2 ** FLAG_BITS + flags);
    if (cut) pushVarint(codes, idAt - start);
    if (link !== undefined) packLink(link, reference, codes, texts);
    previousFrom = reference.from;
    previousLine = reference.line;
  }
  const header: number[] = [];
  pushVarint(header, codes.length);
  return compactCopy(fromCodes(header) + fromCodes(codes) + texts.join(''));
}

/** Link offsets relative to the ID, and its texts after the context (display: 0 = none, else length + 1). */
function packLink(link: LinkParts, reference: IndexedReference, codes: number[], texts: string[]): void {
  pushVarint(codes, zigzag(reference.from - link.from));
  pushVarint(codes, zigzag(link.to - reference.to));
  pushVarint(codes, zigzag(link.targetFrom - link.from));
  pushVarint(codes, zigzag(link.targetTo - link.targetFrom));
  pushVarint(codes, link.embed ? 1 : 0);
  pushVarint(codes, link.target.length);
  pushVarint(codes, link.subpath.length);
  pushVarint(codes, link.display === null ? 0 : link.display.length + 1);
  texts.push(link.target, link.subpath, link.display ?? '');
}

/**
 * Reads a note's references one by one without allocating per reference; `reference()` builds
 * the public object for the current one only when a caller keeps it.
 */
export class ReferenceReader {
  index = -1;
  from = 0;
  to = 0;
  line = 0;
  column = 0;
  /** The current reference's link parts (decoded with it; links are the rarer form). */
  link: LinkParts | undefined = undefined;
  private flags = 0;
  private contextStart = 0;
  private contextLength = 0;
  private contextEnd = 0;
  private idAt = 0;
  private position = 0;
  private readonly layoutEnd: number;

  constructor(private readonly stored: StoredNote) {
    const layoutLength = stored.packed === '' ? 0 : this.varint();
    this.layoutEnd = this.position + layoutLength;
    this.contextEnd = this.layoutEnd;
  }

  /** Moves to the next reference; false after the last. */
  next(): boolean {
    if (this.index + 1 >= this.stored.entries.length) return false;
    this.index++;
    this.from += unzigzag(this.varint());
    this.to = this.from + unzigzag(this.varint());
    this.line += unzigzag(this.varint());
    this.column = unzigzag(this.varint());
    const field = this.varint();
    this.flags = field % 2 ** FLAG_BITS;
    this.contextStart = this.contextEnd;
    this.contextLength = Math.floor(field / 2 ** FLAG_BITS);
    this.contextEnd = this.contextStart + this.contextLength;
    this.idAt = (this.flags & ID_CUT) !== 0 ? this.varint() : 0;
    this.link = (this.flags & LINKED) !== 0 ? this.readLink() : undefined;
    return true;
  }

  private readLink(): LinkParts {
    const from = this.from - unzigzag(this.varint());
    const to = this.to + unzigzag(this.varint());
    const targetFrom = from + unzigzag(this.varint());
    const targetTo = targetFrom + unzigzag(this.varint());
    const embed = this.varint() === 1;
    const texts = this.stored.packed;
    const target = texts.slice(this.contextEnd, (this.contextEnd += this.varint()));
    const subpath = texts.slice(this.contextEnd, (this.contextEnd += this.varint()));
    const displayLength = this.varint();
    const display = displayLength === 0 ? null : texts.slice(this.contextEnd, (this.contextEnd += displayLength - 1));
    return { from, to, embed, target, targetFrom, targetTo, subpath, display };
  }

  /** After the last next(): whether the layout and the texts were read exactly to their ends. */
  consumedAll(): boolean {
    return this.position === this.layoutEnd && this.contextEnd === this.stored.packed.length;
  }

  get entry(): IdEntry {
    return this.stored.entries[this.index];
  }

  /** The current reference as the reader interface hands it out. */
  reference(): IndexedReference {
    const link = this.link;
    return {
      id: this.entry.id,
      form: FORMS[this.flags & 3],
      from: this.from,
      to: this.to,
      line: this.line,
      column: this.column,
      context: this.context(),
      ...(link === undefined ? {} : { link }),
    };
  }

  private context(): string {
    let context = this.stored.packed.slice(this.contextStart, this.contextStart + this.contextLength);
    if ((this.flags & ID_CUT) !== 0) context = context.slice(0, this.idAt) + this.entry.id + context.slice(this.idAt);
    if ((this.flags & LEADING) !== 0) context = ELLIPSIS + context;
    if ((this.flags & TRAILING) !== 0) context += ELLIPSIS;
    return context;
  }

  private varint(): number {
    const layout = this.stored.packed;
    let value = 0;
    let scale = 1;
    for (;;) {
      const code = layout.charCodeAt(this.position++);
      value += (code & 127) * scale;
      if (code < 128) return value;
      scale *= 128;
    }
  }
}

function pushVarint(codes: number[], value: number): void {
  while (value >= 128) {
    codes.push((value % 128) + 128);
    value = Math.floor(value / 128);
  }
  codes.push(value);
}

function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

function unzigzag(value: number): number {
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}

/** The codes (each below 256) as a one-byte string. */
function fromCodes(codes: number[]): string {
  if (codes.length <= CODES_PER_CALL) return String.fromCharCode.apply(null, codes);
  const chunks: string[] = [];
  // fromCharCode takes its codes as arguments; chunk to stay far below engine argument limits.
  for (let at = 0; at < codes.length; at += CODES_PER_CALL) {
    chunks.push(String.fromCharCode.apply(null, codes.slice(at, at + CODES_PER_CALL)));
  }
  return chunks.join('');
}

const CODES_PER_CALL = 8192;

/**
 * A flat copy of the text, one byte per character when every character fits. Joined slices of a
 * note keep the note's representation: a note with a single curly quote anywhere is two bytes per
 * character, so its contexts would cost twice what they need; and a single slice would keep the
 * whole note alive. V8's JSON parser builds fresh strings, one-byte whenever it can, and
 * round-trips every string exactly (lone surrogates included), at about a microsecond per note.
 */
function compactCopy(text: string): string {
  return text === '' ? '' : (JSON.parse(JSON.stringify(text)) as string);
}
