/** The chain view's controller, without a DOM: state + intent → next state and the drawing it needs. */
import { activeUi, DEFAULT_CONTROLS, effectiveDepth, initialState, reduce, type ChainControllerState } from '../../src/ui/chain/controller';
import { LEVEL_CAP, SHOW_MORE_PAGE } from '../../src/ui/chain/expansion';
import { createUiState } from '../../src/ui/chain/model';
import { controlsFromState, stateFromControls, storedDepth, storedPin } from '../../src/ui/chain/viewState';

const SETTINGS_DEPTH = 3;
const start = initialState();

describe('controls', () => {
  test('depth steps clamp to 1..10, follow the setting until chosen, and ask for a new chain', () => {
    const up = reduce(start, { kind: 'depth', depth: 4 }, SETTINGS_DEPTH);
    expect(up).toMatchObject({ effect: { kind: 'chain' }, save: true });
    expect(effectiveDepth(up.state.controls, SETTINGS_DEPTH)).toBe(4);
    expect(reduce(up.state, { kind: 'depth', depth: 99 }, SETTINGS_DEPTH).state.controls.depth).toBe(10);
    expect(reduce(up.state, { kind: 'depth', depth: -3 }, SETTINGS_DEPTH).state.controls.depth).toBe(1);
    expect(reduce(start, { kind: 'depth', depth: SETTINGS_DEPTH }, SETTINGS_DEPTH)).toStrictEqual({ state: start, effect: { kind: 'none' }, save: false });
    expect(reduce(start, { kind: 'depth', depth: Number.NaN }, SETTINGS_DEPTH).effect).toStrictEqual({ kind: 'none' });
  });

  test('filter, sort and hiding reshape the chain and are saved; the same value again changes nothing', () => {
    for (const intent of [
      { kind: 'filter', text: 'team' },
      { kind: 'sort', sort: 'title' },
      { kind: 'hide-excluded', on: false },
    ] as const) {
      const next = reduce(start, intent, SETTINGS_DEPTH);
      expect(next).toMatchObject({ effect: { kind: 'shape' }, save: true });
      expect(reduce(next.state, intent, SETTINGS_DEPTH).effect).toStrictEqual({ kind: 'none' });
    }
  });

  test('pinning and unpinning ask for a new chain and are saved; pinning the pinned note changes nothing', () => {
    const pinned = reduce(start, { kind: 'pin', path: 'a.md' }, SETTINGS_DEPTH);
    expect(pinned).toMatchObject({ state: { controls: { pinned: 'a.md' } }, effect: { kind: 'chain' }, save: true });
    expect(reduce(pinned.state, { kind: 'pin', path: null }, SETTINGS_DEPTH).state.controls.pinned).toBeNull();
    expect(reduce(pinned.state, { kind: 'pin', path: 'a.md' }, SETTINGS_DEPTH)).toStrictEqual({ state: pinned.state, effect: { kind: 'none' }, save: false });
  });

  test('a filter of spaces filters nothing: the trees keep the note\'s own state', () => {
    const opened = reduce(start, { kind: 'toggle', key: 'out\u001fa.md', drawn: new Map([['out\u001fa.md', false]]) }, SETTINGS_DEPTH).state;
    const spaces = reduce(opened, { kind: 'filter', text: '   ' }, SETTINGS_DEPTH).state;
    expect(activeUi(spaces)).toBe(opened.noteUi);
    // A toggle under it goes to the note's state too.
    const toggled = reduce(spaces, { kind: 'toggle', key: 'out\u001fb.md', drawn: new Map([['out\u001fb.md', false]]) }, SETTINGS_DEPTH).state;
    expect([toggled.noteUi.expansion.get('out\u001fb.md'), toggled.filterUi.expansion.size]).toStrictEqual([true, 0]);
  });
});

