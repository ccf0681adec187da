/**
 * Serialises the drawn chain view as indented text (titles, IDs, markers, counts, context lines),
 * so renders can be compared with approved files and read in a diff. The ID a context line names
 * is shown in [brackets] where the view highlights it.
 */

function text(el: Element | null): string {
  return el?.textContent ?? '';
}

function toggleMark(row: Element): string {
  const toggle = row.querySelector(':scope > .pc-chain-toggle');
  if (toggle === null || toggle.classList.contains('is-leaf')) return '•';
  return toggle.classList.contains('is-collapsed') ? '▸' : '▾';
}

function contextText(el: Element): string {
  return Array.from(el.childNodes, (child) => (child instanceof Element && child.classList.contains('pc-chain-context-id') ? `[${text(child)}]` : (child.textContent ?? ''))).join('');
}

function entryLines(item: Element, indent: string, out: string[], withContext: boolean): void {
  if (item.classList.contains('pc-chain-more')) {
    out.push(`${indent}[${text(item)}]`);
    return;
  }
  const row = item.querySelector(':scope > .pc-chain-row');
  if (row === null) return;
  const main = row.querySelector(':scope > .pc-chain-main');
  const parts = [toggleMark(row), text(main?.querySelector(':scope > .pc-chain-title') ?? null)];
  const id = row.querySelector(':scope > .pc-chain-id');
  if (id !== null) parts.push(`· ${text(id)}`);
  const path = main?.querySelector(':scope > .pc-chain-path') ?? null;
  if (path !== null) parts.push(`(${text(path)})`);
  for (const flag of Array.from(main?.querySelectorAll(':scope > .pc-chain-flag') ?? [])) parts.push(`[${text(flag)}]`);
  if (item.classList.contains('is-match')) parts.push('*');
  out.push(indent + parts.join(' '));
  const context = item.querySelector(':scope > .pc-chain-context');
  if (context !== null && withContext) out.push(`${indent}    > ${contextText(context)}`);
  const group = item.querySelector(':scope > [role="group"]');
  if (group !== null) for (const child of Array.from(group.children)) entryLines(child, indent + '  ', out, withContext);
}

/** The view's content as indented text, one line per header, section, entry and (unless left out) context line. */
export function chainAsText(container: Element, withContext = true): string {
  const out: string[] = [];
  const root = container.querySelector('.pc-chain');
  if (root === null) return '';
  const title = text(root.querySelector('.pc-chain-note-title'));
  const id = root.querySelector('.pc-chain-note-id');
  out.push(`# ${title}${id !== null ? ` · ${text(id)}` : ''}`);
  const depth = root.querySelector('.pc-chain-depth-value');
  if (depth !== null) out.push(`Depth ${text(depth)}`);
  for (const empty of Array.from(root.querySelectorAll(':scope > .pc-chain-empty'))) out.push(text(empty));
  for (const section of Array.from(root.querySelectorAll(':scope > .pc-chain-section'))) {
    const header = section.querySelector(':scope > .pc-chain-section-header');
    const expanded = header?.getAttribute('aria-expanded') === 'true';
    out.push(
      `${expanded ? '▾' : '▸'} ${text(header?.querySelector('.pc-chain-section-title') ?? null)} (${text(header?.querySelector('.pc-chain-count') ?? null)})`,
    );
    const sectionEmpty = section.querySelector(':scope > .pc-chain-section-empty');
    if (sectionEmpty !== null) out.push(`  ${text(sectionEmpty)}`);
    const tree = section.querySelector(':scope > [role="tree"]');
    if (tree !== null) for (const item of Array.from(tree.children)) entryLines(item, '  ', out, withContext);
    const truncated = section.querySelector(':scope > .pc-chain-truncated');
    if (truncated !== null) out.push(`  (${text(truncated)})`);
    const hidden = section.querySelector(':scope > .pc-chain-hidden-note');
    if (hidden !== null) out.push(`  (${text(hidden)})`);
  }
  for (const capped of Array.from(root.querySelectorAll(':scope > .pc-chain-capped'))) out.push(text(capped));
  return out.join('\n') + '\n';
}

/** An element's accessible name as its aria-labelledby (or aria-label, or text) gives it. */
export function accessibleName(el: Element | null): string | null {
  if (el === null) return null;
  const ids = el.getAttribute('aria-labelledby');
  if (ids !== null) return ids.split(' ').map((id) => el.ownerDocument.getElementById(id)?.getAttribute('aria-label') ?? text(el.ownerDocument.getElementById(id))).join(', ');
  return el.getAttribute('aria-label') ?? text(el);
}
