/**
 * Control characters but the tab, shown as escapes (`\n`, `\r`, `\x1b`): in a note's name or line
 * they could start a new line of an outline or a graph, or move a terminal's cursor.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- as CONTROL
const HAS_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

/** Whether the text holds a control character other than the tab. */
export function hasControlCharacters(text: string): boolean {
  return HAS_CONTROL.test(text);
}

/** The text with each control character but the tab shown as its escape. */
export function showControlCharacters(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROL, escapeControl) : text;
}

function escapeControl(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}
