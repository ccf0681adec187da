/** @jest-environment jsdom */
import fc from 'fast-check';
import type { MarkdownPostProcessorContext } from 'obsidian';
import type * as obsidian from 'obsidian';
import { MarkdownRenderChild, MarkdownView, MenuItem, Plugin, recordShown } from '../mocks/obsidian';
import { findIdsInProse } from '../../src/core/ids/prose';
import { readingViewDeps, registerReadingView } from '../../src/obsidian/readingView';
import { decorateRendered } from '../../src/ui/reading/decorate';
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

/**
 * Builds rendered-Markdown DOM from a tree description; text is always set as text. The shapes are
 * those Obsidian renders, as public code selects them: `a.internal-link` with data-href, href,
 * target and rel (obsidian-virtual-linker's reading-mode links copy it to look native), `a.tag`,
 * `.math`/`mjx-container` (MathJax), `.callout[data-callout]`, `.metadata-container` (Properties),
 * `pre.frontmatter`, `.internal-embed.markdown-embed`, `.internal-query .search-result-container`
 * (embedded search; folder-overview and the forum's "common CSS hacks" select it), and
 * `button.copy-code-button`. Their finer details are unknown; none decides more than whether a
 * stretch of text is prose.
 */
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
  decorateRendered(el, ctx, readingViewDeps(services));
  return { el, children };
}

/** The text of every ID element (anchor or span), in document order. */
function linked(el: HTMLElement): string[] {
  return Array.from(el.querySelectorAll('.principle-chain-id')).map((a) => a.textContent ?? '');
}

afterEach(() => document.body.replaceChildren());

// jsdom reports what a DOM listener throws to the window's error event, and a test would pass over it.
const uncaught: unknown[] = [];
window.addEventListener('error', (event) => void uncaught.push(event.error));
afterEach(() => {
  const thrown = uncaught.splice(0);
  if (thrown.length > 0) throw thrown[0];
});

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
    ['preformatted text without code inside (raw HTML in a note)', [['pre', {}, 'text 202104291524']], []],
    // Raw HTML a note may hold: sample output, a style sheet, a drawing and form fields are no prose.
    ['sample output', [['p', {}, ['samp', {}, 'exit 202104291524']]], []],
    ['a style element', [['style', {}, '.x-202104291524 { color: red }']], []],
    ['text in an SVG drawing', [['svg', {}, ['text', {}, '202104291524']]], []],
    ['form fields', [['textarea', {}, '202104291524'], ['select', {}, ['option', {}, '202108191025']]], []],
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
    // Obsidian renders `[ID]` without a link definition as literal text, as CommonMark does.
    ['an ID alone in square brackets', [['p', {}, 'as [202104291524] says']], ['202104291524']],
  ];

  it.each(cases)('%s', (_name, spec, expected) => {
    const services = fakeServices(notes());
    const el = section(...spec);
    const before = el.textContent;
    render(services, el);
    expect(linked(el)).toStrictEqual(expected);
    expect(el.textContent).toBe(before);
  });

  it.each([
    ['14', { '20210429152400 Fourteen.md': '' }, 'a 20210429152400, b 202104291524, c 20211329152400', ['20210429152400']],
    ['denote', { '20210429T152400--denote-note.md': '' }, 'a 20210429T152400, b 202104291524, c 20211329T152400', ['20210429T152400']],
    ['custom', { 'ZK-0042 Custom.md': '' }, 'a ZK-0042, b 202104291524, c ZK-9', ['ZK-0042', 'ZK-9']],
  ] as const)('follows the %s ID format', (idFormat, files, text, expected) => {
    const services = fakeServices({ ...files }, { idFormat, customPattern: idFormat === 'custom' ? 'ZK-\\d{1,4}' : '' });
    const { el } = render(services, section(['p', {}, text]));
    expect(linked(el)).toStrictEqual(expected);
  });

  it('does nothing in notes inside excluded folders', () => {
    const services = fakeServices(notes(), { excludedFolders: ['notes'] });
    const { el } = render(services, section(['p', {}, '202104291524']));
    expect(linked(el)).toStrictEqual([]);
  });

  it('leaves already linked IDs alone when it runs twice', () => {
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, 'a 202104291524 b']));
    decorateRendered(el, { sourcePath: SOURCE, addChild: () => undefined } as unknown as MarkdownPostProcessorContext, readingViewDeps(services));
    expect(linked(el)).toStrictEqual(['202104291524']);
  });
});

