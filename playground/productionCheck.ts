/**
 * Loads the production bundle (`main.js`, what users install) the way Obsidian does: evaluated as
 * CommonJS with `require` answering `obsidian` and `@codemirror/*`, its default export instantiated
 * with an app and a manifest, onload called, then layout-ready. Then checks what it registered and
 * that its editor extension and post processor work against the page's own CodeMirror.
 */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { markdown } from '@codemirror/lang-markdown';
import type * as obsidian from 'obsidian';
import { App, Component, editorInfoField, editorLivePreviewField, type Plugin } from './obsidian';

/** One named check and whether it held. */
export interface CheckItem {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface ProductionCheck {
  readonly ok: boolean;
  readonly items: readonly CheckItem[];
  readonly errors: readonly string[];
  readonly commands: readonly string[];
}

/** Commands the issues ask for; their ids are prefixed with the plugin id by Obsidian. */
const EXPECTED_COMMANDS = ['open-chain-view', 'copy-chain-as-outline', 'open-id-under-cursor', 'insert-link-to-note-by-id', 'rebuild-id-index', 'copy-diagnostics-for-this-note'];
const RESOLVED_ID = '202201121430';

type PluginClass = new (app: obsidian.App, manifest: obsidian.PluginManifest) => Plugin;

function evaluateBundle(code: string, modules: Readonly<Record<string, unknown>>): PluginClass {
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string): unknown => {
    if (!(name in modules)) throw new Error(`main.js requires "${name}", which Obsidian does not provide`);
    return modules[name];
  };
  // Obsidian evaluates a plugin's main.js as a CommonJS function body in the same way.
  const run = new Function('require', 'module', 'exports', code) as (r: typeof require, m: typeof module, e: unknown) => void;
  run(require, module, module.exports);
  const exported = (module.exports.default ?? module.exports) as unknown;
  if (typeof exported !== 'function') throw new Error('main.js has no default export class');
  return exported as PluginClass;
}

function childrenOf(component: Component): Component[] {
  return (component as unknown as { children: Component[] }).children;
}

/** Runs the check; never throws (failures are items and errors). */
export async function checkProductionBundle(
  code: string,
  modules: Readonly<Record<string, unknown>>,
  files: Readonly<Record<string, string>>,
  manifest: obsidian.PluginManifest,
): Promise<ProductionCheck> {
  const errors: string[] = [];
  const items: CheckItem[] = [];
  const check = (name: string, ok: boolean, detail = ''): void => void items.push({ name, ok, detail });
  const onError = (evt: ErrorEvent): void => void errors.push(String(evt.error ?? evt.message));
  const onRejection = (evt: PromiseRejectionEvent): void => void errors.push(String(evt.reason));
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    consoleError(...args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  let commands: string[] = [];
  try {
    const app = new App();
    for (const [path, text] of Object.entries(files)) await app.vault.create(path, text);
    app.workspace.layoutReady = false;
    const PluginClass = evaluateBundle(code, modules);
    const plugin = new PluginClass(app as unknown as obsidian.App, { ...manifest });
    plugin.load();
    await (plugin as unknown as Component).whenLoaded();
    check('onload finished', true);
    app.workspace.setLayoutReady();
    const indexer = childrenOf(plugin as unknown as Component).find((c) => typeof (c as { whenIdle?: unknown }).whenIdle === 'function');
    await (indexer as unknown as { whenIdle(): Promise<void> } | undefined)?.whenIdle();
    check('indexer started after layout-ready', indexer !== undefined);

    const registered = plugin.registered;
    commands = registered.commands.map((c) => c.id);
    check('chain view registered', registered.views.has('principle-chain'), [...registered.views.keys()].join(', '));
    const missing = EXPECTED_COMMANDS.filter((id) => !commands.includes(`${manifest.id}:${id}`));
    check('commands registered', missing.length === 0, missing.length === 0 ? `${commands.length} commands` : `missing: ${missing.join(', ')}`);
    check('post processor registered', registered.postProcessors.length > 0, `${registered.postProcessors.length}`);
    check('editor extension registered', registered.editorExtensions.length > 0, `${registered.editorExtensions.length}`);
    check('settings tab registered', registered.settingTabs.length === 1);
    check('no default hotkeys', registered.commands.every((c) => (c.hotkeys ?? []).length === 0));

    const paragraph = createEl('p', { text: `Read ${RESOLVED_ID} first.` });
    const owner = new Component();
    owner.load();
    const ctx = {
      sourcePath: 'check.md',
      docId: 'check',
      frontmatter: undefined,
      addChild: (c: obsidian.Component) => owner.addChild(c),
      getSectionInfo: () => null,
    } as unknown as obsidian.MarkdownPostProcessorContext;
    for (const postProcessor of registered.postProcessors) await postProcessor(paragraph, ctx);
    const anchor = paragraph.querySelector('a.internal-link');
    check('post processor links an ID', anchor?.getAttribute('data-href')?.startsWith(RESOLVED_ID) === true, anchor?.getAttribute('data-href') ?? 'no link');
    owner.unload();

    const host = document.body.createDiv({ attr: { style: 'position:absolute;left:-10000px;width:400px' } });
    const file = app.vault.getMarkdownFiles()[0];
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: `See ${RESOLVED_ID} and \`${RESOLVED_ID}\`.`,
        extensions: [
          markdown(),
          editorInfoField.init(() => ({ file, hoverPopover: null }) as unknown as obsidian.MarkdownFileInfo),
          editorLivePreviewField.init(() => true),
          registered.editorExtensions,
        ],
      }),
    });
    const decorated = Array.from(view.contentDOM.querySelectorAll('[data-principle-chain-id]')).map((el) => el.textContent);
    check('editor extension decorates an ID (not in code)', decorated.length === 1 && decorated[0] === RESOLVED_ID, JSON.stringify(decorated));
    view.destroy();
    host.detach();

    plugin.unload();
    check('unload finished', true);
  } catch (error) {
    errors.push(error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error));
  } finally {
    console.error = consoleError;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  check('no errors', errors.length === 0, errors.join('\n'));
  return { ok: items.every((item) => item.ok), items, errors, commands };
}
