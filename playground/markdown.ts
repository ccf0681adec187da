/**
 * A small Markdown-to-DOM renderer for the playground's reading pane, shaped like Obsidian's
 * Reading view output (one div per section, `a.internal-link` with `data-href`, `a.tag`, `.math`,
 * properties in `.metadata-container`, embeds as `.internal-embed`). Built with DOM calls only:
 * note text never becomes markup. It covers what notes in this style use, not all of CommonMark.
 */

/** What rendering needs from the host: whether a link path names a note. */
export interface RenderHost {
  isResolved(linkpath: string): boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const INDENTED = /^(?: {4}|\t)(.*)$/;
const BLOCK_ID = /[ \t]\^[A-Za-z0-9-]+[ \t]*$/;

/** Renders a note into `container` as sections; returns the section elements (post processors run on each). */
export function renderMarkdown(text: string, container: HTMLElement, host: RenderHost): HTMLElement[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sections: HTMLElement[] = [];
  let at = 0;
  const frontmatter = readFrontmatter(lines);
  if (frontmatter !== null) {
    const section = container.createDiv();
    renderProperties(section, frontmatter.lines);
    sections.push(section);
    at = frontmatter.end;
  }
  const blocks = document.createDocumentFragment();
  renderBlocks(lines.slice(at), blocks, host);
  for (const block of Array.from(blocks.childNodes)) {
    const section = container.createDiv();
    section.appendChild(block);
    sections.push(section);
  }
  return sections;
}

function readFrontmatter(lines: string[]): { lines: string[]; end: number } | null {
  if (lines[0]?.trimEnd() !== '---') return null;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trimEnd() === '---' || lines[i].trimEnd() === '...') return { lines: lines.slice(1, i), end: i + 1 };
  }
  return null;
}

function renderProperties(parent: HTMLElement, lines: string[]): void {
  const box = parent.createDiv('metadata-container');
  box.createDiv({ cls: 'metadata-properties-heading', text: 'Properties' });
  let row: HTMLElement | null = null;
  for (const line of lines) {
    const keyValue = /^([^\s:][^:]*):[ \t]*(.*)$/.exec(line);
    if (keyValue !== null) {
      row = box.createDiv('metadata-property');
      row.createDiv({ cls: 'metadata-property-key', text: keyValue[1] });
      row.createDiv({ cls: 'metadata-property-value', text: keyValue[2] });
    } else if (row !== null && line.trim() !== '') {
      const value = row.querySelector('.metadata-property-value');
      value?.appendText((value.textContent === '' ? '' : ', ') + line.trim().replace(/^- /, ''));
    }
  }
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || LIST_ITEM.test(line) || QUOTE.test(line) || line.trim() === '$$';
}

function renderBlocks(lines: string[], parent: Node, host: RenderHost): void {
  let i = 0;
  let afterBlank = true;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      afterBlank = true;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence !== null && !(fence[1][0] === '`' && fence[2].includes('`'))) {
      const close = new RegExp(`^ {0,3}${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}[ \\t]*$`);
      const body: string[] = [];
      i++;
      while (i < lines.length && !close.test(lines[i])) body.push(lines[i++]);
      i++;
      const language = fence[2].trim().split(/\s/)[0];
      codeBlock(parent, body.join('\n'), language);
    } else if (line.trim() === '$$') {
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i].trim() !== '$$') body.push(lines[i++]);
      i++;
      parent.appendChild(createDiv({ cls: 'math math-block', text: body.join('\n') }));
    } else if (afterBlank && INDENTED.test(line)) {
      const body: string[] = [];
      while (i < lines.length && (INDENTED.test(lines[i]) || lines[i].trim() === '')) body.push(lines[i++].replace(INDENTED, '$1'));
      while (body.length > 0 && body[body.length - 1].trim() === '') body.pop();
      codeBlock(parent, body.join('\n'), '');
    } else if (line.trimStart().startsWith('<!--') || line.trimStart().startsWith('%%')) {
      // Comments are not shown in Reading view.
      const end = line.trimStart().startsWith('%%') ? '%%' : '-->';
      let rest = line.trimStart().slice(end === '%%' ? 2 : 4);
      while (!rest.includes(end) && i + 1 < lines.length) rest = lines[++i];
      i++;
    } else if (HEADING.test(line)) {
      const heading = HEADING.exec(line) as RegExpExecArray;
      const el = createEl(`h${heading[1].length}` as 'h1');
      renderInline(heading[2], el, host);
      parent.appendChild(el);
      i++;
    } else if (RULE.test(line)) {
      parent.appendChild(createEl('hr'));
      i++;
    } else if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) body.push((QUOTE.exec(lines[i++]) as RegExpExecArray)[1]);
      const quote = createEl('blockquote');
      renderBlocks(body, quote, host);
      parent.appendChild(quote);
    } else if (LIST_ITEM.test(line)) {
      i = renderList(lines, i, parent, host);
    } else {
      const body: string[] = [];
      while (i < lines.length && lines[i].trim() !== '' && (body.length === 0 || !startsBlock(lines[i]))) body.push(lines[i++]);
      const paragraph = createEl('p');
      renderLines(body, paragraph, host);
      parent.appendChild(paragraph);
    }
    afterBlank = false;
  }
}