describe('Reading view: the elements', () => {
  function idEl(el: HTMLElement, text: string): HTMLElement {
    const found = Array.from(el.querySelectorAll<HTMLElement>('.principle-chain-id')).find((e) => e.textContent === text);
    if (!found) throw new Error(`no ID element ${text}`);
    return found;
  }
  const attrs = (e: Element): Record<string, string> => Object.fromEntries(Array.from(e.attributes).map((a) => [a.name, a.value]));

  it('a resolved ID is an internal link whose href is the link text Obsidian would write', () => {
    const { el } = render(fakeServices(notes()), section(['p', {}, 'see 202104291524.']));
    const a = idEl(el, '202104291524');
    expect(a.tagName).toBe('A');
    // metadataCache.fileToLinktext: the file name alone when it is unique in the vault, no `.md`.
    expect(attrs(a)).toStrictEqual({
      class: 'internal-link principle-chain-id',
      'data-principle-chain-id': '202104291524',
      'data-href': '202104291524 Execution is the priority of the team',
      href: '202104291524 Execution is the priority of the team',
      target: '_blank',
      rel: 'noopener',
    });
    expect(a.previousSibling?.textContent).toBe('see ');
    expect(a.nextSibling?.textContent).toBe('.');
  });

  it('a resolved ID whose file name is not unique links by path', () => {
    const services = fakeServices({ 'zet/202110101010/README.md': '', 'zet/202111111111/README.md': '' });
    const { el } = render(services, section(['p', {}, '202110101010']));
    expect(idEl(el, '202110101010').getAttribute('data-href')).toBe('zet/202110101010/README');
  });

  it('an unresolved ID is a focusable span, never an internal link, styled unless highlighting is off', () => {
    const on = idEl(render(fakeServices(notes()), section(['p', {}, '202001011200'])).el, '202001011200');
    expect(on.tagName).toBe('SPAN');
    expect(attrs(on)).toStrictEqual({ class: 'principle-chain-id is-unresolved', 'data-principle-chain-id': '202001011200', role: 'link', tabindex: '0' });
    const off = idEl(render(fakeServices(notes(), { highlightUnresolved: false }), section(['p', {}, '202001011200'])).el, '202001011200');
    expect(off.className).toBe('principle-chain-id');
  });

  it('an ambiguous ID is a focusable span with a marker and a label', () => {
    const span = idEl(render(fakeServices(notes()), section(['p', {}, '202109260705'])).el, '202109260705');
    expect(span.tagName).toBe('SPAN');
    expect(attrs(span)).toStrictEqual({
      class: 'principle-chain-id principle-chain-ambiguous',
      'data-principle-chain-id': '202109260705',
      role: 'link',
      tabindex: '0',
      'aria-label': '202109260705 is the ID of 2 notes',
    });
  });

  it('with "link the title", a following title joins the link', () => {
    const text = 'After all, 202108191025 Teams exist for a reason and 202104291524 Execution is not all.';
    const on = render(fakeServices(notes(), { linkTitle: true }), section(['p', {}, text])).el;
    expect(linked(on)).toStrictEqual(['202108191025 Teams exist for a reason', '202104291524']);
    expect(on.textContent).toBe(text);
    const off = render(fakeServices(notes()), section(['p', {}, text])).el;
    expect(linked(off)).toStrictEqual(['202108191025', '202104291524']);
  });

  it('a title that looks like HTML stays text', () => {
    const text = '202101010000 <img src=x onerror=alert(1)> is a title';
    const { el } = render(fakeServices(notes(), { linkTitle: true }), section(['p', {}, text]));
    expect(linked(el)).toStrictEqual(['202101010000 <img src=x onerror=alert(1)>']);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toBe(text);
  });

  it('a section without an ID gets no child to keep it live', () => {
    const { children } = render(fakeServices(notes()), section(['p', {}, 'no ID here, 2021 only']));
    expect(children).toStrictEqual([]);
  });

  it('leaves the empty text nodes a section already had', () => {
    const { el } = render(fakeServices(notes()), section(['p', {}, '', 'x 202104291524 y']));
    expect(Array.from(el.querySelector('p')!.childNodes).map((n) => n.textContent)).toStrictEqual(['', 'x ', '202104291524', ' y']);
  });

  it('with "link the title", an ID inside a linked title is not linked again', () => {
    const services = fakeServices({ ...notes(), '202102020000 See 202104291524.md': '' }, { linkTitle: true });
    const { el } = render(services, section(['p', {}, 'read 202102020000 See 202104291524 now']));
    expect(linked(el)).toStrictEqual(['202102020000 See 202104291524']);
  });

  it('with "link the title", only a resolved ID takes the title after it', () => {
    const services = fakeServices(notes(), { linkTitle: true });
    const { el } = render(services, section(['p', {}, '202109260705 First and 202001011200 First']));
    expect(linked(el)).toStrictEqual(['202109260705', '202001011200']);
  });

  it('leaves no empty text nodes behind', () => {
    const { el } = render(fakeServices(notes()), section(['p', {}, '202104291524 and 202001011200']));
    expect(Array.from(el.querySelector('p')!.childNodes).map((n) => n.textContent)).toStrictEqual(['202104291524', ' and ', '202001011200']);
  });
});

