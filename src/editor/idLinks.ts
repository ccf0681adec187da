/**
 * The editor side of bare-ID links (Live Preview and Source mode): a view plugin that marks the IDs
 * in the visible ranges, and mouse handlers that open and preview them. It depends on no Obsidian
 * runtime API, only on what it is given, so the browser playground can mount it too.
 */
import { language, syntaxTree } from '@codemirror/language';
import { RangeSetBuilder, StateEffect, type Extension } from '@codemirror/state';
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';
import type { SyntaxNode, Tree } from '@lezer/common';
import type { IdFormat } from '../core/ids/formats';
import { isLinkLabel, labelKey } from '../core/ids/referenceLabels';
import { titleAfterId } from '../core/ids/title';
import { isExcluded } from '../core/settings';
import type { Resolution } from '../core/types';
import { AMBIGUOUS_CLASS, ID_ATTRIBUTE, ID_CLASS } from '../core/idMarkup';
import type { EditorLinkDeps } from './host';
import { inInlineCode, mayBeCodeTheTreeMissed, scannerReadsBare } from './codeSpans';
import { definitionLineNear, definitionLines, documentDefinitions, insideDefinition, type DocumentDefinitions } from './definitionLines';
import { bracketsFormLink, insideHtmlTag, TextMarks, type NoteLabels } from './inlineSyntax';
import { MAX_PARAGRAPH_CHARS, paragraphAround, type ParagraphText } from './paragraph';
import { LineIds } from './lineIds';
import { idPointerHandlers } from './pointer';
import { RawHtmlLookup, rawHtmlLines } from './rawHtmlBlocks';
import { frontmatterEnd, nodeExclusion, type NodeExclusion } from './syntaxClassifier';

export type { EditorLinkDeps, IdHover } from './host';

/** Dispatch to an editor to redecorate it after ID resolution changed. */
export const indexChanged = StateEffect.define<null>();

// Characters of context read beyond a visible range that starts or ends mid-line (long lines), so
// boundary rules (a digit run, a URL, a tag) see what precedes and follows an ID.
const CONTEXT = 256;

function markFor(id: string, resolution: Resolution, highlightUnresolved: boolean): Decoration {
  if (resolution.status === 'ambiguous') {
    const label = `${id} is the ID of ${resolution.paths.length} notes`;
    return Decoration.mark({ class: `${ID_CLASS} ${AMBIGUOUS_CLASS}`, attributes: { [ID_ATTRIBUTE]: id, 'aria-label': label } });
  }
  const unresolved = resolution.status === 'unresolved' && highlightUnresolved;
  return Decoration.mark({ class: unresolved ? `${ID_CLASS} is-unresolved` : ID_CLASS, attributes: { [ID_ATTRIBUTE]: id } });
}

/** The strongest exclusion of the nodes around `pos`: 'excluded' wins over 'link-text'. */
function exclusionAt(tree: Tree, pos: number, side: -1 | 1): NodeExclusion {
  let found: NodeExclusion = null;
  for (let node: SyntaxNode | null = tree.resolveInner(pos, side); node !== null; node = node.parent) {
    const exclusion = nodeExclusion(node.name);
    if (exclusion === 'excluded') return exclusion;
    found ??= exclusion;
  }
  return found;
}

// Where the last paragraph read holds brackets and `<`, found once for all the IDs in it (a
// decoration pass reads paragraphs in order, one at a time).
let marksRead: { paragraph: ParagraphText; marks: TextMarks } | null = null;

function marksOf(paragraph: ParagraphText): TextMarks {
  if (marksRead?.paragraph !== paragraph) marksRead = { paragraph, marks: new TextMarks(paragraph.text) };
  return marksRead.marks;
}

/**
 * Whether the ID at [from, to) of the document is out of prose: inside an excluded node, inside
 * brackets that make a link, or inside an HTML tag, as read in `paragraph`, the text around it.
 */
