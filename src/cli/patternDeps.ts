/**
 * Bundled on its own as dist/patternDeps.js (esbuild.config.mjs): what checking a custom ID
 * pattern needs (src/core/ids/customPattern.ts), which the tool loads only when it meets one.
 */
export { isSafePattern } from 'redos-detector';
export { parse } from 'regjsparser';
