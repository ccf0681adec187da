import { scanReferences } from '../../../src/core/ids/scanner';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import type { IdFormat } from '../../../src/core/ids/formats';

/** Marks every recognised reference in the text as «form:ID» so a table row reads as before/after. */
export function mark(text: string, format: IdFormat = TWELVE_DIGIT): string {
  let result = '';
  let at = 0;
  for (const ref of scanReferences(text, format)) {
    result += text.slice(at, ref.from) + `«${ref.form[0]}:${text.slice(ref.from, ref.to)}»`;
    at = ref.to;
  }
  return result + text.slice(at);
}
