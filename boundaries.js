// Where code runs, written once: read by eslint.config.js (which enforces it)
// and by test/unit/boundaries.test.ts (which recomputes it from the imports).
//
// - src/lib/browser/: code that runs in the reader's browser.
// - BUILD_ONLY: modules that run only in the build, in Node or in Astro's
//   runtime, because they or what they import use `node:*` or `astro:*`.
// - Everything else in src/lib/ and src/schemas/ is shared: it runs in both,
//   so it may import neither Node, nor Astro's runtime, nor a build-only module.

/** Build-only modules, as paths under src/lib/ without `.ts`. */
export const BUILD_ONLY = [
  'citations-ahead',
  'cite-files',
  'content/cite-files',
  'content/data',
  'content/evidence-map',
  'content/store',
  'content/validate',
  'folder-memo',
  'geo/build',
  'geo/catalogue',
  'geo/content',
  'geo/definitions',
  'geo/gazetteer',
  'geo/layers/basemap',
  'geo/layers/context',
  'geo/layers/initiatives',
  'geo/layers/regions',
  'geo/layers/sites',
  'geo/natural-earth',
  'gzip',
  'map/data',
  'offline/build',
  'offline/hash',
  'pages-fs',
  'search/bundle',
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `no-restricted-imports` patterns for code that must not run Node or Astro's runtime. */
export const RUNS_IN_BROWSER_TOO = [
  {
    group: ['node:*', 'astro:*'],
    message: 'Browser and shared code may not use Node or Astro’s runtime (see boundaries.js).',
  },
  {
    regex: `(^|/)(${BUILD_ONLY.map(escape).join('|')})(\\.ts)?$`,
    allowTypeImports: true,
    message:
      'A build-only module (boundaries.js): browser and shared code may import its types only.',
  },
];
