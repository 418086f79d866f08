/**
 * Time from navigation to the map's first `idle` event on the built map page,
 * in real headless Chromium (SwiftShader WebGL), and the page's bytes.
 * MapLibre loads on intent, so each run moves the pointer onto the static map
 * right after the load event, as a reader reaching for the map at once would:
 * the time counts from the navigation's start, the wait for intent included.
 *
 *   npm run build && npm run bench:map            # 7 runs, English page
 *   RUNS=11 PAGE=zh/map/ npm run bench:map
 *
 * Each run uses a fresh browser context (cold HTTP cache) against dist/ served
 * on 127.0.0.1. Prints every run, the median, and writes
 * bench-results/map-idle.json. Not a test: times depend on the machine.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { launchChromium, watchedPage } from '../test/support/browser.ts';
import { serve } from '../test/support/server.ts';
import { showMapIntent } from '../test/support/map.ts';
import { gzipFiles, loadsOf } from '../test/support/budget.ts';
import { parseHtml } from '../test/support/html.ts';
import { BUDGETS } from '../src/lib/budgets.ts';

const runs = Number(process.env['RUNS'] ?? 7);
const pagePath = process.env['PAGE'] ?? 'map/';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const read = (file: string) => readFileSync(`dist/${file}`, 'utf8');
const html = `${pagePath}index.html`;
const bundle = await loadsOf(
  { file: html, ...parseHtml(read(html)) },
  { dynamic: true, exclude: (f) => f.startsWith('pagefind/') },
);
const js = bundle.filter((f) => /\.m?js$/.test(f));
const css = bundle.filter((f) => f.endsWith('.css'));
const layers = readdirSync('dist/geo')
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => `geo/${f}`);
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
const bytes = {
  html_gzip_kb: kb(gzipFiles([html])),
  js_gzip_kb: kb(gzipFiles(js)),
  js_budget_kb: kb(BUDGETS.mapPageJs.bytes),
  js_files: Object.fromEntries(js.map((f) => [f, kb(gzipFiles([f]))])),
  css_gzip_kb: kb(gzipFiles(css)),
  geo_gzip_kb: Object.fromEntries(layers.map((f) => [f, kb(gzipFiles([f]))])),
  geo_total_gzip_kb: kb(gzipFiles(layers)),
};

const server = await serve();
const browser = await launchChromium();
const times: number[] = [];
try {
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, watch } = await watchedPage(context, server.origin);
    await page.goto(`${server.url}${pagePath}`);
    await showMapIntent(page, 'hover');
    await page.waitForFunction(() => window.__atlasMapIdleAt !== undefined, null, {
      timeout: 120_000,
    });
    // performance.now() counts from the navigation's start.
    const idle = await page.evaluate(() => window.__atlasMapIdleAt ?? NaN);
    if (watch.consoleErrors.length > 0 || watch.otherOrigins.length > 0)
      throw new Error(`run ${i + 1}: ${JSON.stringify(watch)}`);
    times.push(Math.round(idle));
    console.log(`run ${i + 1}: ${Math.round(idle)} ms to idle`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const result = { page: pagePath, runs, idle_ms: times, idle_median_ms: median(times), bytes };
console.log(JSON.stringify(result, null, 2));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/map-idle.json', `${JSON.stringify(result, null, 2)}\n`);
