/**
 * `npm run bench [-- --sizes 1000,5000] [--no-lighthouse]`
 *
 * For each size N: copies the project to a temporary folder, adds N synthetic
 * sources (bench/synthetic.ts), builds it, and builds a bare Astro site with
 * as many plain markdown pages as the atlas has pages, in the same run. Then
 * measures, and writes bench-results/bench-<date>.{json,md} (and latest.*):
 * - build time per page and Pagefind indexing time per page, each as a ratio
 *   to the bare site;
 * - the Pagefind index size on disk;
 * - a cold search in headless Chromium, for a rare word and for a word on
 *   every source page: bytes transferred and time to first results;
 * - navigation → first map `idle` event, median of 5;
 * - the evidence map: coded findings, its data files, and navigation → interactive
   (bytes and time, median of 5);
 * - Lighthouse scores for home, a source page, the map and search (with LCP, TBT, CLS);
 * - the first visit: bytes sent until the service worker has stored the shell;
 * - saving the atlas (English) from the About page: files, bytes sent, time
 *   (`--no-save` leaves it out).
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  readFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSize } from '../src/lib/gzip.ts';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { launchChromium } from '../test/support/browser.ts';
import { serve } from '../test/support/server.ts';
import {
  coldQuery,
  evidenceMapLoad,
  firstVisit as measureFirstVisit,
  fullSave as measureFullSave,
  type FirstVisit,
  type FullSave,
  mapIdle,
  median,
  type ColdQuery,
  type EvidenceMapLoad,
} from './browser.ts';
import { lighthouseScores, type Scores } from './lighthouse.ts';
import { toMarkdown } from './report.ts';
import { COMMON_WORD, plainPage, RARE_WORD, syntheticId, syntheticSource } from './synthetic.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench-results');
/** What the copy needs to build; node_modules is linked, not copied. */
const COPY = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'src',
  'public',
  'content',
  'geo',
  'scripts',
];

export interface SizeResult {
  sources: { synthetic: number; total: number };
  atlas: { pages: number; buildSeconds: number; pagefindSeconds: number; indexedPages: number };
  bare: { pages: number; buildSeconds: number; pagefindSeconds: number; indexedPages: number };
  ratio: { buildPerPage: number; pagefindPerPage: number };
  index: { bytes: number; files: number };
  search: { rare: ColdQuery; common: ColdQuery } | string;
  mapIdleMs: { median: number; runs: number[] } | string;
  evidenceMap: EvidenceMapResult | string;
  lighthouse: Record<string, Scores> | string;
  /** Optional: results written before these rows existed lack them. */
  firstVisit?: FirstVisit | string;
  fullSave?: FullSave | string;
}

export interface EvidenceMapResult {
  /** Findings on the map, and of them those with a coded effect. */
  findings: number;
  coded: number;
  /** gzip bytes of index.json and of all English details files. */
  indexGzip: number;
  detailsGzip: number;
  /** The median run (by time), and every run's time. */
  load: EvidenceMapLoad;
  runs: number[];
}

export interface BenchResult {
  date: string;
  machine: { cpus: number; model: string; node: string };
  sizes: Record<string, SizeResult>;
}

const log = (message: string) => console.log(`[bench] ${message}`);
const seconds = (start: number) => (performance.now() - start) / 1000;

function run(cmd: string, args: string[], cwd: string, logFile: string): Promise<void> {
  return new Promise((ok, fail) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      writeFileSync(logFile, out);
      if (code === 0) ok();
      else
        fail(
          new Error(`${cmd} ${args.join(' ')} exited ${code}; see ${logFile}\n${out.slice(-2000)}`),
        );
    });
  });
}

const astroBuild = (cwd: string, logFile: string) =>
  run(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], cwd, logFile);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}
const countHtml = (dir: string) => walk(dir).filter((f) => f.endsWith('.html')).length;

/**
 * Folders the run made, removed when it ends, not as soon as they are done
 * with: on some file systems (this machine's ext4) new files are slow to
 * allocate for minutes after many were deleted, and a build that followed the
 * removal of the last one's folders would be measured slower for it.
 */
const scratch: string[] = [];
const removeLater = (dir: string) => scratch.push(dir);

/** Pagefind over a built site, as the atlas's integration runs it; output to a scratch folder. */
async function timePagefind(site: string): Promise<{ seconds: number; pages: number }> {
  const out = mkdtempSync(join(tmpdir(), 'atlas-bench-pf-'));
  const start = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return { seconds: seconds(start), pages: added.page_count };
  } finally {
    await pagefind.close();
    removeLater(out);
  }
}

