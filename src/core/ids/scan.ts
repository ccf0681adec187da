/** What the scanner's construct parsers share: the sink, the scan's state (kept from note to note), and where a paragraph or line ends. */
import type { IdFormat } from './formats';
import { tokensOf, type Tokens } from './prose';
import { ForwardSearcher } from './searcher';
import type { ReferenceForm } from '../types';
import { LineStarts } from './lines';
import { BlockStarts } from './blockStarts';
import type { DefinedLabels } from './referenceLabels';

/**
 * Receives a note's references in text order. A sink must not start another scan while it receives
 * them: the scanner's regexes and state are shared from one scan to the next.
 */
export interface ReferenceSink {
  /** A bare ID in prose at [from, to). */
  bare(from: number, to: number): void;
  /**
   * An ID at [from, to) that a link's target names. The link spans [linkFrom, linkTo); its target
   * [targetFrom, targetTo); its subpath (`#…`) follows the target; its display text, when it has
   * one (-1 length when not), is [displayFrom, displayFrom + displayLength). All are offsets into
   * the text, so every part of the link is a slice of it.
   */
  link(
    form: Exclude<ReferenceForm, 'bare'>, from: number, to: number, linkFrom: number, linkTo: number, embed: boolean,
    targetFrom: number, targetTo: number, subpathLength: number, displayFrom: number, displayLength: number,
  ): void;
  /**
   * When the sink has it: called once, before the first reference, with the starts of the text's
   * lines from the first that can hold one (the scan walks them anyway). Valid during the scan only.
   */
  lines?(starts: LineStarts): void;
}

/** What every construct parser needs: the text, the format, the sink and memoised forward searches. */
export interface Scan {
  // Not readonly: the scanner reuses one Scan from note to note.
  text: string;
  format: IdFormat;
  sink: ReferenceSink;
  readonly search: ForwardSearcher;
  readonly tokens: Tokens;
  /** Where the note's blocks start, as the block pass found them: the ends of its paragraphs. */
  readonly blocks: BlockStarts;
  /** Whether the text holds a `\r` (a line may end at `\r\n` or a lone `\r`). */
  hasCarriageReturn: boolean;
  /** Matching `]` for each `[` from where pairing started up to `bracketsTo` (see matchingBracket). */
  brackets: Map<number, number> | null;
  bracketsTo: number;
  /** The `[`s of `brackets` that make a link themselves, in order (see holdsLink), or null until asked. */
  linkOpens: number[] | null;
  /** Start and end of the current prose range. */
  rangeFrom: number;
  limit: number;
  /** End of the last link reference definition found in the current range, or -1. */
  lastDefinitionEnd: number;
  /** The note's prose ranges (flat from/to pairs), the first `rangeCount` numbers of `ranges`. */
  readonly ranges: number[];
  rangeCount: number;
  /** The labels the note defines, read when a reference link first needs them (null until then). */
  labels: DefinedLabels | null;
  /** Reads the labels the note defines (scanner.ts readLabels), for `labels` when first needed. */
  readonly readLabels: (scan: Scan) => DefinedLabels;
  /**
   * When not null, the scan writes here each `$$…$$` and `%%…%%` span it skips (flat from/to
   * pairs, in text order): a pass that only looks for the definitions those spans hide.
   */
  skippedSpans: number[] | null;
  /** Where `destination` writes its answer ([from, to, end]). */
  readonly destination: number[];
  /**
   * With a custom format, a link's reference waits here until the bare IDs before the link have
   * been found (they come first in text order); null when references go to the sink at once.
   */
  held: Parameters<ReferenceSink['link']> | null;
  holding: boolean;
}

/** A construct parser's answer: where prose resumes after it, or LITERAL when the characters are text. */
export const LITERAL = -1;

/**
 * The end of the paragraph holding `at`: the start of the next line that starts a block (a
 * heading, a list item, a quote, a paragraph after a blank line…), capped at the range's end. Only
 * line breaks lie between the paragraph's last character and that start, and no construct ends in one.
 */
export function paragraphEnd(scan: Scan, at: number): number {
  const next = scan.blocks.firstAfter(at);
  return next === -1 || next > scan.limit ? scan.limit : next;
}

/** The end of the line holding `at` (before its break), capped at the range's end. */
export function lineEnd(scan: Scan, at: number): number {
  const newline = scan.search.lineBreak(at);
  return newline === -1 ? scan.limit : Math.min(newline, scan.limit);
}

/** A comment runs to its closer, or to the end of the range when unclosed (as Obsidian renders it). */
export function closedBy(scan: Scan, slot: number, at: number, closer: string): number {
  const close = scan.search.indexOf(slot, closer, at);
  return close === -1 || close + closer.length > scan.limit ? scan.limit : close + closer.length;
}

/** A scan's state and its prose ranges (flat from/to pairs). */
export interface ScanState {
  readonly scan: Scan;
  readonly ranges: number[];
  readonly lines: LineStarts;
}

export const NO_SINK: ReferenceSink = { bare: () => undefined, link: () => undefined };

/**
 * The state of the last scan, kept for the next: a vault's notes are scanned one after another,
 * and making a scan's objects anew for each note costs more than scanning a short note. (A sink
 * never starts another scan while it receives references: the scanner's regexes are shared too.)
 */
let kept: ScanState | null = null;

export function startScan(text: string, format: IdFormat, sink: ReferenceSink, readLabels: (scan: Scan) => DefinedLabels): ScanState {
  // Made empty and then set like every later note's: V8 compiles a field no one wrote after it was
  // made as a constant, so setting it only from the second note on would throw away code the first
  // note (often a long one) had already had optimised.
  kept ??= emptyScanState(format, readLabels);
  return resetScan(kept, text, format, sink);
}

/** Sets a scan's state for a new text (startScan's, or a pass of its own over the same text). */
export function resetScan(state: ScanState, text: string, format: IdFormat, sink: ReferenceSink): ScanState {
  const { scan } = state;
  scan.text = text;
  scan.format = format;
  scan.sink = sink;
  scan.hasCarriageReturn = text.includes('\r');
  scan.search.reset(text, scan.hasCarriageReturn);
  scan.tokens.reset(text);
  scan.brackets = null;
  scan.bracketsTo = 0;
  scan.linkOpens = null;
  scan.rangeFrom = 0;
  scan.limit = text.length;
  scan.lastDefinitionEnd = -1;
  scan.rangeCount = 0;
  scan.labels = null;
  scan.held = null;
  scan.holding = false;
  scan.skippedSpans = null;
  return state;
}

export function emptyScanState(format: IdFormat, readLabels: (scan: Scan) => DefinedLabels, blocks: BlockStarts = new BlockStarts()): ScanState {
  const ranges: number[] = [];
  const scan: Scan = {
    text: '', format, sink: NO_SINK, search: new ForwardSearcher(''), tokens: tokensOf(''), blocks, hasCarriageReturn: false, brackets: null, bracketsTo: 0, linkOpens: null,
    rangeFrom: 0, limit: 0, lastDefinitionEnd: -1, ranges, rangeCount: 0, labels: null, readLabels, skippedSpans: null, destination: [0, 0, 0], held: null, holding: false,
  };
  return { scan, ranges, lines: new LineStarts() };
}

/** Lets go of the note's text and sink (the state is kept for the next scan). */
export function endScan(state: ScanState): void {
  const { scan } = state;
  scan.text = '';
  scan.sink = NO_SINK;
  scan.search.release();
  scan.tokens.release();
  scan.brackets = null;
  scan.linkOpens = null;
  scan.labels = null;
  scan.held = null;
}
