/** Whether the chain hides a note, asked of Obsidian's vault and metadata cache. */
import { getAllTags, type App } from 'obsidian';
import { isChainExcluded, type ChainExclusionSettings } from '../core/chain/exclusion';

/** By its folder or its tags; the tags (getAllTags, obsidian.d.ts) are looked up only when some tag is hidden. */
export function isExcludedInVault(app: App, path: string, exclusions: ChainExclusionSettings): boolean {
  return isChainExcluded(path, exclusions.chainExcludedTags.length > 0 ? tagsOf(app, path) : [], exclusions);
}

function tagsOf(app: App, path: string): string[] {
  const file = app.vault.getFileByPath(path);
  const cache = file === null ? null : app.metadataCache.getFileCache(file);
  return cache === null ? [] : (getAllTags(cache) ?? []);
}
