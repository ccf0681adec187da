/**
 * What "Copy diagnostics for this note" reports, and how its parts are read from the page. The
 * format is versioned: tests replay saved dumps as regression fixtures (tests/diagnostics).
 */
import type { SyntaxTreeDump } from '../../editor/treeDump';
import type { PrincipleChainSettings } from '../../core/settings';

export const DIAGNOSTICS_FORMAT = 'principle-chain-diagnostics';
export const DIAGNOSTICS_VERSION = 1;

/** An element of the Reading view as tag and classes; text only when the user chose to include it. */
export type OutlineNode =
  | { readonly tag: string; readonly cls?: string[]; readonly children?: OutlineNode[] }
  | { readonly text: string }
  | { readonly textLength: number };

export interface DiagnosticsDump {
  readonly format: typeof DIAGNOSTICS_FORMAT;
  readonly version: typeof DIAGNOSTICS_VERSION;
  readonly obsidian: string;
  readonly plugin: string;
  readonly platform: Record<string, boolean>;
  readonly settings: PrincipleChainSettings;
  /** The ID format in use (a rejected custom pattern falls back to 12 digits). */
  readonly idFormat: { readonly key: string; readonly source: string };
  readonly index: { readonly notes: number };
  readonly note: {
    readonly length: number;
    readonly mode: 'source' | 'preview' | 'unknown';
    readonly livePreview: boolean | null;
    /** Present only when the user included the note's text. */
    readonly path?: string;
    readonly text?: string;
  };
  /** Null when the note is not open in an editor. */
  readonly editor: SyntaxTreeDump | null;
  /** The rendered sections of the Reading view, null when it has none. */
  readonly readingView: OutlineNode[] | null;
}

/** The outline of an element's children: tags and classes, and text only when `withText`. */
export function outlineOf(el: Element, withText: boolean): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      const text = child.textContent ?? '';
      if (text !== '') nodes.push(withText ? { text } : { textLength: text.length });
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const element = child as Element;
      const cls = Array.from(element.classList);
      const children = outlineOf(element, withText);
      nodes.push({
        tag: element.tagName.toLowerCase(),
        ...(cls.length > 0 ? { cls } : {}),
        ...(children.length > 0 ? { children } : {}),
      });
    }
  }
  return nodes;
}

/** The dump as the user pastes it: indented JSON with each syntax node on one line. */
export function formatDump(dump: DiagnosticsDump): string {
  // JSON strings hold no raw line breaks, so only the node tuples the indenting spread out match.
  return JSON.stringify(dump, null, 2).replace(/\[\n\s+("(?:[^"\\]|\\.)*"),\n\s+(\d+),\n\s+(\d+)\n\s+\]/g, '[$1, $2, $3]');
}
