/**
 * Registers the `principle-chain` code block (registerMarkdownCodeBlockProcessor, obsidian.d.ts
 * since 0.9.7): each block is a ChainBlock child of its section, wired to deps built here from the
 * services, and all blocks share one scheduler.
 */
import { MarkdownRenderer, parseYaml, type App, type Plugin } from 'obsidian';
import { buildChain, type ChainStart } from '../core/chain/chain';
import type { IdFormat } from '../core/ids/formats';
import { BlockScheduler, ChainBlock } from '../ui/block/chainBlock';
import type { BlockEvents, ChainBlockDeps } from '../ui/block/deps';
import { openNotePath } from '../ui/openNote';
import { isExcludedInVault } from './chainExclusion';
import type { IdServices } from './services';

export const CHAIN_BLOCK_LANGUAGE = 'principle-chain';

export function registerChainBlocks(plugin: Plugin, services: IdServices): BlockScheduler {
  const deps = chainBlockDeps(services);
  const scheduler = new BlockScheduler(blockEvents(services.app, services));
  plugin.register(() => scheduler.dispose());
  plugin.registerMarkdownCodeBlockProcessor(CHAIN_BLOCK_LANGUAGE, (source, el, ctx) => {
    ctx.addChild(new ChainBlock(el, source, ctx.sourcePath, deps, scheduler));
  });
  return scheduler;
}

export function chainBlockDeps(services: IdServices): ChainBlockDeps {
  const { app, index } = services;
  return {
    parseYaml: (text) => parseYaml(text) as unknown,
    resolveStart: (written, sourcePath) => resolveStart(app, services, written, sourcePath),
    chain: (start, options) => buildChain(index, start, options),
    isHidden: (path, folders, tags) => {
      const settings = services.settings();
      const merged = {
        chainExcludedFolders: [...settings.chainExcludedFolders, ...folders],
        chainExcludedTags: [...settings.chainExcludedTags, ...tags],
      };
      return isExcludedInVault(app, path, merged);
    },
    modified: (path) => app.vault.getFileByPath(path)?.stat.mtime,
    linktext: (path, sourcePath) => {
      const file = app.vault.getFileByPath(path);
      return file === null ? path.replace(/\.md$/i, '') : app.metadataCache.fileToLinktext(file, sourcePath, true);
    },
    openPath: (path, sourcePath, paneType) => void openNotePath(app, path, sourcePath, paneType),
    // MarkdownRenderer.render (obsidian.d.ts; the docs deprecate renderMarkdown in its favour) came with the 2023 API, before minAppVersion 1.7.2.
    renderMarkdown: (markdown, el, sourcePath, component) => MarkdownRenderer.render(app, markdown, el, sourcePath, component),
  };
}

/**
 * The note or ID a block starts from: its own note when none is written; else an ID of the active
 * format, a [[link]] or a link text (resolved as Obsidian resolves links from the block's note), or
 * a vault path. A link or `ID Title` that names no file but starts with an ID some note owns (the
 * note renamed since, keeping its ID) starts from that ID, so the block survives the rename.
 */
export function resolveStart(app: App, services: Pick<IdServices, 'format' | 'index'>, written: string | null, sourcePath: string): { start: ChainStart } | { problem: string } {
  if (written === null) {
    if (services.index.note(sourcePath) !== undefined) return { start: { path: sourcePath } };
    return { problem: 'This note is not in the ID index (its folder is excluded in the settings, or indexing is still running).' };
  }
  const link = /^!?\[\[([^\]|#^]+)(?:[#^|][^\]]*)?\]\]$/.exec(written);
  const target = (link === null ? written : link[1]).trim();
  if (services.format().exact.test(target)) return { start: { id: target } };
  const file = app.vault.getFileByPath(target) ?? app.vault.getFileByPath(`${target}.md`) ?? app.metadataCache.getFirstLinkpathDest(target, sourcePath);
  if (file !== null && services.index.note(file.path) !== undefined) return { start: { path: file.path } };
  if (file !== null) return { problem: `start: ${file.path} is not in the ID index (its folder is excluded in the settings, or it is not a Markdown note).` };
  const id = leadingId(target, services.format());
  if (id !== null && services.index.resolve(id).status !== 'unresolved') return { start: { id } };
  return { problem: `start: no note is called "${target}", and it is not an ID of the format ${services.format().label}.` };
}

/** The ID a written start begins with, when a space, a dash or nothing follows it (as after the ID of `ID Title.md`). */
function leadingId(target: string, format: IdFormat): string | null {
  const id = format.atStart.exec(target)?.[0];
  if (id === undefined || id === '') return null;
  const next = target.charAt(id.length);
  return next === '' || next === ' ' || next === '-' ? id : null;
}

function blockEvents(app: App, services: IdServices): BlockEvents {
  return {
    onIndexChange: (listener) => services.onIndexChange(listener),
    ...(services.onTextsLoaded === undefined ? {} : { onTextsLoaded: (listener: (paths: ReadonlySet<string>) => void) => services.onTextsLoaded?.(listener) ?? (() => undefined) }),
    onFileChange: (listener) => {
      const refs = [
        app.vault.on('modify', (file) => listener(file.path)),
        app.vault.on('delete', (file) => listener(file.path)),
        app.vault.on('rename', (file, oldPath) => listener(file.path, oldPath)),
      ];
      return () => refs.forEach((ref) => app.vault.offref(ref));
    },
    // metadataCache 'changed' (obsidian.d.ts): a file's metadata, tags included, was read again.
    onTagsChanged: (listener) => {
      const ref = app.metadataCache.on('changed', (file) => listener(file.path));
      return () => app.metadataCache.offref(ref);
    },
    onLayoutChange: (listener) => {
      const refs = [app.workspace.on('layout-change', listener), app.workspace.on('active-leaf-change', listener)];
      return () => refs.forEach((ref) => app.workspace.offref(ref));
    },
  };
}