function codeBlock(parent: Node, code: string, language: string): void {
  const pre = createEl('pre', language === '' ? undefined : { cls: `language-${language}` });
  pre.createEl('code', { cls: language === '' ? [] : [`language-${language}`], text: code });
  parent.appendChild(pre);
}

/** Lines of one paragraph or item: Obsidian keeps single line breaks as `<br>`. */
function renderLines(lines: string[], parent: HTMLElement, host: RenderHost): void {
  lines.forEach((line, n) => {
    if (n > 0) parent.createEl('br');
    const shown = n === lines.length - 1 ? line.replace(BLOCK_ID, '') : line;
    renderInline(shown.trim(), parent, host);
  });
}

function indentOf(text: string): number {
  return text.replace(/\t/g, '    ').length;
}

/** A list starting at line `start`; nested lists by indentation. Returns the next line to read. */
function renderList(lines: string[], start: number, parent: Node, host: RenderHost): number {
  const first = LIST_ITEM.exec(lines[start]) as RegExpExecArray;
  const indent = indentOf(first[1]);
  const ordered = /\d/.test(first[2]);
  const list = createEl(ordered ? 'ol' : 'ul');
  let i = start;
  while (i < lines.length) {
    const item = LIST_ITEM.exec(lines[i]);
    if (item === null || indentOf(item[1]) !== indent || /\d/.test(item[2]) !== ordered) break;
    const li = list.createEl('li');
    const body = [item[3]];
    i++;
    while (i < lines.length && lines[i].trim() !== '' && !LIST_ITEM.test(lines[i]) && !startsBlock(lines[i])) body.push(lines[i++]);
    const task = /^\[([ xX])\] (.*)$/.exec(body[0]);
    if (task !== null) {
      li.addClass('task-list-item');
      li.createEl('input', { cls: 'task-list-item-checkbox', type: 'checkbox' }).checked = task[1] !== ' ';
      body[0] = task[2];
    }
    renderLines(body, li, host);
    const nested = i < lines.length ? LIST_ITEM.exec(lines[i]) : null;
    if (nested !== null && indentOf(nested[1]) > indent) i = renderList(lines, i, li, host);
  }
  parent.appendChild(list);
  return i;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BARE_URL = /^https?:\/\/[^\s<>]*[^\s<>.,;:!?)\]'"]/;
const TAG = /^#([^\s#.,;:!?()[\]{}'"`$%&*+=<>|\\^~]+)/;
const EMPHASIS: readonly (readonly [string, keyof HTMLElementTagNameMap])[] = [
  ['**', 'strong'],
  ['__', 'strong'],
  ['~~', 'del'],
  ['==', 'mark'],
  ['*', 'em'],
  ['_', 'em'],
];

