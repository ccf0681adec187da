/** @jest-environment jsdom */
import fc from 'fast-check';
import type { MarkdownPostProcessorContext } from 'obsidian';
import type * as obsidian from 'obsidian';
import { MarkdownRenderChild, MarkdownView, Plugin } from '../mocks/obsidian';
import { findIdsInProse } from '../../src/core/ids/prose';
import { decorateRendered, registerReadingView } from '../../src/obsidian/readingView';
import { fakeServices } from './fakeServices';
import type { FakeServices } from './fakeServices';

const A = '202104291524 Execution is the priority of the team.md';
const B = '202108191025 Teams exist for a reason.md';
const D1 = '202109260705 First.md';
const D2 = 'other/202109260705 Second.md';
const ODD = '202199999999 Not a date.md';
const XSS = '202101010000 <img src=x onerror=alert(1)>.md';
const SOURCE = 'notes/Source.md';

function notes(): Record<string, string> {
  return { [A]: '', [B]: '', [D1]: '', [D2]: '', [ODD]: '', [XSS]: '' };
}

/** Builds rendered-Markdown DOM from a tree description; text is always set as text. */
type Spec = string | [tag: string, attrs: Record<string, string>, ...children: Spec[]];
function build(spec: Spec): Node {
  if (typeof spec === 'string') return document.createTextNode(spec);
  const [tag, attrs, ...children] = spec;
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) el.appendChild(build(child));
  return el;
}
function section(...children: Spec[]): HTMLElement {
  return build(['div', {}, ...children]) as HTMLElement;
}

interface Rendered {
  el: HTMLElement;
  children: MarkdownRenderChild[];
}

function render(services: FakeServices, el: HTMLElement, sourcePath = SOURCE): Rendered {
  const children: MarkdownRenderChild[] = [];
  const ctx = {
    docId: 'doc',
    sourcePath,
    frontmatter: null,
    addChild: (child: MarkdownRenderChild) => {
      children.push(child);
      child.load();
    },
    getSectionInfo: () => null,
  } as unknown as MarkdownPostProcessorContext;
  document.body.appendChild(el);
  decorateRendered(el, ctx, services);
  return { el, children };
}

function linked(el: HTMLElement): string[] {
  return Array.from(el.querySelectorAll('a.principle-chain-id')).map((a) => a.textContent ?? '');
}

afterEach(() => document.body.replaceChildren());

