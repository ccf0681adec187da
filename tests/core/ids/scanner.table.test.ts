import { mark } from './mark';
import { FOURTEEN_DIGIT, DENOTE, idFormatFor } from '../../../src/core/ids/formats';
import type { IdFormat } from '../../../src/core/ids/formats';

const A = '202104291524';
const B = '202108191025';

// [case, input, expected marking]
const rows: [string, string, string][] = [
  ['bare in prose', `After all, ${B} Teams exist.`, `After all, «b:${B}» Teams exist.`],
  ['at start and end', `${A} x ${B}`, `«b:${A}» x «b:${B}»`],
  ['punctuation around', `(${A}), "${B}".`, `(«b:${A}»), "«b:${B}»".`],
  ['heading', `# ${A} Title`, `# «b:${A}» Title`],
  ['list item', `- see ${A}\n  - and ${B}`, `- see «b:${A}»\n  - and «b:${B}»`],
  ['blockquote', `> quoting ${A}`, `> quoting «b:${A}»`],
  ['bold and italics', `**${A}** _${B}_ __${A}__`, `**«b:${A}»** _«b:${B}»_ __«b:${A}»__`],
  ['underscore inside a word on one side', `a_${A}_`, `a_${A}_`],
  ['hyphen after', `${A}-title`, `«b:${A}»-title`],
  ['.md after', `${A}.md`, `«b:${A}».md`],
  ['11 digits', '20210429152 x', '20210429152 x'],
  ['13 digits', '2021042915241 x', '2021042915241 x'],
  ['14 digits', '20210429152404 x', '20210429152404 x'],
  ['17 digits', '20210429152404793 x', '20210429152404793 x'],
  ['letters before', `ID${A}`, `ID${A}`],
  ['letters after', `${A}abc`, `${A}abc`],
  ['underscore before', `x_${A}`, `x_${A}`],
  ['underscore after', `${A}_x`, `${A}_x`],
  ['accented letter before', `é${A}`, `é${A}`],
  ['tag', `#${A} tagged`, `#${A} tagged`],
  ['nested tag', `#zk/${A}`, `#zk/${A}`],
  ['block id', `A paragraph. ^${A}`, `A paragraph. ^${A}`],
  ['heading is not a tag', `# ${A}`, `# «b:${A}»`],
  ['image name', `image-20210429152404793.png`, `image-20210429152404793.png`],
  ['pasted image name (12-digit run inside)', `Pasted image ${A}.png`, `Pasted image ${A}.png`],
  ['attachment pdf', `${A}-scan.pdf`, `${A}-scan.pdf`],
  ['bare url', `https://example.com/${A} and ${B}`, `https://example.com/${A} and «b:${B}»`],
  ['www url', `www.example.com/${A}`, `www.example.com/${A}`],
  // Obsidian links a bare email address in both views (src/core/ids/prose.ts cites it).
  ['bare email address, the ID in its domain', `mail me@${A}.com. And ${B}`, `mail me@${A}.com. And «b:${B}»`],
  ['bare email address, the ID as its local part', `${A}@example.org, a.${A}+x@b-c.example.org`, `${A}@example.org, a.${A}+x@b-c.example.org`],
  ['bare email address, the ID as its last label', `x@a.${A} and me@${A}.org.`, `x@a.${A} and me@${A}.org.`],
  // No email address: no dot after the '@', a domain ending in '-', nothing before the '@', a space.
  ['an @ that makes no email address', `me@${A} @${A}.org x@${A}.b- x@${A}.b_ x @ ${A}.`, `me@«b:${A}» @«b:${A}».org x@«b:${A}».b- x@«b:${A}».b_ x @ «b:${A}».`],
  ['an ID next to a period or a dash in prose', `See ${A}. Then ${B}-ish, (${A}).`, `See «b:${A}». Then «b:${B}»-ish, («b:${A}»).`],
  ['autolink', `<https://x.org/${A}>`, `<https://x.org/${A}>`],
  ['email autolink', `<a@${A}.org> and <${A}@x.org> ${B}`, `<a@${A}.org> and <${A}@x.org> «b:${B}»`],
  // Not an email autolink (a space, no domain, a domain label starting with '-'): text, IDs count.
  ['angle brackets that hold no email address', `<a@ ${A}> <@${A}> <a@-${A}>`, `<a@ «b:${A}»> <@«b:${A}»> <a@-«b:${A}»>`],
  ['inline code', `\`${A}\` and ${B}`, `\`${A}\` and «b:${B}»`],
  ['inline code two backticks', `\`\` a \` ${A} \`\` ${B}`, `\`\` a \` ${A} \`\` «b:${B}»`],
  ['unclosed backtick is literal', `a \` ${A}`, `a \` «b:${A}»`],
  ['fenced backticks', `\`\`\`\n${A}\n\`\`\`\n${B}`, `\`\`\`\n${A}\n\`\`\`\n«b:${B}»`],
  ['fenced tildes', `~~~js\n${A}\n~~~\n${B}`, `~~~js\n${A}\n~~~\n«b:${B}»`],
  ['longer closing fence needed', `\`\`\`\`\n\`\`\`\n${A}\n\`\`\`\`\n${B}`, `\`\`\`\`\n\`\`\`\n${A}\n\`\`\`\`\n«b:${B}»`],
  ['unclosed fence runs to end', `\`\`\`\n${A}`, `\`\`\`\n${A}`],
  ['fence in a list', `- item\n  \`\`\`\n  ${A}\n  \`\`\`\n- ${B}`, `- item\n  \`\`\`\n  ${A}\n  \`\`\`\n- «b:${B}»`],
  ['fence in a quote', `> \`\`\`\n> ${A}\n> \`\`\`\n${B}`, `> \`\`\`\n> ${A}\n> \`\`\`\n«b:${B}»`],
  // A fence or display math may open on a list item's own line; it ends at its closer or where the item does.
  ['fence opened on a bullet', `- \`\`\`\n  ${A}\n  \`\`\`\nafter ${B}`, `- \`\`\`\n  ${A}\n  \`\`\`\nafter «b:${B}»`],
  ['fence opened on a numbered item', `1. \`\`\`js\n   ${A}\n   \`\`\`\n2. ${B}`, `1. \`\`\`js\n   ${A}\n   \`\`\`\n2. «b:${B}»`],
  ['fence opened on a nested bullet after prose', `x\n- - \`\`\`\n    ${A}\n    \`\`\`\n${B}`, `x\n- - \`\`\`\n    ${A}\n    \`\`\`\n«b:${B}»`],
  ['fence opened after a tab on a numbered item after prose', `x\n1.\t\`\`\`\n    ${A}\n    \`\`\`\n${B}`, `x\n1.\t\`\`\`\n    ${A}\n    \`\`\`\n«b:${B}»`],
  ['fence opened on an item in a quote', `> - \`\`\`\n> ${A}\n> \`\`\`\n> ${B}`, `> - \`\`\`\n> ${A}\n> \`\`\`\n> «b:${B}»`],
  ['a tilde fence opened on a numbered item', `1. ~~~\n   ${A}\n   ~~~\n${B}`, `1. ~~~\n   ${A}\n   ~~~\n«b:${B}»`],
  ['display math opened on a numbered item', `1) $$\n   ${A}\n   $$\n${B}`, `1) $$\n   ${A}\n   $$\n«b:${B}»`],
  ['display math opened on a bullet', `- $$\n  ${A}\n  $$\n${B}`, `- $$\n  ${A}\n  $$\n«b:${B}»`],
  ['a less indented line ends the item and its fence', `* \`\`\`<a href="x">\nalt ${A}</a>\`\`\`\n${B}`, `* \`\`\`<a href="x">\nalt «b:${A}»</a>\`\`\`\n«b:${B}»`],
  ['a blank line and a tab stay in the item’s fence', `- \`\`\`\n\n\t${A}\n  \`\`\`\n${B}`, `- \`\`\`\n\n\t${A}\n  \`\`\`\n«b:${B}»`],
  ['an unindented fence line ends the item and opens a fence', `- \`\`\`\n  x\n\`\`\`\n${A}\n\`\`\`\n${B}`, `- \`\`\`\n  x\n\`\`\`\n${A}\n\`\`\`\n«b:${B}»`],
  ['a fence after an item’s fence is not the item’s', `- \`\`\`\n  x\n  \`\`\`\n\n\`\`\`\ncode ${A}\n\`\`\`\n${B}`, `- \`\`\`\n  x\n  \`\`\`\n\n\`\`\`\ncode ${A}\n\`\`\`\n«b:${B}»`],
  ['a bullet line inside a fence is code', `\`\`\`\n- \`\`\`\n${A}\n\`\`\`\n${B}`, `\`\`\`\n- \`\`\`\n${A}\n\`\`\`\n«b:${B}»`],
  ['a code span of three backticks on a bullet opens no fence', `* \`\`\`<a>\`\`\` tag ${A}`, `* \`\`\`<a>\`\`\` tag «b:${A}»`],
  ['indented code', `Para.\n\n    ${A}\n\n${B}`, `Para.\n\n    ${A}\n\n«b:${B}»`],
  ['tab-indented code', `\t${A}`, `\t${A}`],
  ['indented list continuation is prose', `- item\n\n    ${A}`, `- item\n\n    «b:${A}»`],
  ['indented line continuing a paragraph', `Para\n    ${A}`, `Para\n    «b:${A}»`],
  ['inline math', `$x = ${A}$ ${B}`, `$x = ${A}$ «b:${B}»`],
  ['display math', `$$\n${A}\n$$\n${B}`, `$$\n${A}\n$$\n«b:${B}»`],
  ['one-line display math', `$$ ${A} $$\n${B}`, `$$ ${A} $$\n«b:${B}»`],
  // A line that starts a stretch of prose (the note's first, or one after a fence) with white space
  // that \s knows beyond space and tab is read the general way: math or a fence may still open.
  ['display math after a BOM', `\uFEFF$$\n${A}\n$$\n${B}`, `\uFEFF$$\n${A}\n$$\n«b:${B}»`],
  ['a fence after a no-break space, after a fence', `\`\`\`\nc\n\`\`\`\n\u00A0\`\`\`\n${A}\n\`\`\`\n${B}`, `\`\`\`\nc\n\`\`\`\n\u00A0\`\`\`\n${A}\n\`\`\`\n«b:${B}»`],
  ['a first line of ideographic space, then indented code', `\u3000\n    ${A}\n\n${B}`, `\u3000\n    ${A}\n\n«b:${B}»`],
  // Fences opened and closed by a line that starts with the fence's character, decided without a regex.
  ['a shorter closer does not close', `\`\`\`\`\n${A}\n\`\`\`\n${A}\n\`\`\`\`\n${B}`, `\`\`\`\`\n${A}\n\`\`\`\n${A}\n\`\`\`\`\n«b:${B}»`],
  ['a closer followed by text does not close', `\`\`\`\n${A}\n\`\`\` x\n${A}\n\`\`\`\n${B}`, `\`\`\`\n${A}\n\`\`\` x\n${A}\n\`\`\`\n«b:${B}»`],
  ['a closer followed by a no-break space closes', `\`\`\`\n${A}\n\`\`\`\u00A0\n${B}`, `\`\`\`\n${A}\n\`\`\`\u00A0\n«b:${B}»`],
  ['a backtick in a backtick opener’s info string makes no fence', `\`\`\` a\`b\n${A}`, `\`\`\` a\`b\n«b:${A}»`],
  ['a backtick in a tilde opener’s info string still fences', `~~~ \`x\`\n${A}\n~~~\n${B}`, `~~~ \`x\`\n${A}\n~~~\n«b:${B}»`],
  ['U+2028 in an info string makes no fence', `\`\`\`js\u2028\n${A}`, `\`\`\`js\u2028\n«b:${A}»`],
  ['dollar amounts are not math', `$5 and ${A} $10`, `$5 and «b:${A}» $10`],
  ['html comment', `<!-- ${A} --> ${B}`, `<!-- ${A} --> «b:${B}»`],
  ['multi-line html comment', `<!--\n${A}\n--> ${B}`, `<!--\n${A}\n--> «b:${B}»`],
  // Never closed: in a paragraph `<!--` is text (CommonMark), at a line's start an HTML block to the end.
  ['an unclosed html comment in a paragraph', `para <!-- todo\n\nnext ${A}`, `para <!-- todo\n\nnext «b:${A}»`],
  ['an unclosed html comment in an item', `- item <!-- todo\n- next ${A}`, `- item <!-- todo\n- next «b:${A}»`],
  ['an unclosed html comment starting a line', `<!-- todo\n\nnext ${A}`, `<!-- todo\n\nnext ${A}`],
  ['obsidian comment', `%% ${A} %% ${B}`, `%% ${A} %% «b:${B}»`],
  ['html attribute', `<span data-x="${A}">${B}</span>`, `<span data-x="${A}">«b:${B}»</span>`],
  ['html attributes of every kind, over two lines', `<img alt='${A}' data-id=${A}\n  hidden src="a.png" /> ${B}`, `<img alt='${A}' data-id=${A}\n  hidden src="a.png" /> «b:${B}»`],
  ['a closing tag with a space before its >', `</span >${B}`, `</span >«b:${B}»`],
  // CommonMark's tag grammar (§6.6): an attribute's name starts with a letter, `_` or `:`; else it is text.
  ['angle brackets that make no tag', `x <style ${A}> <a b=c ${A}=x> <a title="${A}"x>`, `x <style «b:${A}»> <a b=c «b:${A}»=x> <a title="«b:${A}»"x>`],
  ['escaped bracket', `\\[${A}](x)`, `\\[«b:${A}»](x)`],
  ['wikilink with title', `[[${B} Teams exist]]`, `[[«w:${B}» Teams exist]]`],
  ['wikilink alias', `[[${B}|alias]]`, `[[«w:${B}»|alias]]`],
  ['wikilink heading', `[[${B} Title#Heading]]`, `[[«w:${B}» Title#Heading]]`],
  ['wikilink in folder', `[[zk/${B} Title]]`, `[[zk/«w:${B}» Title]]`],
  ['embed', `![[${B} Title]]`, `![[«w:${B}» Title]]`],
  ['wikilink id only in alias', `[[Some note|${A}]]`, `[[Some note|${A}]]`],
  ['wikilink to image', `![[Pasted image ${A}.png]]`, `![[Pasted image ${A}.png]]`],
  // An unclosed `[[` is a literal `[`, and the second one may open a markdown link (CommonMark).
  ['unclosed wikilink, then a markdown link', `[[a](${B}.md)`, `[[a](«m:${B}».md)`],
  ['unclosed embed, then a markdown link', `![[a](${B}.md)`, `![[a](«m:${B}».md)`],
  ['markdown link encoded', `[t](${B}%20Teams%20exist.md)`, `[t](«m:${B}»%20Teams%20exist.md)`],
  // Obsidian escapes the spaces of a folder's name too: the ID is found in the raw target by its segment.
  ['markdown link into a folder whose name is escaped', `[t](my%20notes/${B}%20Teams.md)`, `[t](my%20notes/«m:${B}»%20Teams.md)`],
  ['markdown link up into an escaped folder', `[t](../old%20%C3%A9t%C3%A9/${B}%20Teams.md)`, `[t](../old%20%C3%A9t%C3%A9/«m:${B}»%20Teams.md)`],
  ['markdown link to the README of an escaped folder', `[t](a%20b/${B}/README.md)`, `[t](a%20b/«m:${B}»/README.md)`],
  ['markdown link whose escaped slash is no folder', `[t](a%2F${B}.md)`, `[t](a%2F${B}.md)`],
  ['markdown link folder', `[${A}](../${A})`, `[${A}](../«m:${A}»)`],
  ['markdown link README', `[x](/zet/${A}/README.md) Title`, `[x](/zet/«m:${A}»/README.md) Title`],
  ['markdown link angle', `[x](<${A} T.md>)`, `[x](<«m:${A}» T.md>)`],
  ['markdown link title attr', `[x](${A}.md "t")`, `[x](«m:${A}».md "t")`],
  ['markdown link title in parentheses', `[x](${A}.md (t))`, `[x](«m:${A}».md (t))`],
  ['markdown link title holding a parenthesis', `[x](${A}.md "a)b") ${B}`, `[x](«m:${A}».md "a)b") «b:${B}»`],
  ['markdown link title holding an escaped quote', `[x](${A}.md 'it\\'s') ${B}`, `[x](«m:${A}».md 'it\\'s') «b:${B}»`],
  ['markdown link title on the next line', `[x](${A}.md\n"t")`, `[x](«m:${A}».md\n"t")`],
  ['no markdown link with text after its title', `[x](${A}.md "t" x)`, `[x](«b:${A}».md "t" x)`],
  ['no markdown link with an unclosed title', `[x](${A}.md "t)`, `[x](«b:${A}».md "t)`],
  ['markdown link to url', `[${A}](https://x.org/${A})`, `[${A}](https://x.org/${A})`],
  ['markdown image', `![alt](image-${A}.png)`, `![alt](image-${A}.png)`],
  ['id in link text only', `[see ${A}](other.md)`, `[see ${A}](other.md)`],
  ['reference link', `[see ${A}][ref]`, `[see ${A}][ref]`],
  ['link definition', `[ref]: https://x.org/${A}`, `[ref]: https://x.org/${A}`],
  // Definitions in quotes (commonmark.js reads each row the same way).
  ['a definition in a quote, its destination on the next quoted line', `> [n]:\n> ${A}.md\n\n[see ${B}][n]`, `> [n]:\n> «m:${A}».md\n\n[see ${B}][n]`],
  ['a quote after a definition without destination ends it', `[n]:\n> ${A}.md`, `[n]:\n> «b:${A}».md`],
  ['a quote that interrupts a paragraph may open with a definition', `text\n> [n]: ${A}.md\n\n[see ${B}][n]`, `text\n> [n]: «m:${A}».md\n\n[see ${B}][n]`],
  ['plain brackets are prose', `[${A}]`, `[«b:${A}»]`],
  ['link text across a blank line is prose', `[a\n\nb](${A})`, `[a\n\nb](«b:${A}»)`],
  ['link text across a blank line, CRLF', `[a\r\n \r\nb](${A})`, `[a\r\n \r\nb](«b:${A}»)`],
  // Brackets are paired a paragraph at a time; these pin what pairing the whole range gave.
  ['brackets of a later paragraph pair on their own', `[p](${B}) [q\n\n[a](${A}) b]`, `[p](«m:${B}») [q\n\n[a](«m:${A}») b]`],
  ['a bracket in code before a link', `x\n\n\`[\` [b](${A}) ]`, `x\n\n\`[\` [b](«m:${A}») ]`],
  // A backslash before a line break is a hard break, not an escape: the paragraph still ends (CommonMark §6.7).
  ['an escape before a blank line hides nothing either', `[a \\\n\nb](${A})`, `[a \\\n\nb](«b:${A}»)`],
  ['an escaped escape before a blank line hides nothing', `[a \\\\\n\nb](${A})`, `[a \\\\\n\nb](«b:${A}»)`],
  // A paragraph's inline content ends where the next block starts, not only at a blank line
  // (CommonMark §4.8); each row was read by commonmark.js the same way.
  ['a code span ends with its list item', `- Press \` to open\n- Then run \`${A}\``, `- Press \` to open\n- Then run \`${A}\``],
  ['an ID after a backtick of the item before is prose', `- Press the \` key\n- Background: ${A} x\n- Press \` again`, `- Press the \` key\n- Background: «b:${A}» x\n- Press \` again`],
  ['a code span ends with its heading', `# h \`a\nb ${A} \``, `# h \`a\nb «b:${A}» \``],
  ['a code span ends at a blank line in a quote', `> a \`x\n>\n> ${A} \``, `> a \`x\n>\n> «b:${A}» \``],
  ['a code span ends at a thematic break', `a \`x\n***\n${A} \``, `a \`x\n***\n«b:${A}» \``],
  ['a code span ends at a setext underline', `a \`x\n===\n${A} \``, `a \`x\n===\n«b:${A}» \``],
  ['a code span ends where a quote opens', `a \`x\n> ${A} \``, `a \`x\n> «b:${A}» \``],
  ['a code span continues on a lazy line of its quote', `> a \`x\n${A}\``, `> a \`x\n${A}\``],
  ["a code span continues on its item's next line", `- a \`x\n  ${A}\``, `- a \`x\n  ${A}\``],
  ['a code span continues over text that opens no item', `a \`x\n2. ${A}\``, `a \`x\n2. ${A}\``],
  ['link text ends with its list item', `- [a\n- b](${A})`, `- [a\n- b](«b:${A}»)`],
  ['link text ends where a heading starts', `a [b\n# c](${A})`, `a [b\n# c](«b:${A}»)`],
  ['an inline comment ends with its paragraph', `a <!-- b\n# h\n${A} -->`, `a <!-- b\n# h\n«b:${A}» -->`],
  ['an inline tag ends at a blank line', `a <b\n\nx="${A}">`, `a <b\n\nx="«b:${A}»">`],
  ['an inline tag over lines of one paragraph', `a <b\nx="${A}">`, `a <b\nx="${A}">`],
  ['a comment block runs over blank lines', `<!-- a\n\n${A} -->\nb`, `<!-- a\n\n${A} -->\nb`],
  // One line break may stand before a link's destination (CommonMark §6.3), as commonmark.js reads these.
  ['a destination on the line after the parenthesis', `[t](\n${A}) [u](\r\n  <${A}> "x")`, `[t](\n«m:${A}») [u](\r\n  <«m:${A}»> "x")`],
  ['no destination after a blank line or in the next list item', `[t](\n\n${A})\n\n- [t](\n- ${A})`, `[t](\n\n«b:${A}»)\n\n- [t](\n- «b:${A}»)`],
  ['no destination in a quote that opens on the next line', `[t](\n>${A})`, `[t](\n>«b:${A}»)`],
  // A byte order mark is no part of the first line, as it is none before a fence, a heading or frontmatter.
  ['a BOM before indented code', `\uFEFF    ${A}\n`, `\uFEFF    ${A}\n`],
  ['a BOM before a link reference definition', `\uFEFF[a]: ${A}\n`, `\uFEFF[a]: «m:${A}»\n`],
  ['a BOM before prose', `\uFEFF${A} x\n`, `\uFEFF«b:${A}» x\n`],
  // `<!-->` and `<!--->` are whole comments (CommonMark 0.31, as commonmark.js reads them).
  ['a comment block of `<!-->` alone ends on its line', `<!-->\n${A}\n`, `<!-->\n«b:${A}»\n`],
  ['a comment block of `<!--->` alone ends on its line', `<!--->\n${A}\n`, `<!--->\n«b:${A}»\n`],
  ['an inline `<!-->` or `<!--->` hides nothing after it', `a <!--> ${A} b <!---> ${A} -->`, `a <!--> «b:${A}» b <!---> «b:${A}» -->`],
  ['an indented comment block ends the paragraph above it', `a \`x\n  <!-- c \` ${A} -->`, `a \`x\n  <!-- c \` ${A} -->`],
  // Obsidian links only the inner of `[[a [[b]] c]]` (markdown-vault-mcp issue #1384, its metadata cache).
  ['a `[[` before the closer makes the outer one text', `See [[${A} Old and, as I wrote, [[${B} Teams]] matter.`, `See [[«b:${A}» Old and, as I wrote, [[«w:${B}» Teams]] matter.`],
  ['a wikilink inside a wikilink', `[[a [[${A}]] c]]`, `[[a [[«w:${A}»]] c]]`],
  ['single brackets inside a wikilink', `[[${A} [x] y]]`, `[[«w:${A}» [x] y]]`],
  // Only notes own IDs: a link to an attachment named by one is no reference.
  ['an embedded image named by an ID', `![[${A}.png]] ![[${A} scan.JPG|300]]`, `![[${A}.png]] ![[${A} scan.JPG|300]]`],
  ['a markdown link to a PDF or a canvas named by an ID', `[scan](${A}.pdf) [map](${A}%20Map.canvas)`, `[scan](${A}.pdf) [map](${A}%20Map.canvas)`],
  ['a title with a dot still names the note', `[[${A} Version 2.0]] [[${A}.md]]`, `[[«w:${A}» Version 2.0]] [[«w:${A}».md]]`],
  // Most brackets and backticks close on their own line: these pin the cases that need pairing.
  ['an escaped bracket does not close the link text', `[a\\](${A}) b](${B})`, `[a\\](${A}) b](«m:${B}»)`],
  ['a bracket inside the link text pairs first', `[a [b](${A}) c](${B})`, `[a [b](${A}) c](«m:${B}»)`],
  ['link text across a line break', `[a\nb](${A})`, `[a\nb](«m:${A}»)`],
  ['inline code across a line break', `\`a\n${A}\` ${B}`, `\`a\n${A}\` «b:${B}»`],
  ['inline code across a blank line is literal', `\`a\n\n${A}\` ${B}`, `\`a\n\n«b:${A}»\` «b:${B}»`],
  ['footnote', `text[^1] ${A}`, `text[^1] «b:${A}»`],
  ['table', `| a | ${A} |\n|---|---|\n| ${B} | \`${A}\` |`, `| a | «b:${A}» |\n|---|---|\n| «b:${B}» | \`${A}\` |`],
  ['callout', `> [!note] ${A}\n> ${B}`, `> [!note] «b:${A}»\n> «b:${B}»`],
  ['frontmatter', `---\nid: ${A}\n---\n${B}`, `---\nid: ${A}\n---\n«b:${B}»`],
  ['frontmatter with BOM', `\uFEFF---\nid: ${A}\n---\n${B}`, `\uFEFF---\nid: ${A}\n---\n«b:${B}»`],
  ['frontmatter CRLF', `---\r\nid: ${A}\r\n---\r\n${B}`, `---\r\nid: ${A}\r\n---\r\n«b:${B}»`],
  ['unclosed frontmatter is prose', `---\n${A}`, `---\n«b:${A}»`],
  ['horizontal rule later is not frontmatter', `x\n---\n${A}\n---`, `x\n---\n«b:${A}»\n---`],
  ['CRLF prose', `a ${A}\r\nb ${B}\r\n`, `a «b:${A}»\r\nb «b:${B}»\r\n`],
  ['seed line', `If the team fails, ${A} Eat the losses.`, `If the team fails, «b:${A}» Eat the losses.`],
];

describe('scanReferences (12-digit)', () => {
  test.each(rows)('%s', (_name, input, expected) => {
    expect(mark(input)).toBe(expected);
  });
});

describe('other formats', () => {
  test.each([
    ['14 digits', FOURTEEN_DIGIT, 'see 20210929093313 and 202104291524', 'see «b:20210929093313» and 202104291524'],
    ['14-digit pasted image', FOURTEEN_DIGIT, 'Pasted image 20210929093313.png', 'Pasted image 20210929093313.png'],
    ['14-digit README link', FOURTEEN_DIGIT, '[20220920000000](/zet/20220920000000/README.md) T', '[20220920000000](/zet/«m:20220920000000»/README.md) T'],
    ['denote', DENOTE, 'see 20210429T152404 and 20210429152404', 'see «b:20210429T152404» and 20210429152404'],
    ['denote in a word', DENOTE, 'x20210429T152404', 'x20210429T152404'],
    ['custom', idFormatFor('custom', 'zk-\\d{4}'), 'see zk-0042, zk-00421', 'see «b:zk-0042», zk-00421'],
  ] as [string, IdFormat, string, string][])('%s', (_name, format, input, expected) => {
    expect(mark(input, format)).toBe(expected);
  });
});
