/** Whether the character code is ASCII punctuation: what a backslash escapes (CommonMark §2.4); before anything else a backslash is text. */
export function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}