function isOutOfProse(tree: Tree, paragraph: ParagraphText, from: number, to: number, labels: NoteLabels, format: IdFormat): boolean {
  const start = exclusionAt(tree, from, 1);
  const end = start === 'excluded' ? start : exclusionAt(tree, to, -1);
  if (start === 'excluded' || end === 'excluded') {
    // HyperMD's inline code may follow a backtick run that nothing closes, which is text: the
    // scanner says what of it is prose (./codeSpans).
    return !inInlineCode(tree, paragraph, from) || !scannerReadsBare(paragraph, format, from);
  }
  // Brackets around the ID decide, whatever the tree says: neither parser knows the note's
  // definitions, and HyperMD styles the line after a definition as its title's string. What a
  // whole paragraph cannot close is text; what a cut one cannot tell, the tree says.
  const { from: textFrom, whole } = paragraph;
  const parserSaysLink = !whole && (start === 'link-text' || end === 'link-text');
  const marks = marksOf(paragraph);
  if (bracketsFormLink(marks, from - textFrom, to - textFrom, labels, parserSaysLink)) return true;
  return insideHtmlTag(marks, from - textFrom, to - textFrom);
}

/** Whether a whole paragraph's reading holds the line. */
function holdsLine(paragraph: ParagraphText, line: { from: number; to: number }): boolean {
  return paragraph.whole && paragraph.from <= line.from && line.to <= paragraph.from + paragraph.text.length;
}

/** The note's definitions as the decoration pass reads them: all of them, or only those that may reach [from, to]. */
interface PassDefinitions {
  all(): DocumentDefinitions;
  near(): DocumentDefinitions;
  readonly from: number;
  readonly to: number;
}

/**
 * What the note's definitions say about brackets in text that starts at document offset `textFrom`:
 * the labels all of them give, and which open at a bracket (of those near, for a bracket in reach).
 */
function noteLabels(textFrom: number, definitions: PassDefinitions): NoteLabels {
  return {
    defined(text, open, close) {
      const { labels } = definitions.all();
      return labels.size !== 0 && isLinkLabel(text, open, close) && labels.has(labelKey(text, open, close));
    },
    opensDefinition(open) {
      const at = textFrom + open;
      return (at >= definitions.from && at <= definitions.to ? definitions.near() : definitions.all()).opens.has(at);
    },
  };
}

