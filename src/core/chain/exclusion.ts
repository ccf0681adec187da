/** Which notes the chain can hide: those in the settings' chain-excluded folders or with their tags. */
import { isExcluded } from '../settings';

export interface ChainExclusionSettings {
  readonly chainExcludedFolders: readonly string[];
  readonly chainExcludedTags: readonly string[];
}

/** Whether the settings name anything to hide. */
export function hasChainExclusions(settings: ChainExclusionSettings): boolean {
  return settings.chainExcludedFolders.length > 0 || settings.chainExcludedTags.length > 0;
}

/**
 * Whether a note is hidden: its path lies in an excluded folder, or one of its tags (with or without
 * '#') is an excluded tag or nested under one (`daily` covers `daily/2024`); tags compare without case.
 */
export function isChainExcluded(path: string, tags: readonly string[], settings: ChainExclusionSettings): boolean {
  if (isExcluded(path, settings.chainExcludedFolders)) return true;
  if (settings.chainExcludedTags.length === 0) return false; // a shortcut: the search below finds nothing either
  const excluded = settings.chainExcludedTags.map((tag) => tag.toLowerCase());
  return tags.some((raw) => {
    const tag = raw.replace(/^#/, '').toLowerCase();
    return excluded.some((ex) => tag === ex || tag.startsWith(`${ex}/`));
  });
}
