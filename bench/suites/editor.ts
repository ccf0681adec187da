/**
 * Editor rows: a real CodeMirror EditorView in jsdom with Markdown, typing into prose next to IDs,
 * with the ID links extension against the same editor without it, on a small and a huge note.
 */
import { markdown } from '@codemirror/lang-markdown';
import { forceParsing } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { IdFormat } from '../../src/core/ids/formats';
import type { IdIndexReader } from '../../src/core/types';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { idLinksExtension } from '../../src/editor/idLinks';
import { obsidianMarkdownSyntax } from '../../playground/markdownSyntax';
import { ensureDom } from '../dom';
import { median, percentile, timeOnce } from '../harness';
import type { Row } from '../harness';

export interface KeystrokeTimes {
  readonly p50: number;
  readonly p95: number;
  /** Decorated IDs in the viewport at the end, to show the extension did its work. */
  readonly decorated: number;
}

function baseExtensions(): Extension[] {
  return [markdown({ extensions: [...obsidianMarkdownSyntax] })];
}

function linkExtension(index: Pick<IdIndexReader, 'resolve' | 'note'>, format: IdFormat): Extension {
  return idLinksExtension({
    index,
    format: () => format,
    settings: () => DEFAULT_SETTINGS,
    onIndexChange: () => () => undefined,
    sourcePath: () => 'bench.md',
    isLivePreview: () => true,
    isMobile: () => false,
    paneType: () => false,
    open: () => undefined,
    hover: () => undefined,
  });
}

/** Where typing happens: right after the first ID in the text, in a paragraph near the top. */
function typingPosition(text: string, format: IdFormat): number {
  const match = new RegExp(format.source).exec(text.slice(0, 20_000));
  return match === null ? Math.min(text.length, 200) : match.index + match[0].length;
}

/** A fresh editor on `text`, parsed past its viewport, in a detached container of the body. */
function openEditor(text: string, extensions: Extension[]): EditorView {
  ensureDom();
  const view = new EditorView({ state: EditorState.create({ doc: text, extensions }), parent: document.body.createDiv() });
  forceParsing(view, Math.min(view.state.doc.length, view.viewport.to + 10_000), 5_000);
  return view;
}

function closeEditor(view: EditorView): void {
  const parent = view.dom.parentElement;
  view.destroy();
  parent?.remove();
}

/**
 * Times `keystrokes` single-character edits (each a full view update) in each of the editors, one
 * keystroke to each in turn, the first editor changing every keystroke: both see the same moments
 * of the machine's noise and of garbage collection (typed in blocks of 200 per editor, the 50 KB
 * row gave 1.06× to 1.67× in runs of the same code).
 */
export function typeInto(text: string, setups: readonly Extension[][], at: number, keystrokes: number): KeystrokeTimes[] {
  const views = setups.map((extensions) => openEditor(text, extensions));
  try {
    const times: number[][] = views.map(() => []);
    let pos = at;
    for (let i = 0; i < keystrokes; i++) {
      // Type a word, then delete it again, so the document (and its IDs) stay the same size.
      const typing = i % 8 < 6;
      const change = typing ? { from: pos, insert: i % 8 === 0 ? ' ' : 'a' } : { from: pos - 1, to: pos };
      const next = typing ? pos + 1 : pos - 1;
      const spec = { changes: change, selection: { anchor: next }, userEvent: typing ? 'input.type' : 'delete.backward' };
      for (let k = 0; k < views.length; k++) {
        const which = (i + k) % views.length;
        times[which].push(timeOnce(() => views[which].dispatch(spec)));
      }
      pos = next;
    }
    return views.map((view, which) => ({
      p50: median(times[which]),
      p95: percentile(times[which], 0.95),
      decorated: view.contentDOM.querySelectorAll('[data-principle-chain-id]').length,
    }));
  } finally {
    views.forEach(closeEditor);
  }
}

/** A note to type into; `targeted: false` gives its row no target (a figure to watch). */
export interface EditorNote {
  readonly label: string;
  readonly text: string;
  readonly targeted?: boolean;
}

function fmt(value: number): string {
  return `${value.toFixed(3)} ms`;
}

/**
 * One row per note size: p50/p95 with the extension against the bare editor, typed keystroke by
 * keystroke in turn (typeInto); the note column gives p50 relative to the smallest note.
 */
export function editorRows(
  notes: readonly EditorNote[],
  index: Pick<IdIndexReader, 'resolve' | 'note'>,
  format: IdFormat,
  keystrokes: number,
  rounds: number,
): Row[] {
  const rows: Row[] = [];
  let smallestP50: number | null = null;
  for (const note of notes) {
    const at = typingPosition(note.text, format);
    const setups = [baseExtensions(), [...baseExtensions(), linkExtension(index, format)]];
    // Warm-up: the first editors pay for JIT and style setup.
    typeInto(note.text, setups, at, Math.min(50, keystrokes));
    const ours: KeystrokeTimes[] = [];
    const bare: KeystrokeTimes[] = [];
    for (let round = 0; round < Math.max(1, rounds); round++) {
      const [withoutLinks, withLinks] = typeInto(note.text, setups, at, keystrokes);
      bare.push(withoutLinks);
      ours.push(withLinks);
    }
    const p50 = median(ours.map((t) => t.p50));
    const p95 = median(ours.map((t) => t.p95));
    const bareP50 = median(bare.map((t) => t.p50));
    const bareP95 = median(bare.map((t) => t.p95));
    smallestP50 ??= p50;
    const growth = p50 / smallestP50;
    const targeted = note.targeted !== false;
    rows.push({
      row: 'Editor keystroke, ID links on vs off (p50 / p95)',
      input: note.label,
      ours: `${fmt(p50)} / ${fmt(p95)}`,
      baseline: `without extension: ${fmt(bareP50)} / ${fmt(bareP95)}`,
      ratio: bareP50 > 0 ? p50 / bareP50 : null,
      target: targeted ? '≈ 1× (≤ 1.5×)' : '',
      met: targeted && bareP50 > 0 ? p50 / bareP50 <= 1.5 : null,
      note: `${ours[0].decorated} IDs decorated in view; ${keystrokes} keystrokes × ${rounds} editors; p50 ${growth.toFixed(2)}× the smallest note's`,
    });
  }
  return rows;
}