/**
 * The project's packages, linked one by one into `dir/node_modules`, so that
 * each build has caches of its own (Astro's content store in `.astro`, Vite's
 * in `.vite`, the citations worker's bundle in `.cache`) and starts cold, as
 * a clean clone's does, whatever ran before it.
 */
function linkPackages(dir: string): void {
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'dir');
  }
}

/** The project, copied, with `n` synthetic sources added. */
function atlasCopy(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), `atlas-bench-${n}-`));
  for (const entry of COPY) {
    try {
      cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    } catch {
      // Optional folders (geo/, scripts/) may not exist.
    }
  }
  linkPackages(dir);
  const ids = (c: string) =>
    readdirSync(join(dir, 'content', c)).map((f) => f.replace(/\.md$/, ''));
  const options = { regions: ids('regions'), initiatives: ids('initiatives') };
  for (let i = 1; i <= n; i++) {
    writeFileSync(
      join(dir, 'content/sources', `${syntheticId(i)}.md`),
      syntheticSource(i, options),
    );
  }
  return dir;
}

/** A bare Astro site: `pages` plain markdown pages and nothing else. */
function bareSite(pages: number): string {
  const dir = mkdtempSync(join(tmpdir(), `astro-bare-${pages}-`));
  mkdirSync(join(dir, 'src/pages/p'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bare', private: true, type: 'module' }),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ build: { format: 'directory' } });\n",
  );
  // A minimal page shell: without <html> and <body>, Pagefind finds nothing to index.
  mkdirSync(join(dir, 'src/layouts'), { recursive: true });
  writeFileSync(
    join(dir, 'src/layouts/Plain.astro'),
    '---\nconst { frontmatter } = Astro.props;\n---\n<html lang="en"><head><meta charset="utf-8" /><title>{frontmatter.title}</title></head><body><main><slot /></main></body></html>\n',
  );
  linkPackages(dir);
  for (let i = 1; i <= pages; i++) writeFileSync(join(dir, `src/pages/p/${i}.md`), plainPage(i));
  return dir;
}

async function measureSize(
  n: number,
  withLighthouse: boolean,
  noSave: boolean,
): Promise<SizeResult> {
  const logs = join(RESULTS, 'logs');
  mkdirSync(logs, { recursive: true });

  log(`${n}: copying the project and writing ${n} synthetic sources`);
  const atlasDir = atlasCopy(n);
  const totalSources = readdirSync(join(atlasDir, 'content/sources')).length;
  log(`${n}: building the atlas (${totalSources} sources)`);
  let start = performance.now();
  await astroBuild(atlasDir, join(logs, `atlas-${n}.log`));
  const atlasBuild = seconds(start);
  const atlasDist = join(atlasDir, 'dist');
  const atlasPages = countHtml(atlasDist);
  log(
    `${n}: atlas built: ${atlasPages} pages in ${atlasBuild.toFixed(1)} s; timing Pagefind alone`,
  );
  const atlasPf = await timePagefind(atlasDist);

  log(`${n}: building a bare Astro site with ${atlasPages} markdown pages`);
  const bareDir = bareSite(atlasPages);
  start = performance.now();
  await astroBuild(bareDir, join(logs, `bare-${n}.log`));
  const bareBuild = seconds(start);
  const bareDist = join(bareDir, 'dist');
  const barePages = countHtml(bareDist);
  const barePf = await timePagefind(bareDist);
  log(`${n}: bare built: ${barePages} pages in ${bareBuild.toFixed(1)} s`);

  const indexFiles = walk(join(atlasDist, 'pagefind'));
  const index = {
    bytes: indexFiles.reduce((s, f) => s + statSync(f).size, 0),
    files: indexFiles.length,
  };

  // Compressed, as any real host serves it: bytes and Lighthouse see what readers get.
  const server = await serve(atlasDist, '/', {}, { compress: true });
  const browser = await launchChromium();
  const has = (page: string) => {
    try {
      return statSync(join(atlasDist, page)).isFile();
    } catch {
      return false;
    }
  };
  let search: SizeResult['search'] = 'no search page (dist/search/index.html) in this build';
  let mapIdleMs: SizeResult['mapIdleMs'] = 'no map page (dist/map/index.html) in this build';
  let evidenceMap: SizeResult['evidenceMap'] =
    'no evidence map (dist/evidence-map/index.html) in this build';
  let lighthouse: SizeResult['lighthouse'] = 'not run (--no-lighthouse)';
  let firstVisit: SizeResult['firstVisit'] = 'no service worker (dist/sw.js) in this build';
  let fullSave: SizeResult['fullSave'] = 'no save control (dist/about/index.html) in this build';
  try {
    if (has('sw.js')) {
      log(`${n}: first visit (service worker installs the shell)`);
      firstVisit = await measureFirstVisit(browser, server);
      if (has('about/index.html') && !noSave) {
        log(`${n}: saving the atlas (English) from the About page`);
        fullSave = await measureFullSave(browser, server);
      } else if (noSave) fullSave = 'not run (--no-save)';
    }
    if (has('search/index.html')) {
      log(`${n}: cold searches`);
      search = {
        rare: await coldQuery(browser, server.url, RARE_WORD),
        common: await coldQuery(browser, server.url, COMMON_WORD),
      };
    }
    if (has('map/index.html')) {
      log(`${n}: map idle, 5 runs`);
      const runs = await mapIdle(browser, server.url, 5);
      mapIdleMs = { median: median(runs), runs };
    }
    if (has('evidence-map/index.html')) {
      log(`${n}: evidence map, 5 runs`);
      const loads = await evidenceMapLoad(browser, server.url, 5);
      const byTime = [...loads].sort((a, b) => a.interactiveMs - b.interactiveMs);
      const index = JSON.parse(
        readFileSync(join(atlasDist, 'evidence-map/index.json'), 'utf8'),
      ) as {
        findings: number[][];
      };
      const gz = (f: string) => gzipSize(readFileSync(join(atlasDist, f)));
      evidenceMap = {
        findings: index.findings.length,
        // The second number of a finding's tuple is its direction, -1 when it has no coded effect.
        coded: index.findings.filter((f) => (f[1] ?? -1) >= 0).length,
        indexGzip: gz('evidence-map/index.json'),
        detailsGzip: readdirSync(join(atlasDist, 'evidence-map'))
          .filter((f) => f.startsWith('details-en-'))
          .reduce((t, f) => t + gz(`evidence-map/${f}`), 0),
        load: byTime[Math.floor(byTime.length / 2)] as EvidenceMapLoad,
        runs: loads.map((l) => l.interactiveMs),
      };
    }
    if (withLighthouse) {
      log(`${n}: Lighthouse`);
      const urls: Record<string, string> = {
        home: server.url,
        source: `${server.url}sources/${syntheticId(1)}/`,
      };
      if (has('map/index.html')) urls['map'] = `${server.url}map/`;
      // Its text is shaped with the machine's fonts: without a CJK font, Chromium
      // looks up a fallback for each new character, which a reader's device does not.
      if (has('zh/map/index.html')) urls['map-zh'] = `${server.url}zh/map/`;
      if (has('search/index.html')) urls['search'] = `${server.url}search/?q=${COMMON_WORD}`;
      if (has('evidence-map/index.html')) urls['evidence-map'] = `${server.url}evidence-map/`;
      lighthouse = await lighthouseScores(urls);
    }
  } finally {
    await browser.close();
    await server.close();
    removeLater(atlasDir);
    removeLater(bareDir);
  }

  const perPage = (s: number, p: number) => s / Math.max(1, p);
  return {
    sources: { synthetic: n, total: totalSources },
    atlas: {
      pages: atlasPages,
      buildSeconds: atlasBuild,
      pagefindSeconds: atlasPf.seconds,
      indexedPages: atlasPf.pages,
    },
    bare: {
      pages: barePages,
      buildSeconds: bareBuild,
      pagefindSeconds: barePf.seconds,
      indexedPages: barePf.pages,
    },
    ratio: {
      // The atlas build runs Pagefind inside it; the bare build does not: compare without it.
      buildPerPage:
        perPage(atlasBuild - atlasPf.seconds, atlasPages) / perPage(bareBuild, barePages),
      pagefindPerPage:
        perPage(atlasPf.seconds, atlasPf.pages) / perPage(barePf.seconds, barePf.pages),
    },
    index,
    search,
    mapIdleMs,
    evidenceMap,
    lighthouse,
    firstVisit,
    fullSave,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000' },
      'no-lighthouse': { type: 'boolean', default: false },
      'no-save': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number.parseInt(s, 10));
  if (sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--sizes: ${values.sizes}`);
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
    sizes: {},
  };
  mkdirSync(RESULTS, { recursive: true });
  const stamp = result.date.replace(/[:.]/g, '-');
  try {
    for (const n of sizes) {
      result.sizes[n] = await measureSize(n, !values['no-lighthouse'], values['no-save']);
      // Written after each size, so a long run keeps what it has measured.
      for (const name of [`bench-${stamp}`, 'latest']) {
        writeFileSync(join(RESULTS, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
        writeFileSync(join(RESULTS, `${name}.md`), toMarkdown(result));
      }
    }
  } finally {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  }
  console.log(toMarkdown(result));
  log(`results in ${RESULTS}/bench-${stamp}.{json,md}`);
}

await main();