describe('Reading view: using unresolved and ambiguous IDs', () => {
  function fire<E extends Event>(target: Element, event: E): E {
    target.dispatchEvent(event);
    return event;
  }
  /**
   * Obsidian's delegated handler for internal links, as a worst case: it opens `data-href` of any
   * `a.internal-link` clicked, ignoring defaultPrevented, and opening an unresolved link creates the
   * note. Whether it runs before the plugin's listener (capture) or after (bubble) is unknown.
   */
  function obsidianLinkHandler(services: FakeServices, capture: boolean): string[] {
    const created: string[] = [];
    const handler = (evt: Event): void => {
      const anchor = (evt.target as Element).closest('a.internal-link');
      const href = anchor?.getAttribute('data-href');
      if (href && services.fakeApp.metadataCache.getFirstLinkpathDest(href, SOURCE) === null) created.push(`${href}.md`);
    };
    document.addEventListener('click', handler, { capture });
    stopHandlers.push(() => document.removeEventListener('click', handler, { capture }));
    return created;
  }
  const stopHandlers: (() => void)[] = [];
  afterEach(() => stopHandlers.splice(0).forEach((stop) => stop()));

  it.each([
    ['before', true],
    ['after', false],
  ])('a click on one goes to the opener and creates nothing, whether Obsidian handles links %s the plugin', (_when, capture) => {
    const services = fakeServices(notes());
    const created = obsidianLinkHandler(services, capture);
    const { el } = render(services, section(['p', {}, '202001011200 and 202109260705']));
    const [unresolved, ambiguous] = Array.from(el.querySelectorAll('.principle-chain-id'));
    expect(click(unresolved).defaultPrevented).toBe(true);
    click(ambiguous, { ctrlKey: true });
    expect(services.opened).toStrictEqual([
      { id: '202001011200', sourcePath: SOURCE, paneType: false },
      { id: '202109260705', sourcePath: SOURCE, paneType: 'tab' },
    ]);
    expect(created).toStrictEqual([]);
  });

  it('a middle click opens in a new tab; Enter opens, Mod+Enter in a new tab', () => {
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, '202001011200']));
    const span = el.querySelector('.principle-chain-id')!;
    fire(span, new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }));
    expect(fire(span, new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter' })).defaultPrevented).toBe(true);
    fire(span, new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', ctrlKey: true }));
    fire(span, new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'a' }));
    expect(services.opened.map((o) => o.paneType)).toStrictEqual(['tab', false, 'tab']);
  });

  it('Ctrl+Alt-click opens in a split and Ctrl+Alt+Shift-click in a window, as Keymap.isModEvent says', () => {
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, '202001011200 and 202109260705']));
    const [unresolved, ambiguous] = Array.from(el.querySelectorAll('.principle-chain-id'));
    click(unresolved, { ctrlKey: true, altKey: true });
    click(ambiguous, { ctrlKey: true, altKey: true, shiftKey: true });
    expect(services.opened.map((o) => o.paneType)).toStrictEqual(['split', 'window']);
  });

  it.each([
    ['unresolved', '202001011200', 'Create note 202001011200…'],
    ['ambiguous', '202109260705', 'Choose a note to open…'],
  ])('the context menu of an %s ID offers the opener and copying the ID', (_kind, id, first) => {
    const { menus } = recordShown();
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, id]));
    const evt = fire(el.querySelector('.principle-chain-id')!, new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    expect(evt.defaultPrevented).toBe(true);
    const items = menus[0].items.filter((item): item is MenuItem => item !== 'separator');
    expect(items.map((item) => item.title)).toStrictEqual([first, 'Copy ID']);
    items[0].click();
    expect(services.opened).toStrictEqual([{ id, sourcePath: SOURCE, paneType: false }]);
  });

  it("an ID whose note's name holds '#' is a span of the plugin's that opens that note, never a native anchor", () => {
    const { menus } = recordShown();
    const services = fakeServices({ ...notes(), 'tips/202103030303 C# tips.md': '' });
    const { el } = render(services, section(['p', {}, 'see 202103030303 now']));
    expect(el.querySelector('a.internal-link')).toBeNull();
    const span = el.querySelector('span.principle-chain-id')!;
    expect([span.textContent, span.getAttribute('role'), span.classList.contains('is-unresolved')]).toStrictEqual(['202103030303', 'link', false]);
    fire(span, new MouseEvent('click', { bubbles: true, cancelable: true }));
    fire(span, new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    const items = menus[0].items.filter((item): item is MenuItem => item !== 'separator');
    expect(items.map((item) => item.title)).toStrictEqual(['Open note', 'Copy ID']);
    expect(services.opened).toStrictEqual([{ id: '202103030303', sourcePath: SOURCE, paneType: false }]);
  });

  it('a right-button auxclick (Chromium sends one with the context menu) opens nothing', () => {
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, '202001011200']));
    fire(el.querySelector('.principle-chain-id')!, new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 2 }));
    expect(services.opened).toStrictEqual([]);
  });

  it('clicks and keys beside the spans, and events aimed at a text node, are ignored', () => {
    const { menus } = recordShown();
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, 'see 202001011200 now']));
    const p = el.querySelector('p')!;
    const text = el.querySelector('.principle-chain-id')!.firstChild!;
    for (const target of [p, p.lastChild!, text]) {
      for (const event of [
        new MouseEvent('click', { bubbles: true, cancelable: true }),
        new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter' }),
        new MouseEvent('contextmenu', { bubbles: true, cancelable: true }),
      ]) {
        expect(fire(target as Element, event).defaultPrevented).toBe(false);
      }
    }
    expect([services.opened, menus]).toStrictEqual([[], []]);
  });

  it('the menu items carry their icons, and Copy ID copies the ID', () => {
    const { menus } = recordShown();
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, '202001011200 202109260705']));
    for (const span of Array.from(el.querySelectorAll('.principle-chain-id'))) {
      fire(span, new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    }
    const items = menus.map((menu) => menu.items.filter((item): item is MenuItem => item !== 'separator'));
    expect(items.map((list) => list.map((item) => item.icon))).toStrictEqual([
      ['file-plus', 'copy'],
      ['files', 'copy'],
    ]);
    items[1][1].click();
    expect(writeText.mock.calls).toStrictEqual([['202109260705']]);
    expect(services.opened).toStrictEqual([]);
  });

  it('clicks, keys and menus on a resolved ID are left to Obsidian', () => {
    const { menus } = recordShown();
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, '202104291524']));
    const a = el.querySelector('a')!;
    expect(click(a).defaultPrevented).toBe(false);
    expect(fire(a, new MouseEvent('contextmenu', { bubbles: true, cancelable: true })).defaultPrevented).toBe(false);
    expect(fire(a, new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter' })).defaultPrevented).toBe(false);
    expect([services.opened, menus]).toStrictEqual([[], []]);
  });
});

