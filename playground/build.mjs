/**
 * Builds the playground (a static page) with esbuild's API and serves a built folder on 127.0.0.1.
 * Used by `npm run playground` and by the browser tests' global setup.
 */
import esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { promises as fs, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VAULT_DIR = path.join(ROOT, 'example-vault');

/** Every note of the example vault (dot folders left out), as vault path → text. */
async function readVault(dir = VAULT_DIR, prefix = '') {
  const files = {};
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const vaultPath = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(files, await readVault(full, vaultPath));
    else if (entry.name.endsWith('.md')) files[vaultPath] = await fs.readFile(full, 'utf8');
  }
  return files;
}

function newestMtime(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)));
  return newest;
}

/**
 * The production bundle the page checks. `npm run build` makes it; when it is missing or older than
 * the sources it is rebuilt here with the same esbuild configuration (production mode).
 */
export function ensureMainJs(log = () => {}) {
  const mainJs = path.join(ROOT, 'main.js');
  let builtAt = 0;
  try {
    builtAt = statSync(mainJs).mtimeMs;
  } catch {
    builtAt = 0;
  }
  const sourcesAt = Math.max(newestMtime(path.join(ROOT, 'main.ts')), newestMtime(path.join(ROOT, 'src')));
  if (builtAt >= sourcesAt) return mainJs;
  log(builtAt === 0 ? 'main.js is missing: building it (production).' : 'main.js is older than the sources: rebuilding it (production).');
  execFileSync(process.execPath, ['esbuild.config.mjs', 'production'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return mainJs;
}

/** Builds the page into outDir: index.html, app.js, the CSS, and a copy of main.js. */
export async function buildPlayground(outDir, { log = () => {} } = {}) {
  await fs.mkdir(outDir, { recursive: true });
  const mainJs = ensureMainJs(log);
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['playground/app.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    outfile: path.join(outDir, 'app.js'),
    alias: { obsidian: path.join(ROOT, 'playground/obsidian.ts') },
    // The example vault is embedded in the page as a constant (see PLAYGROUND_VAULT in app.ts).
    define: { PLAYGROUND_VAULT: JSON.stringify(await readVault()) },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await fs.copyFile(path.join(ROOT, 'playground/index.html'), path.join(outDir, 'index.html'));
  await fs.copyFile(path.join(ROOT, 'playground/playground.css'), path.join(outDir, 'playground.css'));
  await fs.copyFile(path.join(ROOT, 'styles.css'), path.join(outDir, 'styles.css'));
  await fs.copyFile(mainJs, path.join(outDir, 'main.js'));
  return outDir;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Serves dir on 127.0.0.1 (port 0: any free port). Resolves to { server, url }. */
export function serveDir(dir, port = 0) {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(dir, urlPath === '/' ? 'index.html' : path.normalize(urlPath));
    if (!file.startsWith(dir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file).then(
      (data) => {
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(data);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${address.port}/` });
    });
  });
}
