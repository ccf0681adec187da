/** The chain view's named one-shot timers: starting one replaces a pending one of the same name. */
export class ViewTimers<Name extends string> {
  private readonly pending = new Map<Name, number>();

  /** Runs `run` after `ms`, replacing the pending run of the same name. */
  start(name: Name, ms: number, run: () => void): void {
    this.cancel(name);
    this.pending.set(
      name,
      window.setTimeout(() => {
        this.pending.delete(name);
        run();
      }, ms),
    );
  }

  isPending(name: Name): boolean {
    return this.pending.has(name);
  }

  cancel(name: Name): void {
    const timer = this.pending.get(name);
    if (timer !== undefined) window.clearTimeout(timer);
    this.pending.delete(name);
  }

  cancelAll(): void {
    for (const name of [...this.pending.keys()]) this.cancel(name);
  }
}