describe('trees', () => {
  const drawn = new Map([['out', true], ['in', true], ['out\u001fa.md', true], ['out\u001fb.md', false]]);

  test('a toggle flips one entry, keeps every other drawn state as it was, and redraws that entry only', () => {
    const next = reduce(start, { kind: 'toggle', key: 'out\u001fa.md', drawn }, SETTINGS_DEPTH);
    expect(next.effect).toStrictEqual({ kind: 'entry', key: 'out\u001fa.md' });
    expect(next.save).toBe(false);
    const ui = activeUi(next.state);
    expect(ui.expansion.get('out\u001fa.md')).toBe(false);
    expect(ui.expansion.get('out\u001fb.md')).toBe(false);
    expect(ui.activeKey).toBe('out\u001fa.md');
    expect(activeUi(start).expansion.size).toBe(0);
  });

  test.each(['out', 'in'])('a toggle of the section %s redraws the view and leaves the tab stop alone', (section) => {
    const next = reduce(start, { kind: 'toggle', key: section, drawn }, SETTINGS_DEPTH);
    expect(next.effect).toStrictEqual({ kind: 'redraw' });
    expect(activeUi(next.state)).toMatchObject({ activeKey: null, expansion: new Map([...drawn, [section, false]]) });
  });

  test('expand all and collapse all forget the choices, open both sections and set the default', () => {
    const toggled = reduce(start, { kind: 'toggle', key: 'out', drawn }, SETTINGS_DEPTH).state;
    const all = reduce(toggled, { kind: 'expand-all' }, SETTINGS_DEPTH);
    expect(all.effect).toStrictEqual({ kind: 'redraw' });
    expect(activeUi(all.state)).toMatchObject({ defaultOpen: 'all', expansion: new Map([['out', true], ['in', true]]) });
    expect(activeUi(reduce(all.state, { kind: 'collapse-all' }, SETTINGS_DEPTH).state).defaultOpen).toBe('none');
  });

  test('"Show more" adds a page from where the level stops and pins what was drawn', () => {
    const total = LEVEL_CAP + SHOW_MORE_PAGE + 7;
    const first = reduce(start, { kind: 'show-more', parentKey: 'out', total, drawn }, SETTINGS_DEPTH);
    expect(first.effect).toStrictEqual({ kind: 'more', parentKey: 'out', from: LEVEL_CAP });
    expect(activeUi(first.state).shown.get('out')).toBe(LEVEL_CAP + SHOW_MORE_PAGE);
    expect(activeUi(first.state).expansion.get('out\u001fa.md')).toBe(true);
    const second = reduce(first.state, { kind: 'show-more', parentKey: 'out', total, drawn }, SETTINGS_DEPTH);
    expect(activeUi(second.state).shown.get('out')).toBe(total);
    expect(reduce(second.state, { kind: 'show-more', parentKey: 'out', total, drawn }, SETTINGS_DEPTH).effect).toStrictEqual({ kind: 'none' });
  });

  test('focus moves the tab stop without drawing', () => {
    const next = reduce(start, { kind: 'focus', key: 'out\u001fb.md' }, SETTINGS_DEPTH);
    expect(next).toMatchObject({ effect: { kind: 'none' }, save: false });
    expect(activeUi(next.state).activeKey).toBe('out\u001fb.md');
  });

  test('while a filter is set the trees use a state of their own; clearing it returns to the note\'s', () => {
    const noteState = reduce(start, { kind: 'toggle', key: 'out\u001fa.md', drawn }, SETTINGS_DEPTH).state;
    const filtered = reduce(noteState, { kind: 'filter', text: 'x' }, SETTINGS_DEPTH).state;
    expect(activeUi(filtered)).toStrictEqual(createUiState());
    const toggledWhileFiltered = reduce(filtered, { kind: 'toggle', key: 'out\u001fb.md', drawn }, SETTINGS_DEPTH).state;
    expect(toggledWhileFiltered.noteUi).toBe(noteState.noteUi);
    const retyped = reduce(toggledWhileFiltered, { kind: 'filter', text: 'xy' }, SETTINGS_DEPTH).state;
    expect(activeUi(retyped)).toStrictEqual(createUiState());
    const cleared = reduce(retyped, { kind: 'filter', text: '' }, SETTINGS_DEPTH).state;
    expect(activeUi(cleared)).toBe(noteState.noteUi);
  });

  test('the state handed in is never changed', () => {
    const state: ChainControllerState = initialState();
    const frozen = JSON.stringify({ ...state, noteUi: [...state.noteUi.expansion] });
    reduce(state, { kind: 'toggle', key: 'out\u001fa.md', drawn }, SETTINGS_DEPTH);
    reduce(state, { kind: 'show-more', parentKey: 'out', total: 999, drawn }, SETTINGS_DEPTH);
    expect(JSON.stringify({ ...state, noteUi: [...state.noteUi.expansion] })).toBe(frozen);
    expect(state.noteUi.shown.size).toBe(0);
  });
});

describe('saved view state', () => {
  test('a fresh view saves nothing; every changed control round-trips', () => {
    expect(stateFromControls(DEFAULT_CONTROLS)).toStrictEqual({});
    const controls = { depth: 5, filter: 'café', sort: 'modified', hideExcluded: false, pinned: 'Notes/a.md' } as const;
    expect(controlsFromState(stateFromControls(controls), DEFAULT_CONTROLS)).toStrictEqual(controls);
  });

  test.each([
    [{ depth: 99 }],
    [{ depth: 2.5 }],
    [{ depth: 'x' }],
    [{ sort: 'size' }],
    [{ filter: 3 }],
    [{ hideExcluded: 'yes' }],
    [{ pinned: '' }],
    [null],
    ['text'],
  ])('a malformed stored state %j keeps the current controls', (stored) => {
    const current = { ...DEFAULT_CONTROLS, depth: 4, pinned: 'a.md' };
    expect(controlsFromState(stored, current)).toStrictEqual(current);
  });

  test('a stored null pin unpins; stored depth and pin are read on their own for deferred views', () => {
    expect(controlsFromState({ pinned: null }, { ...DEFAULT_CONTROLS, pinned: 'a.md' }).pinned).toBeNull();
    expect([storedDepth({ depth: 7 }), storedDepth({ depth: 0 }), storedPin({ pinned: 'b.md' }), storedPin({})]).toStrictEqual([7, null, 'b.md', null]);
    // The depths at the ends of the view's range are depths too.
    expect([storedDepth({ depth: 1 }), storedDepth({ depth: 10 }), storedDepth({ depth: 11 })]).toStrictEqual([1, 10, null]);
  });
});
