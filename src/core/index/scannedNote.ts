/**
 * A note's facts in the compact form the index stores: numbers only, every string (context line,
 * link texts) left in the note's text, where the index reads it back when a caller asks. This is
 * the fast way in for a whole vault; `NoteFacts` (strings included) stays for facts from elsewhere.
 */
import { scanReferences } from '../ids/scanner';
import type { IndexedReference, LinkParts, ScannedReference } from '../types';
import { idKeysFor, type IdKeys } from './idKeys';
import { resized } from './idTable';
import { indexReferences, LineTracker, titleOf, type NoteFacts, type NoteFactsOptions } from './noteFacts';
import { ownIdOf } from './ownId';
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
  /** Reference records in text order (see referenceStore.ts); REF_SLOT holds an index into `keys` and `ids`. */
  readonly ints: Int32Array;
  /** Ints of `ints` in use. */
  readonly length: number;
  /** Entries of `keys` and `ids` in use. */
  readonly keyCount: number;
  /** The IDs the records name: an integer key (IdKeys), or -1 when the ID is in `ids`. */
  readonly keys: Float64Array;
  /** The IDs that have no key ('' where `keys` holds one). */
  readonly ids: readonly string[];
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
 * Scans notes into the compact form, reusing its arrays: a result is valid until the next scan.
 * A note whose link texts are not plain spans of its text comes back as whole NoteFacts instead.
 */
export class NoteScanner {
  private ints = new Int32Array(1024);
  private keys = new Float64Array(128);
  private readonly ids: string[] = [];
  private readonly idKeys: IdKeys | null;
  private scans = 0;

  constructor(private readonly options: NoteFactsOptions) {
    this.idKeys = idKeysFor(options.format);
  }

  /** The note's facts; a compact result shares this scanner's arrays and is valid until the next scan. */
  scan(path: string, text: string): NoteInput {
    const serial = ++this.scans;
    const own = ownIdOf(path, text, this.options);
    const id = own === null ? null : own.id;
    const title = titleOf(path, id, text, this.options.format);
    const scanned = scanReferences(text, this.options.format);
    if (this.keys.length < scanned.length) this.keys = new Float64Array(scanned.length * 2);
    this.ids.length = 0;
    const lines = new LineTracker(text);
    let at = 0;
    for (let i = 0; i < scanned.length; i++) {
      const reference = scanned[i];
      if (at + LINK_REF_INTS > this.ints.length) this.ints = resized(this.ints, this.ints.length * 2, Int32Array);
      if (reference.to !== reference.from + reference.id.length) return this.whole(path, id, title, text, scanned);
      lines.moveTo(reference.from);
      const ints = this.ints;
      ints[at + REF_SLOT] = i;
      ints[at + REF_FROM] = reference.from;
      ints[at + REF_LINE] = lines.line;
      ints[at + REF_COLUMN] = reference.from - lines.lineStart + 1;
      ints[at + REF_FLAGS] = FORM_CODES[reference.form];
      const key = this.idKeys === null ? -1 : this.idKeys.keyOf(reference.id);
      this.keys[i] = key;
      this.ids.push(key < 0 ? reference.id : '');
      if (reference.link !== undefined) {
        if (!writeLink(ints, at, reference.link, text)) return this.whole(path, id, title, text, scanned);
        at += LINK_REF_INTS;
      } else at += REF_INTS;
    }
    const isCurrent = (): boolean => serial === this.scans;
    return { path, id, title, textLength: text.length, ints: this.ints, length: at, keyCount: scanned.length, keys: this.keys, ids: this.ids, isCurrent };
  }

  private whole(path: string, id: string | null, title: string, text: string, scanned: readonly ScannedReference[]): NoteFacts {
    return { path, id, title, references: indexReferences(text, scanned) };
  }
}

/** Writes the link's spans after the record at `at`; false when its texts are not spans of the text. */
function writeLink(ints: Int32Array, at: number, link: LinkParts, text: string): boolean {
  const { target, subpath, display } = link;
  if (text.slice(link.targetFrom, link.targetTo) !== target || !text.startsWith(subpath, link.targetTo)) return false;
  let displayFrom = 0;
  if (display !== null) {
    displayFrom = displayStart(link, text);
    if (displayFrom < 0) return false;
  }
  ints[at + REF_FLAGS] |= LINK | (link.embed ? EMBED : 0);
  ints[at + LINK_FROM] = link.from;
  ints[at + LINK_TO] = link.to;
  ints[at + LINK_TARGET_FROM] = link.targetFrom;
  ints[at + LINK_TARGET_TO] = link.targetTo;
  ints[at + LINK_SUBPATH_LENGTH] = subpath.length;
  ints[at + LINK_DISPLAY_FROM] = displayFrom;
  ints[at + LINK_DISPLAY_LENGTH] = display === null ? -1 : display.length;
  return true;
}

/** Where the display text stands: a markdown link's text after `[`, a wikilink's alias before `]]`. */
function displayStart(link: LinkParts, text: string): number {
  const display = link.display as string;
  const afterBracket = link.from + (link.embed ? 2 : 1);
  if (text.startsWith(display, afterBracket) && text[afterBracket + display.length] === ']') return afterBracket;
  const beforeClose = link.to - 2 - display.length;
  return beforeClose >= link.from && text.startsWith(display, beforeClose) ? beforeClose : -1;
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
