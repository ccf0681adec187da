/** @jest-environment jsdom */
import '../mocks/dom';
import fc from 'fast-check';
import { createUiState, EMPTY_MESSAGES, type ChainViewModel, type ChainViewNode, type EmptyReason } from '../../src/ui/chain/model';
import { LEVEL_CAP, RENDER_BUDGET } from '../../src/ui/chain/expansion';
import { redrawEntry, renderChainInto, revealMore, type RenderOptions } from '../../src/ui/chain/render';
import { chainModel, mixedModel, node, siblings } from './chainModels';
import { accessibleName, chainAsText } from './chainText';

function draw(model: ChainViewModel = mixedModel(), ui = createUiState(), options: RenderOptions = {}): HTMLElement {
  const container = document.body.createDiv();
  renderChainInto(container, model, ui, options);
  return container;
}

const entry = (container: Element, nameStart: string): HTMLElement =>
  Array.from(container.querySelectorAll<HTMLElement>('[role="treeitem"]')).find((el) => accessibleName(el)?.startsWith(nameStart))!;

afterEach(() => document.body.empty());

describe('renderChainInto', () => {
  test('draws titles, IDs, flags, cycle marker and context lines as indented text', () => {
    expect(chainAsText(draw())).toBe(
      [
        '# Execution is the priority of the team · 202104291524',
        'Depth 3',
        '▾ Builds on (3)',
        '  ▾ Teams exist for a reason · 202108191025 [×2]',
        '      > …After all, [202108191025] Teams exist for a reason and the reason…',
        '    • Execution is the priority of the team · 202104291524 [↺]',
        '        > See [202104291524] for why.',
        '    • Ownership is shared · 202109260705 [+4 not loaded]',
        '  • No note has this ID · 202112311199 [unresolved]',
        '      > Broken: [202112311199] somewhere',
        '  ▾ Several notes have this ID · 202203151000 [ambiguous: 2 notes]',
        '    • Feedback is a habit (202203151000 Feedback is a habit.md)',
        '    • Praise in public (202203151000 Praise in public.md)',
        '▾ Built on by (1)',
        '  • Reading list',
        '      > Start at [202104291524].',
        '',
      ].join('\n'),
    );
  });

  test('counts: "×N" when the note mentions an entry more than once, "cited by N" when more than one note cites it', () => {
    const cited: Record<string, number> = { '202108191025': 5, '202109260705': 1 };
    const container = draw(mixedModel(), createUiState(), { citedBy: (id) => cited[id] ?? 0 });
    expect(chainAsText(container)).toContain('  ▾ Teams exist for a reason · 202108191025 [×2] [cited by 5]\n');
    expect(chainAsText(container)).toContain('    • Ownership is shared · 202109260705 [+4 not loaded]\n');
    expect(accessibleName(entry(container, 'Teams'))).toBe('Teams exist for a reason, ×2, cited by 5, 202108191025');
  });

  test('entries are named by what they show (aria-labelledby), never by an aria-label Obsidian would turn into a tooltip', () => {
    const container = draw();
    const items = Array.from(container.querySelectorAll('[role="treeitem"]'));
    expect(items.length).toBe(8);
    expect(items.filter((el) => el.hasAttribute('aria-label'))).toStrictEqual([]);
    expect(items.map(accessibleName)).toStrictEqual([
      'Teams exist for a reason, ×2, 202108191025',
      'Execution is the priority of the team, Already in this chain, 202104291524',
      'Ownership is shared, +4 not loaded, 202109260705',
      'No note has this ID, unresolved, 202112311199',
      'Several notes have this ID, ambiguous: 2 notes, 202203151000',
      'Feedback is a habit, 202203151000 Feedback is a habit.md',
      'Praise in public, 202203151000 Praise in public.md',
      'Reading list',
    ]);
    const withContext = entry(container, 'Reading list');
    expect(container.ownerDocument.getElementById(withContext.getAttribute('aria-describedby')!)?.textContent).toBe('Start at 202104291524.');
    const ids = Array.from(container.querySelectorAll('[id]'), (el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a context line highlights the ID it stands for, as text', () => {
    const container = draw();
    expect(Array.from(container.querySelectorAll('.pc-chain-context-id'), (el) => el.textContent)).toStrictEqual(['202108191025', '202104291524', '202112311199', '202104291524']);
  });

  test('filter matches are marked; with nothing left, the view says how to clear the filter', () => {
    const matched = chainModel({ filter: 'own', outgoing: [node({ id: '202108191025', title: 'Teams', children: [node({ id: '202109260705', title: 'Ownership', match: true })] })] });
    expect(chainAsText(draw(matched))).toContain('  ▾ Teams · 202108191025\n    • Ownership · 202109260705 *\n');
    const none = chainModel({ filter: 'zzz', outgoing: [], incoming: [] });
    expect(chainAsText(draw(none))).toContain('No entry matches “zzz”. Press Esc in the filter box to clear it.\n▾ Builds on (0)\n  No entry here matches the filter.');
  });

  test('hidden entries are counted under their section', () => {
    const container = draw(chainModel({ outgoing: siblings(1), outgoingHidden: 3 }));
    expect(chainAsText(container)).toContain('  (3 hidden: in an excluded folder or with an excluded tag)');
  });

  test('a cycle entry is marked and never expanded, even when the core gave it children', () => {
    const cyclic = node({ id: '202104291524', title: 'Back to the start', cycle: true, children: [node({ id: '202108191025', title: 'Child' })] });
    const container = draw(chainModel({ outgoing: [cyclic] }));
    const item = container.querySelector<HTMLElement>('.pc-chain-item.is-cycle')!;
    expect(item.hasAttribute('aria-expanded')).toBe(false);
    expect(item.querySelector('[role="group"]')).toBeNull();
    expect(item.querySelector('.mod-cycle')?.getAttribute('aria-label')).toBe('Already in this chain');
    expect(item.hasAttribute('aria-label')).toBe(false);
  });

  test('unresolved and ambiguous entries carry their state classes and every candidate is its own entry', () => {
    const container = draw();
    expect(container.querySelectorAll('.pc-chain-item.is-unresolved')).toHaveLength(1);
    const ambiguous = container.querySelector('.pc-chain-item.is-ambiguous')!;
    const candidates = ambiguous.querySelectorAll('.mod-candidate[role="treeitem"]');
    expect(Array.from(candidates, (c) => c.getAttribute('aria-level'))).toStrictEqual(['2', '2']);
  });

  test('context lines are hidden when the setting is off', () => {
    const model = { ...mixedModel(), showContext: false };
    expect(draw(model).querySelector('.pc-chain-context')).toBeNull();
  });

  test('the incoming section is absent when the model has none (setting off)', () => {
    const container = draw({ ...mixedModel(), incoming: null });
    expect(chainAsText(container)).not.toContain('Built on by');
  });

  test('empty sections say why', () => {
    const noId = chainModel({ note: { path: 'Reading list.md', id: null, title: 'Reading list' }, outgoing: [node({ id: '202108191025', title: 'x' })] });
    expect(chainAsText(draw(noId))).toContain('▾ Built on by (0)\n  This note has no ID, so no note can build on it.');
    expect(chainAsText(draw(chainModel()))).toContain('▾ Builds on (0)\n  This note mentions no other note by ID.\n▾ Built on by (0)\n  No note mentions this note\'s ID.');
  });

  test.each<[EmptyReason, string]>([
    ['no-note', 'Open a note to see the principles it builds on and the notes built on it.'],
    ['not-markdown', 'The principle chain works on Markdown notes. Open a note to see its chain.'],
    ['not-indexed', 'This note is not in the ID index yet: its folder is excluded in the settings, or indexing is still running.'],
    [
      'no-id-no-refs',
      'This note has no ID and mentions no other note by ID. Start its file name with an ID (like "202104291524 Title") or mention another note\'s ID.',
    ],
    ['pin-missing', 'This view is pinned to a note that is no longer in the vault: it was renamed, moved or deleted while the view could not follow it.'],
  ])('empty state %s says what to do', (reason, message) => {
    expect(EMPTY_MESSAGES[reason]).toBe(message);
    const container = draw({ kind: 'empty', reason, depth: 3, maxDepth: 10 });
    expect(chainAsText(container)).toBe(`# Principle chain\nDepth 3\n${message}\n`);
    expect(container.querySelector('[role="tree"]')).toBeNull();
  });

  test('a title with markup renders as text, never as elements', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const model = chainModel({
      note: { path: `202104291524 ${evil}.md`, id: '202104291524', title: evil },
      outgoing: [node({ id: '202108191025', title: evil, context: `see ${evil}` })],
      incoming: [node({ id: null, path: 'x.md', title: 'x', status: 'ambiguous', candidates: [{ path: `${evil}.md`, title: evil }] })],
    });
    const container = draw(model);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelectorAll('script, [onerror]')).toHaveLength(0);
    expect(container.querySelector('.pc-chain-note-title')?.textContent).toBe(evil);
    expect(container.querySelector('.pc-chain-item .pc-chain-title')?.textContent).toBe(evil);
  });

  test(`caps each level at ${LEVEL_CAP} entries with a "Show N more" entry, and shows all once asked`, () => {
    const model = chainModel({ outgoing: siblings(LEVEL_CAP + 37) });
    const ui = createUiState();
    const container = draw(model, ui);
    const tree = container.querySelector('[role="tree"]')!;
    expect(tree.querySelectorAll('.pc-chain-item')).toHaveLength(LEVEL_CAP);
    const more = tree.querySelector('.pc-chain-more')!;
    expect(more.textContent).toBe('Show 37 more');
    expect(more.getAttribute('data-parent')).toBe('out');
    const again = draw(model, { ...ui, shown: new Map([['out', LEVEL_CAP + 37]]) });
    expect(again.querySelectorAll('.pc-chain-item')).toHaveLength(LEVEL_CAP + 37);
    expect(again.querySelector('.pc-chain-more')).toBeNull();
  });

  test('past the render budget, entries start collapsed unless the user opened them', () => {
    const wide = siblings(LEVEL_CAP).map((n) => ({ ...n, children: siblings(20) }));
    const ui = createUiState();
    const container = draw(chainModel({ outgoing: wide }), ui);
    const top = Array.from(container.querySelectorAll<HTMLElement>('[role="tree"] > .pc-chain-item'));
    const fits = (RENDER_BUDGET - LEVEL_CAP) / 20;
    expect(top.map((el) => el.getAttribute('aria-expanded') === 'true')).toStrictEqual(top.map((_, i) => i < fits));
    expect(container.querySelectorAll('.pc-chain-item')).toHaveLength(RENDER_BUDGET);
    const lastKey = top[top.length - 1].getAttribute('data-key')!;
    const again = draw(chainModel({ outgoing: wide }), { ...ui, expansion: new Map([[lastKey, true]]) });
    const last = Array.from(again.querySelectorAll('[role="tree"] > .pc-chain-item')).pop()!;
    expect(last.getAttribute('aria-expanded')).toBe('true');
    expect(last.querySelectorAll('[role="group"] > .pc-chain-item')).toHaveLength(20);
  });

  test('collapsed entries and sections draw no children; keys follow the path from the root', () => {
    const ui = createUiState();
    const first = draw(mixedModel(), ui);
    const key = entry(first, 'Teams').getAttribute('data-key')!;
    expect(key.split('\u001f')).toStrictEqual(['out', '202108191025 Teams exist for a reason.md']);
    const text = chainAsText(draw(mixedModel(), { ...ui, expansion: new Map([[key, false], ['in', false]]) }));
    expect(text).toContain('  ▸ Teams exist for a reason · 202108191025 [×2]\n      > …After all');
    expect(text).not.toContain('Ownership is shared');
    expect(text).toContain('▸ Built on by (1)\n');
    expect(text).not.toContain('Reading list');
  });

  test('tree semantics: one tab stop per tree, levels, expanded state, labels, drag only with an ID', () => {
    const container = draw();
    for (const tree of Array.from(container.querySelectorAll('[role="tree"]'))) {
      expect(tree.querySelectorAll('[role="treeitem"][tabindex="0"]')).toHaveLength(1);
    }
    const items = Array.from(container.querySelectorAll('[role="treeitem"]'));
    expect(items.every((el) => el.hasAttribute('aria-level') && accessibleName(el) !== '')).toBe(true);
    expect(items.filter((el) => el.getAttribute('draggable') === 'true')).toHaveLength(items.length - 1);
    const reading = items.find((el) => accessibleName(el) === 'Reading list')!;
    expect(reading.hasAttribute('draggable')).toBe(false);
  });

  test('the active entry keeps the tab stop across renders', () => {
    const ui = createUiState();
    const first = draw(mixedModel(), ui);
    const third = first.querySelectorAll('[role="tree"]')[0].querySelectorAll('[role="treeitem"]')[2];
    const activeKey = third.getAttribute('data-key');
    const again = draw(mixedModel(), { ...ui, activeKey });
    const stop = again.querySelectorAll('[role="tree"]')[0].querySelector('[tabindex="0"]')!;
    expect(stop.getAttribute('data-key')).toBe(activeKey);
  });

  test('a note titled by its own ID shows the ID once', () => {
    const container = draw(chainModel({ outgoing: [node({ id: '202203011000', title: '202203011000', path: '202203011000.md' })] }));
    expect(chainAsText(container)).toContain('  • 202203011000\n');
    expect(accessibleName(container.querySelector('.pc-chain-item'))).toBe('202203011000');
  });

  test('depth buttons are disabled at the limits', () => {
    const low = draw(chainModel({ depth: 1 }));
    expect(low.querySelector<HTMLButtonElement>('[data-action="depth-down"]')!.disabled).toBe(true);
    expect(low.querySelector<HTMLButtonElement>('[data-action="depth-up"]')!.disabled).toBe(false);
    const high = draw(chainModel({ depth: 10 }));
    expect(high.querySelector<HTMLButtonElement>('[data-action="depth-up"]')!.disabled).toBe(true);
  });

  test('re-rendering replaces the content instead of appending', () => {
    const container = document.body.createDiv();
    renderChainInto(container, mixedModel(), createUiState());
    const result = renderChainInto(container, mixedModel(), createUiState());
    expect(container.querySelectorAll('.pc-chain')).toHaveLength(1);
    expect(result.entryCount).toBe(8);
  });
});

