/** The status bar panel that loads the production main.js and shows what the check found. */
import * as codemirrorLangMarkdown from '@codemirror/lang-markdown';
import * as codemirrorLanguage from '@codemirror/language';
import * as codemirrorState from '@codemirror/state';
import * as codemirrorView from '@codemirror/view';
import type * as obsidian from 'obsidian';
import * as standIn from './obsidian';
import { checkProductionBundle, type ProductionCheck } from './productionCheck';

/** What `require` answers inside main.js: the stand-in and the page's own CodeMirror modules. */
export function bundleModules(): Record<string, unknown> {
  return {
    obsidian: standIn,
    '@codemirror/state': codemirrorState,
    '@codemirror/view': codemirrorView,
    '@codemirror/language': codemirrorLanguage,
    '@codemirror/lang-markdown': codemirrorLangMarkdown,
  };
}

/** Fetches main.js from the page's folder, checks it, and draws the result into the status bar. */
export async function runProductionCheck(
  statusBar: HTMLElement,
  files: Readonly<Record<string, string>>,
  manifest: obsidian.PluginManifest,
): Promise<ProductionCheck> {
  const panel = statusBar.createEl('details', { cls: 'pg-check' });
  const summary = panel.createEl('summary', { text: 'Production main.js: checking…' });
  let result: ProductionCheck;
  try {
    const response = await fetch('main.js', { cache: 'no-store' });
    if (!response.ok) throw new Error(`main.js could not be loaded (${response.status}); run npm run build`);
    result = await checkProductionBundle(await response.text(), bundleModules(), files, manifest);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = { ok: false, items: [{ name: 'main.js loaded', ok: false, detail: message }], errors: [message], commands: [] };
  }
  const passed = result.items.filter((item) => item.ok).length;
  summary.setText(result.ok ? `Production main.js: all ${passed} checks passed` : `Production main.js: ${result.items.length - passed} of ${result.items.length} checks failed`);
  panel.addClass(result.ok ? 'is-ok' : 'is-failed');
  panel.setAttr('data-ok', String(result.ok));
  const list = panel.createEl('ul');
  for (const item of result.items) {
    list.createEl('li', { cls: item.ok ? 'is-ok' : 'is-failed', text: `${item.ok ? '✓' : '✗'} ${item.name}${item.detail === '' ? '' : ` — ${item.detail}`}` });
  }
  return result;
}
