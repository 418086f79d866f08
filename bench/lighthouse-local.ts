/**
 * Lighthouse against the current build, without the synthetic library:
 * home, a source page, the map and search, in both languages, with each
 * page's scores and its cumulative layout shift (CLS).
 *
 *   npm run build && npm run bench:lighthouse
 *
 * Served gzipped on 127.0.0.1, as a host would; Lighthouse's default mobile
 * profile. Prints a table and writes bench-results/lighthouse.json. Not a
 * test: scores depend on the machine (the zero-shift test is
 * test/e2e/layout-shift.test.ts).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { lighthouseScores } from './lighthouse.ts';
import { serve } from '../test/support/server.ts';

const source = readdirSync('dist/sources', { withFileTypes: true }).find(
  (d) => d.isDirectory() && d.name !== 'by',
)?.name;
if (!source) throw new Error('no source page in dist/sources/: run `npm run build` first');

const server = await serve('dist', '/', {}, { compress: true });
try {
  const urls: Record<string, string> = {};
  for (const root of ['', 'zh/']) {
    const lang = root === '' ? 'en' : 'zh';
    urls[`${lang} home`] = `${server.url}${root}`;
    urls[`${lang} source`] = `${server.url}${root}sources/${source}/`;
    urls[`${lang} map`] = `${server.url}${root}map/`;
    urls[`${lang} search`] = `${server.url}${root}search/?q=drought`;
  }
  const results = await lighthouseScores(urls);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/lighthouse.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    '| page | perf | a11y | best pr. | SEO | CLS |\n| --- | --- | --- | --- | --- | --- |',
  );
  for (const [name, s] of Object.entries(results)) {
    const cells = [s.performance, s.accessibility, s['best-practices'], s.seo, s.cls?.toFixed(3)];
    console.log(`| ${name} | ${cells.map((c) => c ?? '?').join(' | ')} |`);
  }
} finally {
  await server.close();
}
