/**
 * Installs a jsdom window as Node globals when there is no DOM yet (the bench under plain Node).
 * Imported for its side effect, before anything that needs a DOM at import time.
 */
import * as path from 'path';
import { createRequire } from 'module';
import type { JSDOM as JsdomClass } from 'jsdom';

// Globals Node also defines whose jsdom versions the DOM code must see (jsdom rejects foreign events).
const OVERRIDE = ['Event', 'EventTarget', 'CustomEvent', 'MessageEvent', 'AbortController', 'AbortSignal'];

/**
 * jsdom as installed for jest-environment-jsdom (a devDependency), found through that package so
 * the bench needs no dependency of its own.
 */
function loadJsdom(): typeof JsdomClass {
  const fromRepo = createRequire(path.join(process.cwd(), 'package.json'));
  const environment = path.dirname(fromRepo.resolve('jest-environment-jsdom/package.json'));
  return (fromRepo(fromRepo.resolve('jsdom', { paths: [environment] })) as { JSDOM: typeof JsdomClass }).JSDOM;
}

function installWindow(g: Record<string, unknown>): void {
  const JSDOM = loadJsdom();
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' });
  const win = dom.window as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(win)) {
    if (key in g && !OVERRIDE.includes(key)) continue;
    try {
      g[key] = win[key];
    } catch {
      // Some window properties are accessors that refuse to be copied; the DOM code does not need them.
    }
  }
  g.window = win;
  g.document = dom.window.document;
  g.navigator = dom.window.navigator;
}

const globals = globalThis as unknown as Record<string, unknown>;
if (typeof globals.document === 'undefined') installWindow(globals);
