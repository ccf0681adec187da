/**
 * Whether link text can name the note at this path. Obsidian reads what follows `#` in link text as
 * a heading or block (parseLinktext in obsidian.d.ts returns "filepath and subpath"), so the link
 * text of `202104291524 C# tips.md` names `202104291524 C`, which it opens, or creates: such a note
 * is opened by its file instead, and never handed to Obsidian as link text.
 */
export function linktextCanName(path: string): boolean {
  return !path.includes('#');
}
