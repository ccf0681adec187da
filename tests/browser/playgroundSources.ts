/**
 * Brings every playground source into the project's type check (`npm run typecheck`, part of
 * `npm test`), which otherwise sees only what the browser tests import; esbuild does not check types.
 */
import type {} from '../../playground/app';
