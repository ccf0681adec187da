/**
 * A note's facts in the compact form the index stores: numbers only, every string (context line,
 * link texts) left in the note's text, where the index reads it back when a caller asks. This is
 * the fast way in for a whole vault; `NoteFacts` (strings included) stays for facts from elsewhere.
 */
import { scanInto, type ReferenceSink } from '../ids/scanner';
import type { IndexedReference, LinkParts } from '../types';
import { idKeysFor, type IdKeys } from './idKeys';
import { resized } from './idTable';
import { NameReading } from './names';
import type { LineStarts } from '../ids/lines';
import { titleOf, type NoteFacts, type NoteFactsOptions } from './noteFacts';
import { idFromFrontmatter, ownIdOf } from './ownId';
import {
  EMBED, LINK, LINK_DISPLAY_FROM, LINK_DISPLAY_LENGTH, LINK_FROM, LINK_REF_INTS, LINK_SUBPATH_LENGTH, LINK_TARGET_FROM,
  LINK_TARGET_TO, LINK_TO, REF_COLUMN, REF_FLAGS, REF_FROM, REF_INTS, REF_LINE, REF_SLOT,
} from './referenceStore';

/** The facts of one note as numbers; strings are read back from a text of `textLength`. */
export interface ScannedNote {
  readonly path: string;
  readonly id: string | null;
  readonly title: string;
  readonly textLength: number;
  /**
   * Reference records in text order (see referenceStore.ts), from `intsFrom` on; REF_SLOT holds an
   * index into `keys` and `ids` (which many notes may share, a batch's or a cache chunk's).
   */
  readonly ints: Int32Array;
  readonly intsFrom: number;
  /** Ints of the note's records. */
  readonly length: number;
  /** Entries of `keys` and `ids` in use. */
  readonly keyCount: number;
  /** The IDs the records name: an integer key (IdKeys), or -1 when the ID is in `ids`. */
  readonly keys: Float64Array;
  /**
   * The IDs that have no key, at their entry's index. An entry whose key `keys` holds is never read
   * and may be missing: a preset format's scan makes no string per reference.
   */
  readonly ids: readonly string[];
  /**
   * Where `title` starts in `path` when it is read off the path (the names pass's reading, see
   * NameReading); -1 or absent otherwise. It lets the bulk build compare titles as numbers.
   */
  readonly titleFrom?: number;
  /** Set on notes whose arrays a NoteScanner reuses: they are valid only while `isCurrent()`. */
  readonly isCurrent?: () => boolean;
}

/** What the index accepts: facts in the compact form, or whole. */
export type NoteInput = ScannedNote | NoteFacts;

export function isScanned(input: NoteInput): input is ScannedNote {
  return (input as Partial<ScannedNote>).ints !== undefined;
}

const FORM_CODES = { bare: 0, wikilink: 1, markdown: 2 } as const;

/**
 * Scans notes into the compact form: the scanner hands each reference over as numbers, and they
 * are written straight into this scanner's arrays, reused from note to note, so a result is valid
 * until the next scan.
 */
export class NoteScanner implements ReferenceSink {
  private ints = new Int32Array(1024);
  private keys = new Float64Array(128);
  private readonly ids: string[] = [];
  private readonly idKeys: IdKeys | null;
  /** Keys the own ID and title are read off the path with (not Denote's, whose titles are no spans of the name). */
  private readonly nameKeys: IdKeys | null;
  private readonly name = new NameReading();
  private scans = 0;
  // The note's own ID and title (see namesOf).
  private noteId: string | null = null;
  private noteTitle = '';
  private noteTitleFrom = -1;
  // The note being scanned.
  private text = '';
  /** The scanner's line starts for the note being scanned (see lines), and the line of the last reference. */
  private lineStarts: LineStarts | null = null;
  private lineIndex = 0;
  private used = 0;
  private count = 0;

  constructor(private readonly options: NoteFactsOptions) {
    this.idKeys = idKeysFor(options.format);
    this.nameKeys = options.format.key === 'denote' ? null : this.idKeys;
  }

  /** The note's facts; the result shares this scanner's arrays and is valid until the next scan. */
  scan(path: string, text: string): ScannedNote {
    const serial = ++this.scans;
    this.namesOf(path, text);
    const id = this.noteId;
    const title = this.noteTitle;
    const titleFrom = this.noteTitleFrom;
    this.text = text;
    this.lineStarts = null;
    this.used = 0;
    this.count = 0;
    scanInto(text, this.options.format, this);
    this.text = '';
    this.lineStarts = null;
    // Entries are written in place (see record); what the last note left past this one's goes, as
    // those slices would keep its text alive. A preset format's scan writes none.
    if (this.ids.length > this.count) this.ids.length = this.count;
    return new CurrentScan(this, serial, path, id, title, titleFrom, text.length, this.ints, this.used, this.count, this.keys, this.ids);
  }

  /** Whether `serial` is the number of the latest scan (its arrays still hold that note). */
  holdsScan(serial: number): boolean {
    return serial === this.scans;
  }

