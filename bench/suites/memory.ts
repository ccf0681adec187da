/**
 * Index memory per note: the JavaScript heap plus array buffers (the index keeps its numbers in
 * typed arrays) after building the index, minus the same before, both after full GCs.
 */
import { fullBuildFromDisk } from './build';
import type { BenchInput } from '../inputs';

export interface MemoryFigures {
  readonly notes: number;
  readonly heapDelta: number;
  readonly bytesPerNote: number;
}

function settledHeap(gc: () => void): number {
  for (let i = 0; i < 4; i++) gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Needs `node --expose-gc`; returns null without it. Note texts are read and dropped, as the plugin does. */
export function measureIndexMemory(input: BenchInput): MemoryFigures | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return null;
  const before = settledHeap(gc);
  const { index } = fullBuildFromDisk(input);
  const after = settledHeap(gc);
  // Keep the index reachable until the second measurement is taken.
  if (index.size !== input.paths.length) throw new Error('index lost notes');
  const heapDelta = after - before;
  return { notes: input.paths.length, heapDelta, bytesPerNote: heapDelta / input.paths.length };
}
