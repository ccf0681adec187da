import fc from 'fast-check';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { scanInto, scanReferences, type ReferenceSink } from '../../../src/core/ids/scanner';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';

// The scanner keeps one scan's state for the next note (searches, token walks, prose ranges).
// Nothing one note leaves behind may change what the next one yields.
describe('scan state kept from note to note', () => {
  const fragment = fc.constantFrom(
    '202104291524', '202108191025', ' ', '\n', '\n\n', '\r\n', '\r', 'word', '`', '```\n', '$', '$$', '[', ']', '[[', ']]', '(', ')',
    '](202108191025.md)', '<!--', '-->', '%%', '\\', '    ', '- ', '---\n', '#', 'https://x/',
  );
  const note = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

  test('a note yields the same references whichever note was scanned before it', () => {
    fc.assert(
      fc.property(note, note, note, (first, other, second) => {
        scanReferences(first, TWELVE_DIGIT);
        const afterFirst = scanReferences(second, TWELVE_DIGIT);
        scanReferences(other, TWELVE_DIGIT);
        expect(scanReferences(second, TWELVE_DIGIT)).toStrictEqual(afterFirst);
      }),
      { seed: 20261202, numRuns: 1000 },
    );
  });

  test('a sink that throws leaves the scanner as it was', () => {
    const text = 'a 202104291524 [x](202108191025.md)\n\n`b` 202108191025';
    const expected = scanReferences(text, TWELVE_DIGIT);
    const throwing: ReferenceSink = {
      bare() {
        throw new Error('sink failed');
      },
      link() {
        throw new Error('sink failed');
      },
    };
    expect(() => scanInto(text, TWELVE_DIGIT, throwing)).toThrow('sink failed');
    expect(scanReferences(text, TWELVE_DIGIT)).toStrictEqual(expected);
  });
});

// The state kept for the next note must not keep this note's text (or its sink) alive: a vault's
// largest note would otherwise stay in memory for as long as Obsidian runs.
describe('what a finished scan keeps', () => {
  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  // ES2021's WeakRef, which the TypeScript libraries of tsconfig.json leave out.
  const { WeakRef } = globalThis as unknown as { WeakRef: new <T extends object>(target: T) => { deref(): T | undefined } };

  /**
   * Heap bytes still in use after scanning a fresh 16 MB note (every reference to it dropped) and
   * collecting garbage. V8 keeps the subject of the last regex match (RegExp.input) until any
   * regex runs on another string, as the app's next one would: one is run here. A WeakRef's target
   * is kept until the current job ends (the WeakRef spec's KeepDuringJob), so the check waits a turn.
   */
  async function heapKeptByScan(scan: (text: string) => void): Promise<number> {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    scan(`${'202104291524 `a` [[b]] $c$ '.repeat(4)}${'plain words '.repeat(1_400_000)}`);
    /x/.exec('x');
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    return process.memoryUsage().heapUsed - before;
  }

  test('no note text once the scan is over', async () => {
    expect(await heapKeptByScan((text) => scanReferences(text, TWELVE_DIGIT))).toBeLessThan(4_000_000);
  });

  test('no note text and no sink once a sink has thrown', async () => {
    let sinkAlive: { deref(): ReferenceSink | undefined } | null = null;
    const kept = await heapKeptByScan((text) => {
      const sink: ReferenceSink = {
        bare() {
          throw new Error('sink failed');
        },
        link() {
          throw new Error('sink failed');
        },
      };
      sinkAlive = new WeakRef(sink);
      expect(() => scanInto(text, TWELVE_DIGIT, sink)).toThrow('sink failed');
    });
    expect(kept).toBeLessThan(4_000_000);
    expect((sinkAlive as { deref(): ReferenceSink | undefined } | null)?.deref()).toBeUndefined();
  });
});
