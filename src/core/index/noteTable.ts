/**
 * The notes the index holds, one small integer (slot) each: its path, own ID's slot, title and
 * where its references lie, in typed arrays. The path strings are the caller's own (Obsidian keeps
 * them anyway); titles are kept as their position in the path whenever the path spells them.
 */
import { NONE, resized, worthTrimming } from './idTable';
import type { IndexedReference } from '../types';

/** How the strings of a note's references (contexts, link texts) are got back. */
export const NO_TEXT = -1;

const TITLE_SPAN = 4096;

export class NoteTable {
  /** Own ID's slot, or NONE. */
  ownId = new Int32Array(0);
  /** First int of the note's reference block, or NONE for a free slot. */
  refStart = new Int32Array(0);
  /** Ints in the note's reference block. */
  refLength = new Int32Array(0);
  /** Length of the text the references were scanned from, or NO_TEXT (facts given whole). */
  textLength = new Int32Array(0);
  /** `start * TITLE_SPAN + length` of the title in the path, or NONE (then in `titles`). */
  private titleCode = new Int32Array(0);
  /** By slot; undefined for a free slot. Replaced whole by a bulk addUnmapped. */
  paths: (string | undefined)[] = [];
  /** Path → slot; slots from `deferredFrom` on may not be in it yet (see addUnmapped). */
  private readonly byPath = new Map<string, number>();
  private deferredFrom = NONE;
  /** Whether the deferred paths came in strictly increasing order, so none was given twice. */
  private deferredUnique = true;
  private live = 0;
  /** Titles the path does not spell (folder notes titled by their heading). */
  private readonly titles = new Map<number, string>();
  /** References given whole (facts from elsewhere): their strings cannot be read from a text. */
  readonly given = new Map<number, readonly IndexedReference[]>();
  private slotsUsed = 0;
  private readonly freeSlots: number[] = [];

  /**
   * @param dropDuplicate Called with a slot added by addUnmapped whose path turned out to be
   *   indexed already (a path given twice): the owner must take it out again and `free` it.
   */
  constructor(private readonly dropDuplicate: (slot: number) => void = () => undefined) {}

  get size(): number {
    this.settle();
    return this.live;
  }

  /**
   * Drops any deferred path given twice, so every live slot holds a path of its own; cheap when
   * none can be (deferred paths given in increasing order stay out of the path map until a path
   * is looked up).
   */
  settle(): void {
    if (this.deferredFrom !== NONE && !this.deferredUnique) this.mapped();
  }

  clear(): void {
    this.paths.length = 0;
    this.byPath.clear();
    this.deferredFrom = NONE;
    this.live = 0;
    this.titles.clear();
    this.given.clear();
    this.freeSlots.length = 0;
    this.slotsUsed = 0;
    this.resize(0);
  }

  /** Slots handed out so far, free ones included (an upper bound for loops). */
  get extent(): number {
    return this.slotsUsed;
  }

  slotOf(path: string): number {
    return this.mapped().get(path) ?? NONE;
  }

  /**
   * The slot of the path, `guess` tried first: a bulk build puts notes in the order the names
   * pass added them, and a guess that holds the path needs no path map at all.
   */
  slotOfGuess(path: string, guess: number): number {
    const unique = this.deferredFrom === NONE || this.deferredUnique;
    return unique && guess < this.slotsUsed && this.paths[guess] === path ? guess : this.slotOf(path);
  }

  has(path: string): boolean {
    return this.mapped().has(path);
  }

  /** A slot for a new path, with no ID, no references and no text. */
  add(path: string): number {
    const slot = this.newSlot(path, this.freeSlots.pop());
    this.mapped().set(path, slot);
    return slot;
  }

  /**
   * Slots for a bulk of new paths (the start-up names pass), numbered in their order from the
   * slot returned. They enter the path map only when someone next looks a path up: the names pass
   * then costs no Map operation at all, and the map is filled in one go. A path that turns out to be
   * there already goes to `dropDuplicate` then.
   */
  addUnmapped(paths: readonly string[]): number {
    const first = this.slotsUsed;
    const end = first + paths.length;
    if (paths.length === 0) return first;
    this.reserve(paths.length);
    // Paths in strictly increasing order (as listings give them) cannot hold one twice.
    let unique = this.deferredFrom === NONE || (this.deferredUnique && (this.paths[first - 1] as string) < paths[0]);
    for (let i = 1; unique && i < paths.length; i++) unique = paths[i - 1] < paths[i];
    if (this.deferredFrom === NONE) this.deferredFrom = first;
    this.deferredUnique = unique;
    // One copy of the caller's array instead of growing ours path by path.
    this.paths = first === 0 ? paths.slice() : this.paths.concat(paths);
    this.slotsUsed = end;
    this.live += paths.length;
    this.ownId.fill(NONE, first, end);
    this.refStart.fill(0, first, end);
    this.refLength.fill(0, first, end);
    this.textLength.fill(NO_TEXT, first, end);
    this.titleCode.fill(0, first, end);
    return first;
  }

