import { isWordCharAt, isWordCharBefore } from './wordRule';

/**
 * When the text at idEnd continues with one space and exactly `title`, followed by a non-word
 * character or the end, returns the offset where the title ends; otherwise null.
 */
export function titleAfterId(text: string, idEnd: number, title: string): number | null {
  if (title === '' || text[idEnd] !== ' ') return null;
  const start = idEnd + 1;
  if (!text.startsWith(title, start)) return null;
  const end = start + title.length;
  if (isWordCharBefore(text, end) && isWordCharAt(text, end)) return null;
  return end;
}
