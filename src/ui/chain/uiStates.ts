/** The view-only state of the last few notes, so coming back to a note finds it as it was left. */

import { isAtOrUnder } from '../../core/settings';
import { createUiState, type ChainUiState } from './model';

/** A small most-recently-used memory of UI states by note path. */
export class RememberedUiStates {
  private readonly states = new Map<string, ChainUiState>();

  constructor(private readonly capacity: number) {}

  /** The note's state, fresh when unknown or forgotten. */
  of(notePath: string): ChainUiState {
    return this.states.get(notePath) ?? createUiState();
  }

  /** Notes renamed or moved (a note, or a folder holding notes): their states go with them. */
  rename(oldPath: string, newPath: string): void {
    for (const [path, ui] of [...this.states]) {
      if (!isAtOrUnder(path, oldPath)) continue;
      this.states.delete(path);
      this.states.set(newPath + path.slice(oldPath.length), ui);
    }
  }

  /** Keeps the note's state as the most recently used, forgetting the oldest beyond capacity. */
  remember(notePath: string, ui: ChainUiState): void {
    this.states.delete(notePath);
    this.states.set(notePath, ui);
    while (this.states.size > this.capacity) {
      const oldest = this.states.keys().next().value;
      if (oldest === undefined) break;
      this.states.delete(oldest);
    }
  }
}
