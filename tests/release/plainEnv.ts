/** The environment of a plain shell for npm run by a test: none of `npm test`'s npm_* variables, a scratch npm cache. */
import * as path from 'path';

export function plainEnv(scratch: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  return { ...inherited, npm_config_cache: path.join(scratch, 'npm-cache'), npm_config_update_notifier: 'false', ...extra };
}
