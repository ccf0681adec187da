/**
 * Markup as text for approval files: every element's tag, classes, attributes and own text, one
 * line per element with its children indented. styles.css, Obsidian's theme classes and screen
 * readers read this markup; a text outline leaves most of it out.
 */

/** Attributes worth pinning: all but the classes (written after the tag) and inline styles (layout, not markup). */
const SKIPPED_ATTRIBUTES = new Set(['class', 'style']);

function ownText(el: Element): string {
  return Array.from(el.childNodes)
    .filter((child) => child.nodeType === child.TEXT_NODE)
    .map((child) => child.textContent ?? '')
    .join('');
}

/** Of a tree's or group's entries, the first two and the last are drawn out; the rest are counted. */
function shownChildren(el: Element): (Element | number)[] {
  const children = Array.from(el.children);
  const role = el.getAttribute('role');
  if ((role !== 'tree' && role !== 'group') || children.length <= 4) return children;
  return [...children.slice(0, 2), children.length - 3, children[children.length - 1]];
}

/**
 * One line per element: `tag.class.class [name=value …] "own text"`, children indented. The view's
 * element IDs carry a counter of views opened so far; it is written as N.
 */
export function markup(el: Element, indent = ''): string[] {
  const classes = Array.from(el.classList, (name) => `.${name}`).join('');
  const attributes = Array.from(el.attributes)
    .filter((attribute) => !SKIPPED_ATTRIBUTES.has(attribute.name))
    .map((attribute) => `${attribute.name}=${JSON.stringify(attribute.value.replace(/pc-chain-\d+-/g, 'pc-chain-N-'))}`)
    .sort();
  const text = ownText(el);
  const line = [`${el.tagName.toLowerCase()}${classes}`, attributes.length > 0 ? `[${attributes.join(' ')}]` : '', text !== '' ? JSON.stringify(text) : '']
    .filter((part) => part !== '')
    .join(' ');
  const inner = `${indent}  `;
  return [indent + line, ...shownChildren(el).flatMap((child) => (typeof child === 'number' ? [`${inner}(${child} more like these)`] : markup(child, inner)))];
}

