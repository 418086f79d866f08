/**
 * The atlas's byte budgets, gzip, written once. The build (the geo
 * catalogue), the build tests, the benchmark and the README's testing table
 * all read them here; `test/unit/budgets.test.ts` checks the README against
 * this list. Each budget says what it measures and, where it was written
 * down, why it is what it is.
 */

const KB = 1024;
const MiB = 1024 * KB;

export interface Budget {
  /** The most bytes, gzip. */
  bytes: number;
  /** What is measured, as the README's table says it. */
  what: string;
  /** The test that holds it, when it is not `test/build/budgets.test.ts`. */
  test?: string;
  /** Why the number is what it is, where that was written down. */
  why?: string;
}

export const BUDGETS = {
  sourcePageHtml: {
    bytes: 16 * KB,
    what: "a source page's HTML",
    why: '15 KB until December 2026; each finding now carries its own citation (issue 15), and the COP 15 note’s 21 findings in Chinese came to 15.3 KB.',
  },
  evidenceMap: {
    bytes: 60 * KB,
    what: "the evidence map's own JS and data (what a plain page does not load)",
    test: 'test/build/evidence-map.test.ts',
    why: 'Its scripts that a plain page does not load (the header’s search box and offline status come with every page) and all of its data, every details chunk included, though a chunk is fetched only when a cell is opened.',
  },
  evidenceMapAtThousand: {
    bytes: 150 * KB,
    what: 'the same for 1,000 synthetic findings',
    test: 'test/build/evidence-map.test.ts',
  },
  precache: {
    bytes: 2.5 * MiB,
    what: "the service worker's first visit (the shell it precaches)",
    test: 'test/build/offline.test.ts',
    why: 'The offline issue’s limit, at any library size: only the shell is precached; pages, index chunks and citations are cached as they are read, and the whole atlas is saved only on request (`npm run bench` measures it at 1,000 and 5,000 sources).',
  },
  allCss: {
    bytes: 20 * KB,
    what: 'all CSS',
  },
  readingPageJs: {
    bytes: 35 * KB,
    what: 'JS loaded by a reading page before any interaction',
  },
  mapPageJs: {
    bytes: 470 * KB,
    what: "the map page's JS, MapLibre and its worker included",
    why: 'MapLibre and its worker included; MapLibre alone is about 280 KB gzip.',
  },
  thematicGeojson: {
    bytes: 150 * KB,
    what: 'thematic GeoJSON',
    why: 'All thematic layers together.',
  },
  basemap: {
    bytes: 250 * KB,
    what: 'basemap',
    why: 'Land and countries together.',
  },
} as const satisfies Record<string, Budget>;

/** A size as the README and the test names write it: "16 KB", "3.5 MiB". */
export function formatBudget(bytes: number): string {
  return bytes >= MiB ? `${+(bytes / MiB).toFixed(2)} MiB` : `${+(bytes / KB).toFixed(1)} KB`;
}

/** The README's "byte budgets" row, as generated from the list. */
export function budgetsReadmeText(): string {
  const parts = Object.values(BUDGETS).map(
    (b: Budget) => `${b.what} over ${formatBudget(b.bytes)}${b.test ? ` (\`${b.test}\`)` : ''}`,
  );
  return `gzip sizes over \`dist/\`: ${parts.join('; ')}`;
}
