/**
 * What a user's custom ID pattern can match, read from its syntax tree rather than probed: its
 * shortest and longest match, whether it can match a space or a line break, and whether matching
 * can backtrack badly. Runs in the plugin (mobile included) and in the command-line tool.
 *
 * The backtracking analysis is redos-detector's: pure TypeScript that runs in browsers, maintained,
 * about 67 KB minified, and it passes every preset and ordinary bounded pattern while rejecting
 * each pattern known to hang. It is run on the pattern anchored at its start, which asks "can one
 * attempt backtrack?"; what unanchored search adds (one attempt per start position) is bounded by
 * requiring a bounded match length, lookaheads included, so matching a line costs at most its length
 * times that bound.
 */
import { isSafePattern } from 'redos-detector';
import { parse, type AstNode as GenericNode, type Features } from 'regjsparser';

/** The longest text an ID may be; a pattern whose matches can be longer is rejected. */
export const MAX_ID_LENGTH = 100;
/** Backtracks one match attempt may need (redos-detector's score); a pattern that can need more is rejected. */
const MAX_BACKTRACKS = 10;
/**
 * Steps the backtracking analysis may take before the pattern counts as too complex to accept. A
 * count of steps, never a time limit: the verdict must be the same on a slow phone as on the desktop
 * whose settings it syncs. The most a bounded pattern takes is about half a second here.
 */
const ANALYSIS_STEPS = 5000;

// Every character JavaScript's \s matches: none may be part of an ID.
const WHITESPACE = [
  ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680',
  // U+2000 to U+200A, the typographic spaces.
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
];

/** The syntax the parser is asked for: what `new RegExp(source)` accepts without flags. */
const FEATURES = { namedGroups: true, lookbehind: true } as const satisfies Features;
type AstNode = GenericNode<typeof FEATURES>;

interface Lengths {
  readonly min: number;
  readonly max: number;
}

class Unsupported extends Error {}

/** Shortest and longest text the node matches (Infinity when unbounded). */
function lengths(node: AstNode): Lengths {
  switch (node.type) {
    case 'value':
    case 'dot':
    case 'characterClass':
    case 'characterClassEscape':
      return { min: 1, max: 1 };
    case 'anchor':
      return { min: 0, max: 0 };
    case 'alternative':
      return sequence(node.body);
    case 'group':
      if (node.behavior === 'normal' || node.behavior === 'ignore') return sequence(node.body);
      boundLookaround(node);
      return { min: 0, max: 0 };
    case 'disjunction': {
      const each = node.body.map(lengths);
      return { min: Math.min(...each.map((l) => l.min)), max: Math.max(...each.map((l) => l.max)) };
    }
    case 'quantifier': {
      const inner = lengths(node.body[0]);
      const max = node.max === undefined ? Infinity : node.max;
      return { min: inner.min * node.min, max: inner.max === 0 || max === 0 ? 0 : inner.max * max };
    }
    case 'reference':
      throw new Unsupported('The pattern uses a back-reference (like \\1), which an ID pattern does not need.');
    default:
      return { min: 1, max: 1 };
  }
}

/**
 * Refuses a lookaround that can read more than an ID's length. It consumes nothing, but it is tried
 * at every position of a line, so one that reads on to the line's end makes a line cost its length
 * squared: a 200 KB note of 20,000-digit lines took seconds with (?=\d+x)\d{3}.
 */
function boundLookaround(node: AstNode & { type: 'group' }): void {
  const { max } = sequence(node.body);
  if (max <= MAX_ID_LENGTH) return;
  const reach = max === Infinity ? 'text of any length' : `up to ${max} characters`;
  throw new Unsupported(
    `The lookahead ${node.raw} can read ${reach}; it is tried at every position of a line, so long lines would take long to scan. Keep it within ${MAX_ID_LENGTH} characters with bounded repeats such as {1,20} instead of +, * or {n,}.`,
  );
}

function sequence(nodes: readonly AstNode[]): Lengths {
  return nodes.map(lengths).reduce((a, b) => ({ min: a.min + b.min, max: a.max + b.max }), { min: 0, max: 0 });
}

/** The first consumed character matcher (outside lookarounds) that accepts a whitespace character, as written. */
function whitespaceMatcher(node: AstNode): string | null {
  switch (node.type) {
    case 'value':
      // The character itself, not its text: a value's text may not stand alone (`\c` is a backslash, then `c`).
      return WHITESPACE.includes(String.fromCodePoint(node.codePoint)) ? node.raw : null;
    case 'dot':
    case 'characterClass':
    case 'characterClassEscape': {
      const single = new RegExp(`^(?:${node.raw})$`);
      return WHITESPACE.some((c) => single.test(c)) ? node.raw : null;
    }
    case 'group':
      if (node.behavior !== 'normal' && node.behavior !== 'ignore') return null;
      return firstOf(node.body);
    case 'alternative':
    case 'disjunction':
      return firstOf(node.body);
    case 'quantifier':
      return node.max === 0 ? null : whitespaceMatcher(node.body[0]);
    default:
      return null;
  }
}