describe('Reading view: where IDs become links', () => {
  const cases: [string, Spec[], string[]][] = [
    ['a paragraph', [['p', {}, 'After all, 202108191025 Teams exist for a reason and 202104291524.']], ['202108191025', '202104291524']],
    ['list items', [['ul', {}, ['li', { 'data-line': '0' }, 'first 202104291524'], ['li', { 'data-line': '1' }, ['p', {}, 'second 202108191025']]]], ['202104291524', '202108191025']],
    [
      'a callout title and body',
      [['div', { class: 'callout', 'data-callout': 'note' }, ['div', { class: 'callout-title' }, ['div', { class: 'callout-title-inner' }, 'Note 202104291524']], ['div', { class: 'callout-content' }, ['p', {}, 'Body 202108191025']]]],
      ['202104291524', '202108191025'],
    ],
    ['table cells', [['table', {}, ['thead', {}, ['tr', {}, ['th', {}, 'ID']]], ['tbody', {}, ['tr', {}, ['td', {}, '202104291524']], ['tr', {}, ['td', {}, 'x 202108191025 y']]]]], ['202104291524', '202108191025']],
    ['emphasis, headings and highlights', [['h2', {}, '202104291524 heading'], ['p', {}, ['em', {}, '202108191025'], ' and ', ['mark', {}, '202104291524']]], ['202104291524', '202108191025', '202104291524']],
    ['a code block (with its copy button)', [['pre', {}, ['code', { class: 'language-md' }, '202104291524']], ['button', { class: 'copy-code-button' }, 'Copy 202104291524']], []],
    ['inline code and keyboard keys', [['p', {}, 'use ', ['code', {}, '202104291524'], ' or ', ['kbd', {}, '202108191025']]], []],
    [
      'existing internal and external links and tags',
      [['p', {}, ['a', { class: 'internal-link', 'data-href': '202104291524 Execution', href: '202104291524 Execution' }, '202104291524 Execution'], ' ', ['a', { class: 'external-link', href: 'https://example.com/202108191025' }, 'https://example.com/202108191025'], ' ', ['a', { class: 'tag', href: '#202104291524' }, '#202104291524']]],
      [],
    ],
    ['inline and block math', [['p', {}, ['span', { class: 'math math-inline is-loaded' }, ['mjx-container', { class: 'MathJax' }, '202104291524']]], ['div', { class: 'math math-block' }, '202108191025']], []],
    [
      'properties and raw frontmatter',
      [['div', { class: 'metadata-container' }, ['div', { class: 'metadata-property', 'data-property-key': 'id' }, ['div', { class: 'metadata-property-value' }, '202104291524']]], ['pre', { class: 'frontmatter language-yaml' }, ['code', {}, 'id: 202108191025']]],
      [],
    ],
    ['embedded notes (they are processed on their own)', [['div', { class: 'internal-embed markdown-embed' }, ['p', {}, '202104291524']]], []],
    ['embedded search results', [['div', { class: 'internal-query' }, ['div', { class: 'search-result-file-match' }, '202104291524']]], []],
    ['text that only looks like an ID', [['p', {}, '20210429152404 ID202104291524 x_202104291524 #202104291524 ^202104291524 Pasted image 20210929093313.png']], []],
    ['digit runs that are not dates and name no note', [['p', {}, '202113131313 and 202199999999']], ['202199999999']],
  ];

  it.each(cases)('%s', (_name, spec, expected) => {
    const services = fakeServices(notes());
    const el = section(...spec);
    const before = el.textContent;
    render(services, el);
    expect(linked(el)).toEqual(expected);
    expect(el.textContent).toBe(before);
  });

  it.each([
    ['14', { '20210429152400 Fourteen.md': '' }, 'a 20210429152400, b 202104291524, c 20211329152400', ['20210429152400']],
    ['denote', { '20210429T152400--denote-note.md': '' }, 'a 20210429T152400, b 202104291524, c 20211329T152400', ['20210429T152400']],
    ['custom', { 'ZK-0042 Custom.md': '' }, 'a ZK-0042, b 202104291524, c ZK-9', ['ZK-0042', 'ZK-9']],
  ] as const)('follows the %s ID format', (idFormat, files, text, expected) => {
    const services = fakeServices({ ...files }, { idFormat, customPattern: idFormat === 'custom' ? 'ZK-\\d+' : '' });
    const { el } = render(services, section(['p', {}, text]));
    expect(linked(el)).toEqual(expected);
  });

  it('does nothing in notes inside excluded folders', () => {
    const services = fakeServices(notes(), { excludedFolders: ['notes'] });
    const { el } = render(services, section(['p', {}, '202104291524']));
    expect(linked(el)).toEqual([]);
  });

  it('leaves already linked IDs alone when it runs twice', () => {
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, 'a 202104291524 b']));
    decorateRendered(el, { sourcePath: SOURCE, addChild: () => undefined } as unknown as MarkdownPostProcessorContext, services);
    expect(linked(el)).toEqual(['202104291524']);
  });
});

describe('Reading view: the anchors', () => {
  function anchor(el: HTMLElement, text: string): HTMLAnchorElement {
    const found = Array.from(el.querySelectorAll<HTMLAnchorElement>('a.principle-chain-id')).find((a) => a.textContent === text);
    if (!found) throw new Error(`no anchor ${text}`);
    return found;
  }

  it('resolved IDs are Obsidian internal links to the target path', () => {
    const { el } = render(fakeServices(notes()), section(['p', {}, 'see 202104291524.']));
    const a = anchor(el, '202104291524');
    expect([a.getAttribute('data-href'), a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]).toEqual([A, A, '_blank', 'noopener']);
    expect(Array.from(a.classList)).toEqual(['internal-link', 'principle-chain-id']);
    expect(a.previousSibling?.textContent).toBe('see ');
    expect(a.nextSibling?.textContent).toBe('.');
  });

  it('unresolved IDs point at the ID and are styled unless highlighting is off', () => {
    const on = render(fakeServices(notes()), section(['p', {}, '202001011200'])).el;
    expect(anchor(on, '202001011200').getAttribute('data-href')).toBe('202001011200');
    expect(anchor(on, '202001011200').classList.contains('is-unresolved')).toBe(true);
    const off = render(fakeServices(notes(), { highlightUnresolved: false }), section(['p', {}, '202001011200'])).el;
    expect(anchor(off, '202001011200').classList.contains('is-unresolved')).toBe(false);
  });

  it('ambiguous IDs carry a marker and point at the ID', () => {
    const { el } = render(fakeServices(notes()), section(['p', {}, '202109260705']));
    const a = anchor(el, '202109260705');
    expect(a.classList.contains('principle-chain-ambiguous')).toBe(true);
    expect(a.getAttribute('data-href')).toBe('202109260705');
    expect(a.getAttribute('aria-label')).toBe('202109260705 is the ID of 2 notes');
  });

  it('with "link the title", a following title joins the link', () => {
    const text = 'After all, 202108191025 Teams exist for a reason and 202104291524 Execution is not all.';
    const on = render(fakeServices(notes(), { linkTitle: true }), section(['p', {}, text])).el;
    expect(linked(on)).toEqual(['202108191025 Teams exist for a reason', '202104291524']);
    expect(on.textContent).toBe(text);
    const off = render(fakeServices(notes()), section(['p', {}, text])).el;
    expect(linked(off)).toEqual(['202108191025', '202104291524']);
  });

  it('a title that looks like HTML stays text', () => {
    const text = '202101010000 <img src=x onerror=alert(1)> is a title';
    const { el } = render(fakeServices(notes(), { linkTitle: true }), section(['p', {}, text]));
    expect(linked(el)).toEqual(['202101010000 <img src=x onerror=alert(1)>']);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toBe(text);
  });
});

