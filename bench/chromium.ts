/**
 * Draws a chain view model in real Chromium (Debian's, through playwright-core): the page is
 * bench/page/chainRender.ts, bundled by bench/pageBundle.mjs. Needs no DOM in this process.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import type { ChainViewModel } from '../src/ui/chain/model';
import type { PageRenderTimes } from './page/chainRender';
import type { BenchOptions } from './harness';

/** The bundled page and the browser that runs it. */
export interface ChromiumPage {
  readonly script: string;
  readonly styles: readonly string[];
  /** The Chromium binary; the row is skipped, saying so, when it is missing. */
  readonly chromium: string;
}

/** Draws the model in a fresh headless Chromium, `options.runs` timed draws after the warm-up ones. */
export async function chromiumRenderTimes(model: ChainViewModel, page: ChromiumPage, options: BenchOptions): Promise<PageRenderTimes> {
  // Loaded when first used, as CommonJS (the bench bundle finds it through NODE_PATH, which import()
  // ignores): playwright-core cannot load under jsdom, where the bench's own test runs.
  const { chromium } = createRequire(__filename)('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: page.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const css = page.styles.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    await tab.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body class="theme-light"></body></html>`);
    await tab.addScriptTag({ path: page.script });
    return await tab.evaluate(
      ({ model: drawn, runs, warmup }) => {
        const time = window.timeChainRender;
        if (time === undefined) throw new Error('the bench page script did not load');
        return time(drawn, runs, warmup);
      },
      { model, runs: Math.max(1, options.runs), warmup: options.warmup },
    );
  } finally {
    await browser.close();
  }
}