describe('Reading view: index changes', () => {
  it('an unresolved ID becomes an internal link when its note appears, and a span again when it goes', () => {
    const services = fakeServices(notes());
    const { el, children } = render(services, section(['p', {}, 'see 202001011200.']));
    services.put('202001011200 New note.md');
    const a = el.querySelector('.principle-chain-id')!;
    expect([a.tagName, a.getAttribute('data-href'), a.textContent, el.textContent]).toStrictEqual(['A', '202001011200 New note', '202001011200', 'see 202001011200.']);
    expect(click(a).defaultPrevented).toBe(false);
    expect(services.opened).toStrictEqual([]);
    services.remove('202001011200 New note.md');
    const span = el.querySelector('.principle-chain-id')!;
    expect([span.tagName, span.className]).toStrictEqual(['SPAN', 'principle-chain-id is-unresolved']);
    click(span);
    expect(services.opened.map((o) => o.id)).toStrictEqual(['202001011200']);
    children.forEach((child) => child.unload());
    services.put('202001011200 New note.md');
    expect(el.querySelector('.principle-chain-id')!.tagName).toBe('SPAN');
  });

  it('a change of other IDs leaves an element as it is; a change of all IDs rebuilds each', () => {
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, '202104291524 and 202001011200']));
    const before = Array.from(el.querySelectorAll('.principle-chain-id'));
    services.emit(new Set(['202108191025']));
    expect(Array.from(el.querySelectorAll('.principle-chain-id'))).toStrictEqual(before);
    services.emit(new Set(['202001011200']));
    const after = Array.from(el.querySelectorAll('.principle-chain-id'));
    expect([after[0] === before[0], after[1] === before[1]]).toStrictEqual([true, false]);
    services.emit('all');
    const rebuilt = Array.from(el.querySelectorAll('.principle-chain-id'));
    expect([rebuilt[0] === after[0], rebuilt[1] === after[1], linked(el)]).toStrictEqual([false, false, ['202104291524', '202001011200']]);
  });

  it('an element taken out of the page (the section drawn again) is left alone on a change', () => {
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, '202001011200']));
    const span = el.querySelector('.principle-chain-id')!;
    span.remove();
    services.emit('all');
    services.emit(new Set(['202001011200']));
    expect([span.parentNode, el.querySelector('p')!.textContent]).toStrictEqual([null, '']);
  });

  it('a resolved ID that becomes ambiguous turns into the chooser span', () => {
    const services = fakeServices(notes());
    const { el } = render(services, section(['p', {}, '202104291524']));
    services.put('elsewhere/202104291524 Copy.md');
    const span = el.querySelector('.principle-chain-id')!;
    expect([span.tagName, span.classList.contains('principle-chain-ambiguous')]).toStrictEqual(['SPAN', true]);
  });

  it('while indexing, re-renders a burst of whole-index changes at once, then at most every 2 seconds, the last always included', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const { services, plugin, reading } = withReadingView();
      let progress: { done: number; total: number } | null = { done: 0, total: 100 };
      Object.assign(services, { indexingProgress: () => progress });
      const rerenders = (): number => reading.previewMode.rerenders;
      services.emit('all');
      for (let i = 0; i < 5; i++) services.emit('all');
      expect(rerenders()).toBe(1);
      jest.advanceTimersByTime(1_999);
      expect(rerenders()).toBe(1);
      jest.advanceTimersByTime(1);
      expect(rerenders()).toBe(2);
      services.emit('all');
      jest.advanceTimersByTime(2_000);
      expect(rerenders()).toBe(3);
      // After a quiet interval the next one is at once again.
      jest.advanceTimersByTime(2_000);
      services.emit('all');
      expect(rerenders()).toBe(4);
      // Indexing over, a change (a setting) re-renders at once, and takes the place of one waiting.
      services.emit('all');
      progress = null;
      services.emit('all');
      expect(rerenders()).toBe(5);
      jest.advanceTimersByTime(4_000);
      expect(rerenders()).toBe(5);
      // One still waiting when the plugin unloads is dropped.
      progress = { done: 0, total: 100 };
      services.emit('all');
      services.emit('all');
      expect(rerenders()).toBe(6);
      plugin.unload();
      jest.advanceTimersByTime(4_000);
      expect([rerenders(), jest.getTimerCount()]).toStrictEqual([6, 0]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('re-renders open Reading views when the whole index changed', () => {
    const { services, plugin, reading } = withReadingView();
    const editing = new MarkdownView(services.fakeApp.workspace.getLeaf(true));
    editing.mode = 'source';
    editing.leaf.view = editing;
    services.emit(new Set(['202104291524']));
    expect(reading.previewMode.rerenders).toBe(0);
    services.emit('all');
    expect([reading.previewMode.rerenders, reading.previewMode.lastRerenderFull, editing.previewMode.rerenders]).toStrictEqual([1, true, 0]);
    expect(plugin.registered.postProcessors).toHaveLength(1);
    // The registered post processor is the one that links IDs.
    const el = section(['p', {}, '202104291524']);
    const ctx = { sourcePath: SOURCE, addChild: () => undefined } as unknown as MarkdownPostProcessorContext;
    void plugin.registered.postProcessors[0](el, ctx);
    expect(linked(el)).toStrictEqual(['202104291524']);
  });
});

/** The plugin's Reading view registered over fake services, with one Reading view open. */
function withReadingView(): { services: FakeServices; plugin: Plugin; reading: MarkdownView } {
  const services = fakeServices(notes());
  const plugin = new (class extends Plugin {})(services.app, { id: 'principle-chain' } as obsidian.PluginManifest);
  registerReadingView(plugin as unknown as obsidian.Plugin, services);
  plugin.load();
  const leaf = services.fakeApp.workspace.getLeaf(true);
  const reading = new MarkdownView(leaf);
  reading.mode = 'preview';
  leaf.view = reading;
  return { services, plugin, reading };
}

function click(target: Element, init: MouseEventInit = {}): MouseEvent {
  const evt = new MouseEvent('click', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(evt);
  return evt;
}

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
        expect(linked(el).map((t) => t.slice(0, 12))).toStrictEqual(expected);
        expect(el.querySelector('b')).toBeNull();
        document.body.replaceChildren();
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