  private newSlot(path: string, free: number | undefined): number {
    let slot = free;
    if (slot === undefined) {
      slot = this.slotsUsed++;
      if (slot >= this.ownId.length) this.resize(Math.max(64, Math.ceil(this.ownId.length * 1.5)));
    }
    this.live++;
    this.paths[slot] = path;
    this.ownId[slot] = NONE;
    this.refStart[slot] = 0;
    this.refLength[slot] = 0;
    this.textLength[slot] = NO_TEXT;
    this.titleCode[slot] = 0;
    return slot;
  }

  /** The path map with every deferred path entered. */
  private mapped(): Map<string, number> {
    if (this.deferredFrom === NONE) return this.byPath;
    const from = this.deferredFrom;
    this.deferredFrom = NONE;
    const duplicates: number[] = [];
    for (let slot = from; slot < this.slotsUsed; slot++) {
      const path = this.paths[slot];
      if (path === undefined) continue;
      const before = this.byPath.size;
      this.byPath.set(path, slot);
      if (this.byPath.size === before) duplicates.push(slot);
    }
    for (const slot of duplicates) {
      const path = this.paths[slot] as string;
      // The first slot of the path keeps it; the later one goes.
      this.byPath.set(path, this.paths.indexOf(path));
      this.dropDuplicate(slot);
    }
    return this.byPath;
  }

  /** Takes an unmapped duplicate slot out (its owner has already let go of everything else). */
  free(slot: number): void {
    this.paths[slot] = undefined;
    this.titles.delete(slot);
    this.refStart[slot] = NONE;
    this.refLength[slot] = 0;
    this.live--;
    this.freeSlots.push(slot);
  }

  remove(slot: number): void {
    this.mapped().delete(this.paths[slot] as string);
    this.live--;
    this.paths[slot] = undefined;
    this.titles.delete(slot);
    this.given.delete(slot);
    this.refStart[slot] = NONE;
    this.refLength[slot] = 0;
    this.freeSlots.push(slot);
  }

  isLive(slot: number): boolean {
    return this.paths[slot] !== undefined;
  }

  path(slot: number): string {
    return this.paths[slot] as string;
  }

  /**
   * Whether the note at `slot` has `path` and, as its title, the span of `length` characters at
   * `from` in it, compared as numbers: true only when the title is kept as that very span (a
   * title equal in text but kept otherwise answers false; titleIs tells that).
   */
  titleIsSpanOf(slot: number, path: string, from: number, length: number): boolean {
    return from >= 0 && this.titleCode[slot] === from * TITLE_SPAN + length && length < TITLE_SPAN && this.paths[slot] === path;
  }

  /** Whether the note's title is `title`, without making the title's string. */
  titleIs(slot: number, title: string): boolean {
    const code = this.titleCode[slot];
    if (code === NONE) return this.titles.get(slot) === title;
    const length = code % TITLE_SPAN;
    return length === title.length && (this.paths[slot] as string).startsWith(title, Math.floor(code / TITLE_SPAN));
  }

  title(slot: number): string {
    const code = this.titleCode[slot];
    if (code === NONE) return this.titles.get(slot) as string;
    const start = Math.floor(code / TITLE_SPAN);
    return (this.paths[slot] as string).slice(start, start + (code % TITLE_SPAN));
  }

  setTitle(slot: number, title: string): void {
    const path = this.paths[slot] as string;
    const at = path.lastIndexOf(title);
    if (at >= 0 && title.length < TITLE_SPAN && at < 2 ** 18) {
      this.titleCode[slot] = at * TITLE_SPAN + title.length;
      this.titles.delete(slot);
    } else {
      this.titleCode[slot] = NONE;
      this.titles.set(slot, title);
    }
  }

  /** Sets the title as the slice [start, end) of the path (the names pass knows where it lies). */
  setTitleSpan(slot: number, start: number, end: number): void {
    if (end - start < TITLE_SPAN && start < 2 ** 18) this.titleCode[slot] = start * TITLE_SPAN + (end - start);
    else this.setTitle(slot, (this.paths[slot] as string).slice(start, end));
  }

  /** Every live slot, in slot order. */
  *liveSlots(): Generator<number> {
    this.settle();
    for (let slot = 0; slot < this.slotsUsed; slot++) if (this.paths[slot] !== undefined) yield slot;
  }

  /** Shrinks the arrays to what they hold (after a bulk build), unless little would be gained. */
  trim(): void {
    if (worthTrimming(this.slotsUsed, this.ownId.length)) this.resize(this.slotsUsed);
  }

  /** Makes room for `more` notes at once (a bulk build), so the arrays grow once. */
  reserve(more: number): void {
    const needed = this.slotsUsed + more;
    if (needed > this.ownId.length) this.resize(needed);
  }


  private resize(capacity: number): void {
    this.ownId = resized(this.ownId, capacity, Int32Array);
    this.refStart = resized(this.refStart, capacity, Int32Array);
    this.refLength = resized(this.refLength, capacity, Int32Array);
    this.textLength = resized(this.textLength, capacity, Int32Array);
    this.titleCode = resized(this.titleCode, capacity, Int32Array);
  }
}