/** Decorations for the IDs in the editor's visible ranges; the rest of the document is never read. */
function buildDecorations(view: EditorView, deps: EditorLinkDeps, lineIds: LineIds): DecorationSet {
  const { state } = view;
  const settings = deps.settings();
  const sourcePath = deps.sourcePath(state);
  if (sourcePath !== null && isExcluded(sourcePath, settings.excludedFolders)) return Decoration.none;
  const format = deps.format();
  const tree = syntaxTree(state);
  // Like CodeMirror's highlighter, trust the tree as far as it reaches; the tree update that
  // extends it rebuilds. Past its end, code cannot be told from prose yet.
  const markdown = state.facet(language) !== null;
  const parsedTo = markdown ? tree.length : state.doc.length;
  const proseFrom = frontmatterEnd(state.doc);
  const ranges = view.visibleRanges;
  const readTo = ranges.length === 0 ? 0 : state.doc.lineAt(ranges[ranges.length - 1].to).to;
  const rawHtml = new RawHtmlLookup(state, tree, proseFrom, readTo);
  // The note's link reference definitions, read only when brackets around an ID need them; for
  // where they stand and open, only those that may reach the lines read.
  let all: DocumentDefinitions | null = null;
  let near: DocumentDefinitions | null = null;
  const readFrom = ranges.length === 0 ? 0 : ranges[0].from;
  const definitions: PassDefinitions = {
    all: () => (all ??= documentDefinitions(state, tree, proseFrom)),
    near: () => (near ??= all ?? documentDefinitions(state, tree, proseFrom, { from: readFrom, to: readTo })),
    from: readFrom,
    to: readTo,
  };
  // The paragraph around the line being read (its lines share it).
  let paragraph: ParagraphText | null = null;
  const builder = new RangeSetBuilder<Decoration>();
  let lastTo = -1;

  for (const range of ranges) {
    for (let pos = range.from; pos <= range.to; ) {
      const line = state.doc.lineAt(pos);
      pos = line.to + 1;
      const from = Math.max(range.from, line.from, proseFrom);
      const to = Math.min(range.to, line.to, parsedTo);
      if (from >= to) continue;
      const windowFrom = Math.max(line.from, from - CONTEXT);
      const windowTo = Math.min(line.to, to + CONTEXT);
      // Most windows are the whole line, whose text lineAt has read already.
      const text = windowFrom === line.from && windowTo === line.to ? line.text : state.doc.sliceString(windowFrom, windowTo);
      const matches = lineIds.read(text, from - windowFrom, format);
      if (matches.length === 0) continue;
      // A line too long to read whole is read around the IDs only, as a cut paragraph; the lines of
      // one paragraph share its reading.
      if (line.length > MAX_PARAGRAPH_CHARS) paragraph = { text, from: windowFrom, whole: false };
      else if (paragraph === null || !holdsLine(paragraph, line)) paragraph = paragraphAround(state.doc, line);
      const labels = noteLabels(paragraph.from, definitions);

      for (const match of matches) {
        const idFrom = windowFrom + match.from;
        const idTo = windowFrom + match.to;
        if (idFrom >= to) break;
        if (idFrom < lastTo) continue;
        if (isOutOfProse(tree, paragraph, idFrom, idTo, labels, format) || rawHtml.contains(idFrom)) continue;
        // Code the tree styles as text (./codeSpans): an editor with no Markdown reads all as prose.
        if (markdown && mayBeCodeTheTreeMissed(paragraph, idFrom) && !scannerReadsBare(paragraph, format, idFrom)) continue;
        // A definition's title is no prose, though nothing in the tree or brackets says so.
        if (definitionLineNear(state, idFrom) && insideDefinition(definitions.near(), idFrom)) continue;
        const resolution = deps.index.resolve(match.id);
        if (resolution.status === 'unresolved' && !format.isPlausible(match.id)) continue;
        let markTo = idTo;
        if (settings.linkTitle && resolution.status === 'resolved') {
          const title = deps.index.note(resolution.paths[0])?.title;
          const titleEnd = title === undefined ? null : titleAfterId(text, match.to, title);
          if (titleEnd !== null) markTo = windowFrom + titleEnd;
        }
        builder.add(idFrom, markTo, markFor(match.id, resolution, settings.highlightUnresolved));
        lastTo = markTo;
      }
    }
  }
  lineIds.finishPass();
  return builder.finish();
}

function needsRebuild(update: ViewUpdate): boolean {
  return (
    update.docChanged ||
    update.viewportChanged ||
    syntaxTree(update.startState) !== syntaxTree(update.state) ||
    update.transactions.some((tr) => tr.reconfigured || tr.effects.some((effect) => effect.is(indexChanged)))
  );
}

/**
 * The editor extension: decorations for bare IDs in the visible ranges, rebuilt when the text, the
 * viewport, the syntax tree or the index changes (so a keystroke costs the viewport, not the note);
 * raw HTML blocks are tracked through edits by ./rawHtmlBlocks; clicks and hovers are handled by ./pointer.
 */
export function idLinksExtension(deps: EditorLinkDeps): Extension {
  const plugin = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      private readonly unsubscribe: () => void;
      private readonly lineIds = new LineIds();

      constructor(view: EditorView) {
        this.decorations = buildDecorations(view, deps, this.lineIds);
        this.unsubscribe = deps.onIndexChange(() => view.dispatch({ effects: indexChanged.of(null) }));
      }

      update(update: ViewUpdate): void {
        if (needsRebuild(update)) this.decorations = buildDecorations(update.view, deps, this.lineIds);
      }

      destroy(): void {
        this.unsubscribe();
      }
    },
    { decorations: (value) => value.decorations },
  );

  return [rawHtmlLines, definitionLines, plugin, idPointerHandlers(deps)];
}