/** Renders one line of inline Markdown into `parent` (code, links, embeds, tags, math, emphasis). */
export function renderInline(text: string, parent: HTMLElement, host: RenderHost): void {
  let plain = '';
  const flush = (): void => {
    if (plain !== '') parent.appendText(plain);
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i];
    const before = i === 0 ? ' ' : text[i - 1];

    if (ch === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1])) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(rest)![0];
      const close = text.indexOf(run, i + run.length);
      if (close >= 0 && text[close + run.length] !== '`') {
        flush();
        let code = text.slice(i + run.length, close);
        if (code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
        parent.createEl('code', { text: code });
        i = close + run.length;
        continue;
      }
      plain += run;
      i += run.length;
      continue;
    }
    if (rest.startsWith('%%') || rest.startsWith('<!--')) {
      const end = rest.startsWith('%%') ? '%%' : '-->';
      const close = text.indexOf(end, i + (end === '%%' ? 2 : 4));
      if (close >= 0) {
        i = close + end.length;
        continue;
      }
    }
    if (ch === '$' && text[i + 1] !== ' ' && text[i + 1] !== '$') {
      const close = text.indexOf('$', i + 1);
      if (close > i + 1 && text[close - 1] !== ' ') {
        flush();
        parent.createSpan({ cls: 'math math-inline', text: text.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
    }
    if (rest.startsWith('![[') || rest.startsWith('[[')) {
      const open = rest.startsWith('!') ? 3 : 2;
      const close = text.indexOf(']]', i + open);
      if (close >= 0) {
        flush();
        const inner = text.slice(i + open, close);
        const bar = inner.indexOf('|');
        const target = bar >= 0 ? inner.slice(0, bar) : inner;
        const label = bar >= 0 ? inner.slice(bar + 1) : target;
        if (open === 3) embed(parent, target);
        else internalLink(parent, target, label, host);
        i = close + 2;
        continue;
      }
    }
    if (ch === '[' || rest.startsWith('![')) {
      const link = /^(!?)\[([^\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)/.exec(rest) ?? /^(!?)\[([^\]]*)\]\(<([^>]*)>\)/.exec(rest);
      if (link !== null) {
        flush();
        const [whole, bang, label, url] = link;
        if (bang === '!') embed(parent, label === '' ? url : label);
        else if (SCHEME.test(url)) externalLink(parent, url, label);
        else internalLink(parent, safeDecode(url), label, host);
        i += whole.length;
        continue;
      }
    }
    if (ch === '<') {
      const auto = /^<([a-z][a-z0-9+.-]*:[^\s<>]*)>/i.exec(rest);
      if (auto !== null) {
        flush();
        externalLink(parent, auto[1], auto[1]);
        i += auto[0].length;
        continue;
      }
    }
    if ((ch === 'h' || ch === 'H') && !/[A-Za-z0-9]/.test(before)) {
      const url = BARE_URL.exec(rest);
      if (url !== null) {
        flush();
        externalLink(parent, url[0], url[0]);
        i += url[0].length;
        continue;
      }
    }
    if (ch === '#' && /\s/.test(before)) {
      const tag = TAG.exec(rest);
      // Obsidian: a tag needs at least one character that is not a digit.
      if (tag !== null && /[^0-9]/.test(tag[1])) {
        flush();
        parent.createEl('a', { cls: 'tag', text: tag[0], href: tag[0] });
        i += tag[0].length;
        continue;
      }
    }
    const emphasis = EMPHASIS.find(([marker]) => rest.startsWith(marker));
    if (emphasis !== undefined && !/\s/.test(text[i + emphasis[0].length] ?? ' ')) {
      const [marker, tag] = emphasis;
      const intraword = marker[0] === '_' && /[A-Za-z0-9]/.test(before);
      const close = intraword ? -1 : findClosing(text, marker, i + marker.length);
      if (close > 0) {
        flush();
        renderInline(text.slice(i + marker.length, close), parent.createEl(tag), host);
        i = close + marker.length;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
}

function findClosing(text: string, marker: string, from: number): number {
  for (let at = text.indexOf(marker, from); at >= 0; at = text.indexOf(marker, at + 1)) {
    if (at > from && !/\s/.test(text[at - 1]) && (marker.length > 1 || text[at + 1] !== marker)) return at;
  }
  return -1;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function internalLink(parent: HTMLElement, target: string, label: string, host: RenderHost): void {
  const linkpath = target.split('#')[0];
  const anchor = parent.createEl('a', { cls: 'internal-link', text: label, attr: { 'data-href': target, href: target, target: '_blank', rel: 'noopener' } });
  if (linkpath !== '' && !host.isResolved(linkpath)) anchor.addClass('is-unresolved');
}

function externalLink(parent: HTMLElement, url: string, label: string): void {
  parent.createEl('a', { cls: 'external-link', text: label, attr: { href: url, target: '_blank', rel: 'noopener' } });
}

function embed(parent: HTMLElement, target: string): void {
  parent.createSpan({ cls: 'internal-embed', text: `Embedded: ${target}`, attr: { src: target } });
}
