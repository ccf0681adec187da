/** Where the view's data comes from: the note it follows and the model for it, behind one seam. */

import { renderOutline } from '../../core/chain/outline';
import type { IdServices } from '../../obsidian/services';
import { chainFor, chainViewModel } from './fromCore';
import type { ChainViewModel } from './model';

/** The file the view follows, as far as the chain cares. */
export interface FollowedFile {
  readonly path: string;
  readonly extension: string;
}

/** Computes what the view draws; the view never walks the index itself. */
export interface ChainSource {
  /** The model for the file at the given depth. */
  model(file: FollowedFile | null, depth: number): ChainViewModel;
  /** The chain as a Markdown outline (`ID Title` nested list), or null when there is no chain. */
  outline(file: FollowedFile | null, depth: number): string | null;
}

/** The chain source over the live index and settings. */
export function createChainSource(services: Pick<IdServices, 'index' | 'settings'>): ChainSource {
  return {
    model: (file, depth) => chainViewModel(services.index, file, depth, services.settings()),
    outline(file, depth) {
      const result = chainFor(services.index, file, depth, services.settings());
      return result === null ? null : renderOutline(result);
    },
  };
}
