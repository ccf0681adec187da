/** The view-only state of the last few notes, so coming back to a note finds it as it was left. */

import { createUiState, type ChainUiState } from './model';

/** A small most-recently-used memory of UI states by note path. */
export class RememberedUiStates {
  private readonly states = new Map<string, ChainUiState>();

  constructor(private readonly capacity: number) {}

  /** The note's state, created fresh when unknown or forgotten; marks it most recently used. */
  of(notePath: string): ChainUiState {
    let ui = this.states.get(notePath);
    if (ui === undefined) {
      ui = createUiState();
      if (this.states.size >= this.capacity) {
        const oldest = this.states.keys().next().value;
        if (oldest !== undefined) this.states.delete(oldest);
      }
    } else this.states.delete(notePath);
    this.states.set(notePath, ui);
    return ui;
  }
}