describe('partial redraws use what the render recorded', () => {
  test('redrawing one entry replaces only its element and keeps the records in step', () => {
    const container = document.body.createDiv();
    const model = mixedModel();
    const rendered = renderChainInto(container, model, createUiState());
    const ambiguous = entry(container, 'Several');
    const teamsKey = entry(container, 'Teams').getAttribute('data-key')!;
    const childKey = entry(container, 'Ownership').getAttribute('data-key')!;
    expect(rendered.elements.has(childKey)).toBe(true);
    expect(redrawEntry(rendered, model, { ...createUiState(), expansion: new Map([[teamsKey, false]]) }, teamsKey)).toBe(true);
    expect(entry(container, 'Several')).toBe(ambiguous);
    expect(rendered.elements.has(childKey)).toBe(false);
    expect(rendered.targets.has(childKey)).toBe(false);
    expect(rendered.elements.get(teamsKey)).toBe(entry(container, 'Teams'));
    expect(rendered.expansion.get(teamsKey)).toBe(false);
    expect(container.querySelectorAll('[role="tree"]')[0].querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(redrawEntry(rendered, model, createUiState(), 'out\u001fgone.md')).toBe(false);
  });

  test('"Show more" draws the next page where its entry stood and returns the first new key', () => {
    const container = document.body.createDiv();
    const model = chainModel({ outgoing: siblings(LEVEL_CAP + 3) });
    const rendered = renderChainInto(container, model, createUiState());
    const first = revealMore(rendered, model, { ...createUiState(), shown: new Map([['out', LEVEL_CAP + 3]]) }, 'out', LEVEL_CAP);
    expect(first).toBe(rendered.elements.get(first!)?.getAttribute('data-key'));
    expect(container.querySelectorAll('.pc-chain-item')).toHaveLength(LEVEL_CAP + 3);
    expect(container.querySelector('.pc-chain-more')).toBeNull();
    expect(revealMore(rendered, model, createUiState(), 'out', 0)).toBeNull();
  });
});

describe('entries the core left out', () => {
  test('are counted in the section header, listed after the tree, and the cap is explained', () => {
    const model = chainModel({ outgoing: siblings(2), outgoingTruncated: 5, capped: true, incoming: [], incomingTruncated: 3 });
    expect(chainAsText(draw(model))).toBe(
      [
        '# Execution is the priority of the team · 202104291524',
        'Depth 3',
        '▾ Builds on (7)',
        '  • Note 1 · 202101010000',
        '  • Note 2 · 202101010001',
        '  (5 more not loaded)',
        '▾ Built on by (3)',
        '  (3 more not loaded)',
        'Left out to keep the view responsive on a large vault: some entries were not loaded.',
        '',
      ].join('\n'),
    );
  });
});

describe('render properties', () => {
  const arbNode = fc.memo((depth: number): fc.Arbitrary<ChainViewNode> =>
    fc
      .record({
        n: fc.integer({ min: 0, max: 99_999_999 }),
        title: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('<img src=x onerror=alert(1)>', '<b>bold</b>', '&amp;')),
        status: fc.constantFrom('resolved', 'unresolved', 'ambiguous'),
        cycle: fc.boolean(),
        context: fc.string({ maxLength: 20 }),
        children: depth <= 1 ? fc.constant([]) : fc.uniqueArray(arbNode(depth - 1), { maxLength: 5, selector: (c) => c.path ?? c.id }),
      })
      .map(({ n, title, status, cycle, context, children }) => {
        const id = `2021${String(n).padStart(8, '0')}`;
        return status === 'resolved'
          ? node({ id, title, cycle, context, children })
          : node({ id, title: '', path: null, status, context, candidates: status === 'ambiguous' ? [{ path: `${id} a.md`, title: 'a' }, { path: `${id} b.md`, title: 'b' }] : [] });
      }),
  );

  test('every drawn entry has a unique key, a target, and text equal to the model (never markup)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbNode(3), { maxLength: 8, selector: (c) => c.path ?? c.id }),
        fc.uniqueArray(arbNode(3), { maxLength: 8, selector: (c) => c.path ?? c.id }),
        (outgoing, incoming) => {
          const container = document.body.createDiv();
          const rendered = renderChainInto(container, chainModel({ outgoing, incoming }), createUiState());
          const items = Array.from(container.querySelectorAll('.pc-chain-item'));
          const keys = items.map((el) => el.getAttribute('data-key')!);
          container.detach();
          const titles = items.map((el) => el.querySelector(':scope > .pc-chain-row > .pc-chain-main > .pc-chain-title')?.textContent ?? '');
          return (
            new Set(keys).size === keys.length &&
            keys.every((k) => rendered.targets.has(k)) &&
            rendered.entryCount === items.length &&
            titles.every((t) => t !== '') &&
            Array.from(container.querySelectorAll('*')).every((el) => ['DIV', 'SPAN', 'BUTTON'].includes(el.tagName))
          );
        },
      ),
      { seed: 20261125, numRuns: 100 },
    );
  });
});
