/**
 * What dist/cli.js and dist/scanWorker.js hold in place of redos-detector and regjsparser
 * (esbuild.config.mjs aliases both here): the same functions, loading dist/patternDeps.js on the
 * first call. Only a custom ID pattern calls them, so a run with a preset format never parses them.
 */
import type * as Redos from 'redos-detector';
import type * as Regjs from 'regjsparser';

interface PatternDeps {
  readonly isSafePattern: typeof Redos.isSafePattern;
  readonly parse: typeof Regjs.parse;
}

let loaded: PatternDeps | undefined;

function patternDeps(): PatternDeps {
  // Kept after the first call; require would hand back the same module from Node's cache anyway.
  if (loaded === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed, from beside the bundle (external: esbuild leaves the path as written)
      loaded = require('./patternDeps.js') as PatternDeps;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new Error(`the tool's pattern checker (dist/patternDeps.js) cannot be loaded (${reason}); reinstall principle-chain`);
    }
  }
  return loaded;
}

export const isSafePattern: PatternDeps['isSafePattern'] = (...args) => patternDeps().isSafePattern(...args);

export const parse: PatternDeps['parse'] = (...args) => patternDeps().parse(...args);
