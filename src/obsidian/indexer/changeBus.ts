/** Who hears of index changes: the features' listeners, each told which IDs changed (or 'all'). */
import type { IndexChange } from '../../core/types';

export class IndexChangeBus {
  private readonly listeners = new Set<(change: IndexChange) => void>();

  /** Subscribes; returns the unsubscribe function. */
  subscribe(listener: (change: IndexChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener; one that throws does not keep the others from hearing it. */
  emit(change: IndexChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        console.error('Principle Chain: an index listener failed', error);
      }
    }
  }

  /** Sends the IDs, when there are any (every caller hands over a set it no longer changes). */
  emitIds(ids: ReadonlySet<string>): void {
    if (ids.size !== 0) this.emit(ids);
  }

  /** Sends the change: 'all', or the IDs when there are any. */
  emitChange(change: IndexChange): void {
    if (change === 'all') this.emit('all');
    else this.emitIds(change);
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** Adds the IDs to the set (the changes of several updates, reported as one). */
export function addAll(target: Set<string>, ids: Iterable<string>): void {
  for (const id of ids) target.add(id);
}
