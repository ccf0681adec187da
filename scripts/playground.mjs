/**
 * `npm run playground`: builds the playground page (the example vault, the plugin's editor links,
 * reading view and chain view in a browser) and serves it on 127.0.0.1, printing the URL.
 * Rebuilds when a source changes; reload the page to see it. Ctrl-C stops it.
 */
import os from 'node:os';
import path from 'node:path';
import { promises as fs, watch } from 'node:fs';
import { buildPlayground, ROOT, serveDir } from '../playground/build.mjs';

const port = Number(process.env.PORT ?? 0);
const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'principle-chain-playground-'));
const log = (message) => console.log(message);

await buildPlayground(outDir, { log });
const { server, url } = await serveDir(outDir, port);
console.log(`Principle Chain playground: ${url}`);
console.log('Ctrl-C stops it.');

let timer = null;
const rebuild = () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    buildPlayground(outDir, { log }).then(
      () => console.log('Rebuilt; reload the page.'),
      (error) => console.error(`Rebuild failed: ${error.message}`),
    );
  }, 200);
};
for (const dir of ['playground', 'src', 'example-vault']) watch(path.join(ROOT, dir), { recursive: true }, rebuild);
watch(path.join(ROOT, 'styles.css'), rebuild);

const stop = () => {
  server.close();
  void fs.rm(outDir, { recursive: true, force: true }).finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
