/** The benchmark's results as a markdown table: one row per measure, one column per size. */
import type { BenchResult, SizeResult } from './run.ts';

const ms = (x: number) => `${Math.round(x)} ms`;
const s = (x: number) => `${x.toFixed(1)} s`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const x = (ratio: number) => `${ratio.toFixed(2)}×`;

type Row = [string, (r: SizeResult) => string];

const em = (f: (e: Exclude<SizeResult['evidenceMap'], string>) => string) => (r: SizeResult) =>
  typeof r.evidenceMap === 'string' ? '—' : f(r.evidenceMap);

const search =
  (which: 'rare' | 'common', f: (q: Exclude<SizeResult['search'], string>['rare']) => string) =>
  (r: SizeResult) => (typeof r.search === 'string' ? '—' : f(r.search[which]));
const lh = (page: string) => (r: SizeResult) => {
  if (typeof r.lighthouse === 'string') return '—';
  const scores = r.lighthouse[page];
  if (!scores) return '—';
  const marks = [scores.performance, scores.accessibility, scores['best-practices'], scores.seo]
    .map((v) => (v === null ? '?' : String(v)))
    .join(' / ');
  const timing = (v: number | null | undefined) => (typeof v === 'number' ? ms(v) : '?');
  return `${marks} · CLS ${scores.cls === null ? '?' : scores.cls.toFixed(3)} · LCP ${timing(scores.lcpMs)} · TBT ${timing(scores.tbtMs)}`;
};

const ROWS: Row[] = [
  [
    'sources (synthetic + real)',
    (r) => `${r.sources.synthetic} + ${r.sources.total - r.sources.synthetic}`,
  ],
  ['pages built (atlas / bare)', (r) => `${r.atlas.pages} / ${r.bare.pages}`],
  ['atlas build, whole (incl. validation, geo, Pagefind)', (r) => s(r.atlas.buildSeconds)],
  [
    'atlas build per page, without Pagefind',
    (r) => ms(((r.atlas.buildSeconds - r.atlas.pagefindSeconds) * 1000) / r.atlas.pages),
  ],
  ['bare Astro build per page', (r) => ms((r.bare.buildSeconds * 1000) / r.bare.pages)],
  ['**build time per page, ratio to bare**', (r) => `**${x(r.ratio.buildPerPage)}**`],
  [
    'Pagefind indexing per page (atlas / bare)',
    (r) =>
      `${ms((r.atlas.pagefindSeconds * 1000) / r.atlas.indexedPages)} / ${ms((r.bare.pagefindSeconds * 1000) / r.bare.indexedPages)}`,
  ],
  ['**Pagefind time per page, ratio to bare**', (r) => `**${x(r.ratio.pagefindPerPage)}**`],
  ['Pagefind index on disk', (r) => `${mib(r.index.bytes)} (${r.index.files} files)`],
  [
    `cold search, rare word: first results`,
    search('rare', (q) => `${ms(q.firstResultsMs)} (${q.results} result)`),
  ],
  [
    'cold search, rare word: bytes (of which Pagefind)',
    search('rare', (q) => `${kib(q.bytes)} (${kib(q.pagefindBytes)})`),
  ],
  [
    'cold search, common word: first results',
    search('common', (q) => `${ms(q.firstResultsMs)} (${q.results} results)`),
  ],
  [
    'cold search, common word: bytes (of which Pagefind)',
    search('common', (q) => `${kib(q.bytes)} (${kib(q.pagefindBytes)})`),
  ],
  [
    'map: navigation → first idle, median of 5',
    (r) => (typeof r.mapIdleMs === 'string' ? '—' : ms(r.mapIdleMs.median)),
  ],
  ['evidence map: findings (with a coded effect)', em((e) => `${e.findings} (${e.coded})`)],
  [
    'evidence map: index.json / English details, gzip',
    em((e) => `${kib(e.indexGzip)} / ${kib(e.detailsGzip)}`),
  ],
  ['evidence map: navigation → interactive, median of 5', em((e) => ms(e.load.interactiveMs))],
  [
    'evidence map: bytes until interactive (of which index.json)',
    em((e) => `${kib(e.load.bytes)} (${kib(e.load.indexBytes)}), ${e.load.requests} requests`),
  ],
  [
    '**first visit: bytes until the shell is stored (requests)**',
    (r) =>
      typeof r.firstVisit !== 'object'
        ? '—'
        : `**${mib(r.firstVisit.bytes)}** (${r.firstVisit.requests})`,
  ],
  [
    'save the atlas (English): files, bytes sent, time',
    (r) =>
      typeof r.fullSave !== 'object'
        ? '—'
        : `${r.fullSave.files} files, ${mib(r.fullSave.bytes)}, ${s(r.fullSave.seconds)}`,
  ],
  ['Lighthouse home (perf / a11y / best pr. / SEO · CLS · LCP · TBT)', lh('home')],
  ['Lighthouse source page', lh('source')],
  ['Lighthouse map', lh('map')],
  ['Lighthouse map, Chinese', lh('map-zh')],
  ['Lighthouse search', lh('search')],
  ['Lighthouse evidence map', lh('evidence-map')],
];

export function toMarkdown(result: BenchResult): string {
  const sizes = Object.keys(result.sizes);
  const head = `| measure | ${sizes.map((n) => `${n} sources`).join(' | ')} |`;
  const rule = `| --- | ${sizes.map(() => '---').join(' | ')} |`;
  const rows = ROWS.map(
    ([label, f]) =>
      `| ${label} | ${sizes.map((n) => f(result.sizes[n] as SizeResult)).join(' | ')} |`,
  );
  const notes = sizes.flatMap((n) => {
    const r = result.sizes[n] as SizeResult;
    return [r.search, r.mapIdleMs, r.evidenceMap, r.lighthouse, r.firstVisit, r.fullSave]
      .filter((v): v is string => typeof v === 'string')
      .map((v) => `- ${n} sources: ${v}`);
  });
  return [
    `Benchmark of ${result.date} on ${result.machine.cpus} × ${result.machine.model}, Node ${result.machine.node}.`,
    '',
    head,
    rule,
    ...rows,
    '',
    ...notes,
    '',
  ].join('\n');
}
