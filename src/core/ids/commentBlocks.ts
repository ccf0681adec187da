/**
 * Comments that open a block. `<!--` at a block's start is an HTML block (CommonMark 0.31 §4.6,
 * condition 2) that runs to the line holding `-->`; `%%` at a block's start whose closer stands on a
 * later line is an Obsidian block comment. No fence, display math or raw HTML opens inside either,
 * so one written there hides nothing after the comment. The lines stay prose for the scanner, whose
 * comment rule skips the comment and reads what follows its closer (Reading view shows that text).
 */

/** What commentBlockEnd returns for a comment with no closer: it runs on, past any line's end. */
const UNCLOSED = Infinity;

/** Where the closer ends, searched from `from`, or UNCLOSED. */
function closerEnd(text: string, from: number, closer: string): number {
  const at = text.indexOf(closer, from);
  return at === -1 ? UNCLOSED : at + closer.length;
}

/**
 * For a line whose content starts at `contentFrom`: where the comment block it opens ends (after
 * its closer, or UNCLOSED), or -1 when it opens none. The closers are searched
 * from where the scanner's comment rule searches them, so both end a comment at the same place.
 */
export function commentBlockEnd(text: string, contentFrom: number, lineTo: number): number {
  const code = text.charCodeAt(contentFrom);
  // From its third character: `<!-->` and `<!--->` are whole comments (CommonMark 0.31).
  if (code === 60 && text.startsWith('<!--', contentFrom)) return closerEnd(text, contentFrom + 2, '-->');
  if (code === 37 && text.charCodeAt(contentFrom + 1) === 37) {
    const end = closerEnd(text, contentFrom + 2, '%%');
    // Closed on its own line, it is inline, in whatever paragraph holds it.
    return end <= lineTo ? -1 : end;
  }
  return -1;
}