describe('Reading view: clicks and index changes', () => {
  function click(target: Element, init: MouseEventInit = {}): MouseEvent {
    const evt = new MouseEvent('click', { bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(evt);
    return evt;
  }

  it('a click on an unresolved or ambiguous ID goes to the opener, with the pane from the modifier', () => {
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, '202001011200 and 202109260705']));
    const [unresolved, ambiguous] = Array.from(el.querySelectorAll('a.principle-chain-id'));
    expect(click(unresolved).defaultPrevented).toBe(true);
    click(ambiguous, { ctrlKey: true });
    expect(services.opened).toEqual([
      { id: '202001011200', sourcePath: SOURCE, paneType: false },
      { id: '202109260705', sourcePath: SOURCE, paneType: 'tab' },
    ]);
  });

  it('a click on a resolved ID is left to Obsidian', () => {
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, '202104291524']));
    expect(click(el.querySelector('a')!).defaultPrevented).toBe(false);
    expect(services.opened).toEqual([]);
  });

  it('anchors follow resolution changes while the section is shown, and stop when it is gone', () => {
    const services = fakeServices(notes());
    const { el, children } = render(services, section(['p', {}, '202001011200']));
    const a = el.querySelector('a')!;
    services.put('202001011200 New note.md');
    expect([a.getAttribute('data-href'), a.classList.contains('is-unresolved')]).toEqual(['202001011200 New note.md', false]);
    click(a);
    expect(services.opened).toEqual([]);
    children.forEach((child) => child.unload());
    services.remove('202001011200 New note.md');
    expect(a.getAttribute('data-href')).toBe('202001011200 New note.md');
  });

  it('re-renders open Reading views when the whole index changed', () => {
    const services = fakeServices(notes());
    const plugin = new (class extends Plugin {})(services.app, { id: 'principle-chain' } as obsidian.PluginManifest);
    registerReadingView(plugin as unknown as obsidian.Plugin, services);
    plugin.load();
    const leaf = services.fakeApp.workspace.getLeaf(true);
    const reading = new MarkdownView(leaf);
    reading.mode = 'preview';
    leaf.view = reading;
    services.emit(new Set(['202104291524']));
    expect(reading.previewMode.rerenders).toBe(0);
    services.emit('all');
    expect(reading.previewMode.rerenders).toBe(1);
    expect(plugin.registered.postProcessors).toHaveLength(1);
  });
});

describe('Reading view: splitting text', () => {
  it('keeps the text as it was and links exactly the IDs that count', () => {
    const services = fakeServices(notes(), { linkTitle: true });
    const pieces = ['202104291524', '202108191025', ' Teams exist for a reason', '202001011200', '202113131313', 'x', ' ', '.', '#', '<b>', '2021042915240', '\u00a0'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const el = section(['p', {}, text]);
        render(services, el);
        expect(el.textContent).toBe(text);
        const expected = findIdsInProse(text, services.format())
          .filter((m) => services.index.isKnownId(m.id) || services.format().isPlausible(m.id))
          .map((m) => m.id);
        expect(linked(el).map((t) => t.slice(0, 12))).toEqual(expected);
        expect(el.querySelector('b')).toBeNull();
        document.body.replaceChildren();
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