/** Part of the pattern as a message quotes it: a space or another blank typed as itself would not show, so it is named. */
function visible(raw: string): string {
  if (raw === ' ') return 'a space';
  return WHITESPACE.includes(raw) ? `U+${(raw.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : raw;
}

function firstOf(nodes: readonly AstNode[]): string | null {
  for (const node of nodes) {
    const found = whitespaceMatcher(node);
    if (found !== null) return found;
  }
  return null;
}

/** The source with named groups `(?<name>…)` written as plain groups, which the backtracking analysis reads. */
function withoutGroupNames(source: string, tree: AstNode): string {
  const named: number[] = [];
  const visit = (node: AstNode): void => {
    if (node.type === 'group' && node.behavior === 'normal' && node.name !== undefined) named.push(node.range[0]);
    if ('body' in node && Array.isArray(node.body)) for (const child of node.body as AstNode[]) visit(child);
  };
  visit(tree);
  let out = source;
  for (const start of named.sort((a, b) => b - a)) out = out.slice(0, start + 1) + out.slice(out.indexOf('>', start) + 1);
  return out;
}

/** Why the pattern's structure cannot be used (it was compiled already), or null. */
export function patternStructureProblem(source: string): string | null {
  let tree: AstNode;
  try {
    tree = parse(source, '', FEATURES);
  } catch (error) {
    return `The pattern cannot be read: ${(error as Error).message}.`;
  }
  let bounds: Lengths;
  try {
    bounds = lengths(tree);
  } catch (error) {
    if (error instanceof Unsupported) return error.message;
    throw error;
  }
  if (bounds.min === 0) return 'The pattern can match empty text; it must match at least one character.';
  const spacing = whitespaceMatcher(tree);
  if (spacing !== null) {
    return `The pattern can match a space or a line break (through ${visible(spacing)}); an ID is one unbroken word, so use classes such as \\d or [A-Z] instead.`;
  }
  // Before the analysis, which would refuse most such patterns too, but take seconds on them.
  if (bounds.max > MAX_ID_LENGTH) {
    const reach = bounds.max === Infinity ? 'text of any length' : `up to ${bounds.max} characters`;
    return `The pattern can match ${reach}; an ID is at most ${MAX_ID_LENGTH} characters, so use a bounded repeat such as {1,20} instead of +, * or {n,}.`;
  }
  let analysis: ReturnType<typeof isSafePattern>;
  try {
    analysis = isSafePattern(`^(?:${withoutGroupNames(source, tree)})`, { maxScore: MAX_BACKTRACKS, maxSteps: ANALYSIS_STEPS });
  } catch {
    return 'The pattern uses syntax the safety check cannot read; write it with plain groups, classes and bounded repeats.';
  }
  if (!analysis.safe) {
    return analysis.error === 'hitMaxScore'
      ? 'The pattern can match the same text in more than one way (like (a|a){1,20}b or \\d{1,20}\\d{1,20}x), so matching can freeze on long text; make its alternatives and repeats unambiguous.'
      : 'The pattern is too complex to prove it cannot freeze matching on long text (like (?:a|b|c|…|z){1,99}); simplify its repeated parts, with classes such as [a-z] in place of alternatives.';
  }
  return null;
}

/** A sentence of ordinary words: a pattern that finds any of them would treat prose as IDs. */
const ORDINARY_SENTENCE = 'The team met on Monday and agreed that every note should say what it means, in plain words.';

/**
 * A warning when the pattern matches ordinary words (repair would then "fix" a word like `the` into
 * a note's ID, and every such word would become a link), or null. The pattern is not rejected:
 * a vault may really use word-like IDs.
 */
export function ordinaryWordsWarning(source: string): string | null {
  const regex = new RegExp(source, 'g');
  const words = new Set(ORDINARY_SENTENCE.match(/[A-Za-z]+/g));
  const matched = new Set<string>();
  for (const match of ORDINARY_SENTENCE.matchAll(regex)) if (words.has(match[0])) matched.add(match[0]);
  if (matched.size === 0) return null;
  const examples = [...matched].slice(0, 3).map((w) => `"${w}"`).join(', ');
  return `The pattern matches ordinary words such as ${examples}: every such word would count as an ID, and repair could rewrite it into a note's ID.`;
}
