/** Pacing of long index work so no main-thread task runs much longer than a slice. */

/** Knobs for pacing; the defaults suit Obsidian, tests shrink them. */
export interface IndexerPacing {
  /** Quiet time after the last event on a file before it is re-read. */
  readonly debounceMs: number;
  /** Reads in flight at once during the content pass. */
  readonly concurrentReads: number;
  /** Work done between two yields to the event loop. */
  readonly sliceMs: number;
  /** Minimum time between two progress reports during the content pass. */
  readonly reportEveryMs: number;
  /** Quiet time after the last update before the persisted cache is refreshed. */
  readonly cacheSaveDelayMs: number;
  /** Hands control back to the event loop (a macrotask, so rendering and input get their turn). */
  yieldToEventLoop(): Promise<void>;
  now(): number;
}

/**
 * A macrotask through a message port: unlike a zero timeout it is not clamped or throttled to a
 * second per call while Obsidian's window is in the background.
 */
function yieldThroughMessage(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => window.setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export const DEFAULT_PACING: IndexerPacing = {
  debounceMs: 300,
  concurrentReads: 8,
  sliceMs: 30,
  reportEveryMs: 250,
  cacheSaveDelayMs: 60_000,
  yieldToEventLoop: yieldThroughMessage,
  now: () => performance.now(),
};

/**
 * Shared by concurrent workers: whoever finds the slice used up starts one yield that all of them
 * wait for, and progress is reported at most every `reportEveryMs`.
 */
export class Pacer {
  private sliceStart: number;
  private lastReport: number;
  private yielding: Promise<void> | null = null;

  constructor(
    private readonly pacing: IndexerPacing,
    private readonly report: () => void,
  ) {
    this.sliceStart = pacing.now();
    this.lastReport = this.sliceStart;
  }

  /** Whether the current slice is used up. */
  due(): boolean {
    return this.pacing.now() - this.sliceStart >= this.pacing.sliceMs;
  }

  /** One trip through the event loop, shared by every worker that asks while it is under way. */
  pause(): Promise<void> {
    if (this.yielding === null) {
      if (this.pacing.now() - this.lastReport >= this.pacing.reportEveryMs) {
        this.lastReport = this.pacing.now();
        this.report();
      }
      this.yielding = this.pacing.yieldToEventLoop().then(() => {
        this.sliceStart = this.pacing.now();
        this.yielding = null;
      });
    }
    return this.yielding;
  }
}