  /**
   * Sets the note's own ID and title as ownIdOf and titleOf give them; with a preset format, read
   * off the path's characters as the names pass reads them, the text looked at only when the path
   * does not tell (a frontmatter ID, a title from a heading).
   */
  private namesOf(path: string, text: string): void {
    const keys = this.nameKeys;
    const { format, ownIdSources, frontmatterKey } = this.options;
    this.noteTitleFrom = -1;
    if (keys === null) {
      const own = ownIdOf(path, text, this.options);
      this.noteId = own === null ? null : own.id;
      this.noteTitle = titleOf(path, this.noteId, text, format);
      return;
    }
    const name = this.name.read(path, keys);
    let id: string | null = null;
    // Indexed, not for…of: the iterator's result objects are garbage once per note.
    for (let i = 0; i < ownIdSources.length; i++) {
      const source = ownIdSources[i];
      const from = source === 'filename' ? (name.fileKey >= 0 ? name.nameStart : -1) : source === 'folder' ? name.folderStart : -1;
      if (from >= 0) id = path.slice(from, from + keys.length);
      else if (source === 'frontmatter') id = idFromFrontmatter(text, frontmatterKey, format);
      if (id !== null) break;
    }
    this.noteId = id;
    if (name.titleFrom < 0) this.noteTitle = titleOf(path, id, text, format);
    else {
      this.noteTitle = path.slice(name.titleFrom, name.titleTo);
      this.noteTitleFrom = name.titleFrom;
    }
  }

  lines(starts: LineStarts): void {
    this.lineStarts = starts;
    this.lineIndex = 0;
  }

  bare(from: number, to: number): void {
    this.record(from, to, FORM_CODES.bare);
  }

  link(
    form: 'wikilink' | 'markdown', from: number, to: number, linkFrom: number, linkTo: number, embed: boolean,
    targetFrom: number, targetTo: number, subpathLength: number, displayFrom: number, displayLength: number,
  ): void {
    const at = this.record(from, to, FORM_CODES[form] | LINK | (embed ? EMBED : 0));
    const ints = this.ints;
    ints[at + LINK_FROM] = linkFrom;
    ints[at + LINK_TO] = linkTo;
    ints[at + LINK_TARGET_FROM] = targetFrom;
    ints[at + LINK_TARGET_TO] = targetTo;
    ints[at + LINK_SUBPATH_LENGTH] = subpathLength;
    ints[at + LINK_DISPLAY_FROM] = displayFrom;
    ints[at + LINK_DISPLAY_LENGTH] = displayLength;
  }

  /** Writes the reference's record (the link's spans, if any, follow it); returns where it starts. */
  private record(from: number, to: number, flags: number): number {
    const at = this.used;
    if (at + LINK_REF_INTS > this.ints.length) this.ints = resized(this.ints, this.ints.length * 2, Int32Array);
    if (this.count >= this.keys.length) this.keys = resized(this.keys, this.keys.length * 2, Float64Array);
    // References come in text order (ReferenceSink), so the line cursor only moves forward.
    const lines = this.lineStarts as LineStarts;
    const starts = lines.starts;
    let line = this.lineIndex;
    while (line + 1 < lines.count && starts[line + 1] <= from) line++;
    this.lineIndex = line;
    const ints = this.ints;
    const reference = this.count++;
    ints[at + REF_SLOT] = reference;
    ints[at + REF_FROM] = from;
    ints[at + REF_LINE] = lines.firstLine + line;
    ints[at + REF_COLUMN] = from - starts[line] + 1;
    ints[at + REF_FLAGS] = flags;
    // The scanner matched the format at [from, to), so a preset format's key is there to read.
    if (this.idKeys === null) this.keys[reference] = -1;
    else this.idKeys.keyInto(this.text, from, this.keys, reference);
    // Written in place rather than pushed after emptying the array, which would grow it anew for every note.
    if (this.keys[reference] < 0) this.ids[reference] = this.text.slice(from, to);
    this.used = at + ((flags & LINK) !== 0 ? LINK_REF_INTS : REF_INTS);
    return at;
  }
}

/** A NoteScanner's result: a class, so the check that it is current is a method, not a closure per note. */
class CurrentScan implements ScannedNote {
  readonly intsFrom = 0;

  constructor(
    private readonly scanner: NoteScanner,
    private readonly serial: number,
    readonly path: string,
    readonly id: string | null,
    readonly title: string,
    readonly titleFrom: number,
    readonly textLength: number,
    readonly ints: Int32Array,
    readonly length: number,
    readonly keyCount: number,
    readonly keys: Float64Array,
    readonly ids: readonly string[],
  ) {}

  isCurrent(): boolean {
    return this.scanner.holdsScan(this.serial);
  }
}

/** The link parts of a stored record, read from the note's text. */
export function linkFromText(ints: Int32Array, at: number, text: string): LinkParts {
  const targetTo = ints[at + LINK_TARGET_TO];
  const displayLength = ints[at + LINK_DISPLAY_LENGTH];
  const displayFrom = ints[at + LINK_DISPLAY_FROM];
  return {
    from: ints[at + LINK_FROM],
    to: ints[at + LINK_TO],
    embed: (ints[at + REF_FLAGS] & EMBED) !== 0,
    target: text.slice(ints[at + LINK_TARGET_FROM], targetTo),
    targetFrom: ints[at + LINK_TARGET_FROM],
    targetTo,
    subpath: text.slice(targetTo, targetTo + ints[at + LINK_SUBPATH_LENGTH]),
    display: displayLength < 0 ? null : text.slice(displayFrom, displayFrom + displayLength),
  };
}

/** References given whole, as the index keeps them: strings copied flat, so no note text stays alive. */
export function keptWhole(references: readonly IndexedReference[]): IndexedReference[] {
  return JSON.parse(JSON.stringify(references)) as IndexedReference[];
}
