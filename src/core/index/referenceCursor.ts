/**
 * Reading a note's stored references one by one, without an object per reference: hot paths
 * (check, the chain) read numbers; `reference()` builds the public object only when asked. Strings
 * come from the note's text (a scanned note) or from the references as they were given (facts).
 */
import type { IndexedReference, LinkParts, NoteCursor, ReferenceForm, ResolutionStatus } from '../types';
import { NONE, SEVERAL, type IdTable } from './idTable';
import { contextAt } from './noteFacts';
import { NO_TEXT, type NoteTable } from './noteTable';
import { FORM_MASK, LINK, recordLength, REF_COLUMN, REF_FLAGS, REF_FROM, REF_LINE, REF_SLOT } from './referenceStore';
import { linkFromText } from './scannedNote';

/**
 * Note texts, for the strings of scanned notes: the text the note was scanned from, or undefined
 * when it is not at hand. A text of another length, or without the reference's ID at its offset,
 * is taken as changed since and not used.
 */
export interface NoteTexts {
  textOf(path: string): string | undefined;
}

const FORMS: readonly ReferenceForm[] = ['bare', 'wikilink', 'markdown'];

/**
 * One note's references, then (with `reset`) another's: a whole vault walked with one cursor makes
 * no object per note or per reference. Valid until the next update of the index.
 */
export class ReferenceCursor implements NoteCursor {
  /** The current reference's number in the note (counting every stored reference). */
  index = -1;
  idSlot = NONE;
  from = 0;
  line = 0;
  column = 0;
  flags = 0;
  private note = NONE;
  private at = 0;
  private nextAt = 0;
  private end = 0;
  private text: string | null | undefined = undefined;
  private given: readonly IndexedReference[] | undefined = undefined;

  constructor(
    private readonly ids: IdTable,
    private readonly notes: NoteTable,
    private readonly ints: Int32Array,
    private readonly texts: NoteTexts | null,
  ) {}

  /** Points the cursor before the first reference of the note (NONE: a note without references). */
  reset(note: number): this {
    this.note = note;
    this.index = -1;
    this.nextAt = note === NONE ? 0 : this.notes.refStart[note];
    this.end = note === NONE ? 0 : this.nextAt + this.notes.refLength[note];
    this.given = note === NONE ? undefined : this.notes.given.get(note);
    this.text = undefined;
    return this;
  }

  get path(): string {
    return this.notes.path(this.note);
  }

  get hasOwnId(): boolean {
    return this.notes.ownId[this.note] !== NONE;
  }

  get ownIdSlot(): number {
    return this.note === NONE ? NONE : this.notes.ownId[this.note];
  }

  ownId(): string | null {
    const own = this.notes.ownId[this.note];
    return own === NONE ? null : this.ids.idOf(own);
  }

  title(): string {
    return this.notes.title(this.note);
  }

  /** Moves to the next reference; false after the last. */
  next(): boolean {
    if (this.nextAt >= this.end) return false;
    const ints = this.ints;
    const at = (this.at = this.nextAt);
    this.index++;
    this.idSlot = ints[at + REF_SLOT];
    this.from = ints[at + REF_FROM];
    this.line = ints[at + REF_LINE];
    this.column = ints[at + REF_COLUMN];
    this.flags = ints[at + REF_FLAGS];
    this.nextAt = at + recordLength(ints, at);
    return true;
  }

  /** The path of the one note owning the current reference's ID; null when none or several do. */
  ownerPath(): string | null {
    const owner = this.ids.owner[this.idSlot];
    // Callers ask only of resolved IDs, or take null and a missing path alike.
    return owner < 0 ? null : this.notes.path(owner);
  }

  /** Whether the reference counts: its ID names a note or could be a real timestamp. */
  counts(): boolean {
    return this.ids.counts(this.idSlot);
  }

  /** How the reference's ID resolves: to one note, to none, or to several. */
  get status(): ResolutionStatus {
    const owner = this.ids.owner[this.idSlot];
    return owner === NONE ? 'unresolved' : owner === SEVERAL ? 'ambiguous' : 'resolved';
  }

  get form(): ReferenceForm {
    return FORMS[this.flags & FORM_MASK];
  }

  get isLink(): boolean {
    return (this.flags & LINK) !== 0;
  }

  id(): string {
    return this.ids.idOf(this.idSlot);
  }

  to(): number {
    const given = this.given;
    return given !== undefined ? given[this.index].to : this.from + this.ids.idLength(this.idSlot);
  }

  /** The line the reference stands in, trimmed around the ID; '' when the note's text is not at hand. */
  context(): string {
    const given = this.given;
    if (given !== undefined) return given[this.index].context;
    const text = this.validText();
    return text === null ? '' : contextAt(text, this.from, this.to());
  }

  /** The link around the ID; undefined for bare IDs, and for links whose note text is not at hand. */
  link(): LinkParts | undefined {
    if (!this.isLink) return undefined;
    const given = this.given;
    if (given !== undefined) return given[this.index].link;
    const text = this.validText();
    return text === null ? undefined : linkFromText(this.ints, this.at, text);
  }

  /** The current reference as the reader interface hands it out. */
  reference(): IndexedReference {
    const given = this.given;
    if (given !== undefined) return given[this.index];
    const link = this.link();
    return {
      id: this.id(),
      form: this.form,
      from: this.from,
      to: this.to(),
      line: this.line,
      column: this.column,
      context: this.context(),
      ...(link === undefined ? {} : { link }),
    };
  }

  /** The note's text when it is the one the references were scanned from (checked per reference). */
  private validText(): string | null {
    if (this.text === undefined) {
      const length = this.notes.textLength[this.note];
      // A note read from no text is not asked for one (no text's length would match NO_TEXT anyway).
      const text = length === NO_TEXT || this.texts === null ? undefined : this.texts.textOf(this.notes.path(this.note));
      this.text = text !== undefined && text.length === length ? text : null;
    }
    return this.text !== null && this.ids.isAt(this.idSlot, this.text, this.from) ? this.text : null;
  }
}
