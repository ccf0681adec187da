/** The ID formats a vault can use, and validation of user-supplied patterns. */
import { ordinaryWordsWarning, patternStructureProblem } from './customPattern';
import { isPlausibleTimestamp } from './timestamp';

export type IdFormatSetting = '12' | '14' | 'denote' | 'custom';

export interface IdFormat {
  /** '12', '14', 'denote' or 'custom'. */
  readonly key: IdFormatSetting;
  readonly label: string;
  /** Regex source matching exactly one ID: no anchors, no flags, no lookbehind. */
  readonly source: string;
  /** Whether an ID that names no note could still be meant as one. */
  isPlausible(id: string): boolean;
  /**
   * The source compiled once per format: an ID anywhere (global and shared, so whoever runs it
   * sets lastIndex first), an ID at the start of a string, and a string that is exactly one ID.
   */
  readonly anywhere: RegExp;
  readonly atStart: RegExp;
  readonly exact: RegExp;
}

/** A format with its regexes compiled from its source. */
function compiled(format: Pick<IdFormat, 'key' | 'label' | 'source' | 'isPlausible'>): IdFormat {
  const { source } = format;
  return Object.freeze({
    ...format,
    anywhere: new RegExp(source, 'g'),
    atStart: new RegExp(`^(?:${source})`),
    exact: new RegExp(`^(?:${source})$`),
  });
}

export class IdFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdFormatError';
  }
}

export const TWELVE_DIGIT: IdFormat = compiled({
  key: '12',
  label: '12 digits (YYYYMMDDHHmm)',
  source: '\\d{12}',
  isPlausible: isPlausibleTimestamp,
});

export const FOURTEEN_DIGIT: IdFormat = compiled({
  key: '14',
  label: '14 digits (YYYYMMDDHHmmss)',
  source: '\\d{14}',
  isPlausible: isPlausibleTimestamp,
});

export const DENOTE: IdFormat = compiled({
  key: 'denote',
  label: 'Denote (YYYYMMDDTHHMMSS)',
  source: '\\d{8}T\\d{6}',
  isPlausible: (id: string) => isPlausibleTimestamp(id.replace('T', '')),
});

export const PRESET_FORMATS: readonly IdFormat[] = [TWELVE_DIGIT, FOURTEEN_DIGIT, DENOTE];

/** A custom pattern has no date structure to check, so every match it makes counts as an ID. */
function customFormat(source: string): IdFormat {
  return compiled({ key: 'custom', label: `Custom (${source})`, source, isPlausible: () => true });
}

/** Builds the active format from settings; throws IdFormatError for a custom pattern that is rejected. */
export function idFormatFor(setting: IdFormatSetting, customPattern = ''): IdFormat {
  if (setting === 'custom') {
    const problem = customPatternProblem(customPattern);
    if (problem !== null) throw new IdFormatError(problem);
    return customFormat(customPattern);
  }
  return PRESET_FORMATS.find((f) => f.key === setting) ?? TWELVE_DIGIT;
}

/**
 * The format the settings ask for, or 12 digits when they ask for a custom pattern that is rejected
 * (a hand-edited data.json, say), with why; the plugin never runs without a format.
 */
export function activeIdFormat(setting: IdFormatSetting, customPattern: string): { readonly format: IdFormat; readonly problem: string | null } {
  if (setting !== 'custom') return { format: idFormatFor(setting), problem: null };
  const problem = customPatternProblem(customPattern);
  return { format: problem === null ? customFormat(customPattern) : TWELVE_DIGIT, problem };
}

/** Parses the command line's `--id-format 12|14|denote|REGEX`. */
export function idFormatFromArgument(argument: string): IdFormat {
  const preset = PRESET_FORMATS.find((f) => f.key === argument);
  return preset ?? idFormatFor('custom', argument);
}

/**
 * The format of an `--id-format` argument that idFormatFromArgument accepted on another thread (the
 * command line's scanning threads are handed it): its pattern is not checked again there.
 */
export function acceptedIdFormatFromArgument(argument: string): IdFormat {
  return PRESET_FORMATS.find((f) => f.key === argument) ?? customFormat(argument);
}

/**
 * Why a custom ID pattern cannot be used, or null when it can. Checks that it compiles, uses no
 * lookbehind (older iOS rejects it) and no anchors, and (customPattern.ts) that it cannot match empty
 * text, a space or a line break, cannot backtrack badly, and matches at most MAX_ID_LENGTH characters.
 */
export function customPatternProblem(source: string): string | null {
  const known = verdicts.get(source);
  if (known !== undefined) return known;
  const verdict = patternProblem(source);
  if (verdicts.size >= VERDICTS_KEPT) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(source, verdict);
  return verdict;
}

/**
 * Verdicts given so far in this process, by pattern source: loading the settings, the index and the
 * settings tab each ask about the stored pattern, and its analysis can take half a second on a phone.
 * A verdict depends on the source alone (customPattern.ts counts steps, not time), so one kept is
 * the one a new check would give. The oldest go past a few dozen: typing asks about each keystroke's text.
 */
const verdicts = new Map<string, string | null>();
const VERDICTS_KEPT = 32;

function patternProblem(source: string): string | null {
  if (source.trim() === '') return 'The pattern is empty.';
  if (source.length > 200) return 'The pattern is longer than 200 characters.';
  // Read before compiling: older iPhones and iPads fail to compile lookbehind, with a vaguer message.
  const syntax = unescapedSyntax(source);
  if (/\(\?<[=!]/.test(syntax)) {
    return 'The pattern uses lookbehind ((?<= or (?<!), which Obsidian on older iPhones and iPads cannot run.';
  }
  if (/[\^$]/.test(syntax)) {
    return 'The pattern uses ^ or $ anchors; describe one ID only, the plugin finds it within text.';
  }
  const property = unicodePropertyEscape(source);
  if (property !== null) {
    return `The pattern uses ${property}, a Unicode property, which needs the u flag; ID patterns run without it, where it stands for the letters "${property.slice(1)}". Use a class such as [A-Z] instead.`;
  }
  try {
    new RegExp(source, 'g');
  } catch (error) {
    return `The pattern does not compile: ${(error as Error).message}.`;
  }
  return patternStructureProblem(source);
}

/**
 * The pattern's own syntax: each escaped character (`\(`, `\]`, `\\`) written as `_` and each
 * character class left out, so a `(?<=`, `^` or `$` found in it is lookbehind or an anchor.
 */
function unescapedSyntax(source: string): string {
  let syntax = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      if (!inClass) syntax += '_';
    } else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else syntax += c;
  }
  return syntax;
}

/**
 * The first `\p{…}` or `\P{…}` in the source, or null. Patterns are compiled without the u flag
 * (as the presets are; with it, escapes such as `\-` outside a class stop compiling), so these are
 * refused rather than silently read as the letters they are made of.
 */
function unicodePropertyEscape(source: string): string | null {
  for (let i = 0; i < source.length - 2; i++) {
    if (source[i] !== '\\') continue;
    if ((source[i + 1] === 'p' || source[i + 1] === 'P') && source[i + 2] === '{') {
      const close = source.indexOf('}', i);
      return source.slice(i, close < 0 ? i + 3 : close + 1);
    }
    // The escaped character is skipped: `\\p{` is a backslash, then the letters p{.
    i++;
  }
  return null;
}

/** A warning for a pattern that customPatternProblem accepts but that also matches ordinary words, or null. */
export function customPatternWarning(source: string): string | null {
  try {
    return ordinaryWordsWarning(source);
  } catch {
    // Does not compile: customPatternProblem says so.
    return null;
  }
}
