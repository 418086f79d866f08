import { describe, expect, it } from 'vitest';
import { indexTag } from '../../src/lib/search/bundle';
import { webManifest } from '../../src/lib/offline/manifest';
import {
  fileLanguage,
  filesFor,
  fileUrl,
  HASHED_PATH,
  RUNTIME_CACHES,
  savedKey,
  SHELL_PATTERNS,
  summarise,
  type SaveManifest,
} from '../../src/lib/offline/precache';
import { plan, type SavedHashes } from '../../src/lib/browser/offline-save';

describe('the service worker configuration', () => {
  it('precaches the shell only: no source page, no index chunk, no citation', () => {
    const shell = SHELL_PATTERNS.join(' ');
    for (const part of ['_astro/', 'geo/', 'pagefind/pagefind.js', '*.pf_meta', 'offline/'])
      expect(shell).toContain(part);
    for (const part of ['sources/', 'fragment', 'pf_index', 'cite/', '**/*.html'])
      expect(shell).not.toContain(part);
  });

  it('knows which names carry their content hash', () => {
    for (const path of [
      '_astro/engine.8qRUISz9.js',
      'pagefind/fragment/en_1a2b3c.pf_fragment',
      'pagefind/index/zh-cn_9f.pf_index',
      'pagefind/filter/en_77.pf_filter',
      'pagefind/pagefind.en_5579b9d3d0.pf_meta',
    ])
      expect(HASHED_PATH.test(path), path).toBe(true);
    for (const path of ['sources/x/', 'pagefind/pagefind.js', 'cite/x.bib', 'geo/land.geojson'])
      expect(HASHED_PATH.test(path), path).toBe(false);
  });

  it('bounds every cache filled as pages are read', () => {
    for (const cache of Object.values(RUNTIME_CACHES)) {
      expect(cache.maxEntries).toBeGreaterThan(0);
      expect(cache.maxAgeSeconds).toBeGreaterThan(0);
    }
  });
});

describe('the save manifest', () => {
  it('sorts files by language: pages, index parts, strings', () => {
    expect(fileLanguage('sources/x/index.html')).toBe('en');
    expect(fileLanguage('zh/sources/x/index.html')).toBe('zh');
    expect(fileLanguage('pagefind/fragment/en_1.pf_fragment')).toBe('en');
    expect(fileLanguage('pagefind/index/zh-cn_1.pf_index')).toBe('zh');
    expect(fileLanguage('strings.json')).toBe('en');
    expect(fileLanguage('cite/x.bib')).toBeNull();
    expect(fileLanguage('_astro/a.js')).toBeNull();
  });

  it('names pages by their folder, as readers ask for them', () => {
    expect(fileUrl('index.html')).toBe('');
    expect(fileUrl('zh/sources/x/index.html')).toBe('zh/sources/x/');
    expect(fileUrl('cite/x.bib')).toBe('cite/x.bib');
    expect(savedKey('/atlas/sources/x/index.html')).toBe('/atlas/sources/x/');
    expect(savedKey('/atlas/sources/x/')).toBe('/atlas/sources/x/');
  });

  const manifest: SaveManifest = {
    version: 'v2',
    files: {
      en: [
        ['', 10, 'h1'],
        ['glossary/', 20, 'h2-new'],
      ],
      zh: [['zh/', 30, 'z1']],
      shared: [['cite/a.bib', 5, 'c1']],
    },
  };

  it('sums each language with the shared files', () => {
    const summary = summarise(manifest);
    expect(summary.langs.en).toEqual({ files: 3, bytes: 35 });
    expect(summary.langs.zh).toEqual({ files: 2, bytes: 35 });
    expect(summary.all).toEqual({ files: 4, bytes: 65 });
    expect(filesFor(manifest, ['zh']).map((f) => f[0])).toEqual(['cite/a.bib', 'zh/']);
  });

  it('fetches only what changed or is missing, and drops what is no longer wanted', () => {
    const stored: SavedHashes = { '': 'h1', 'glossary/': 'h2-old', 'zh/': 'z1', 'gone/': 'g' };
    const { todo, stale } = plan(manifest, ['en'], stored);
    expect(todo.map((f) => f[0])).toEqual(['cite/a.bib', 'glossary/']);
    expect(stale.sort()).toEqual(['gone/', 'zh/']);
    expect(plan(manifest, ['en'], undefined).todo).toHaveLength(3);
  });
});

describe('the index cache tag', () => {
  it('changes with the index and only with it', () => {
    const entry = '{"version":"1.6.0","languages":{"en":{"hash":"en_1"}}}';
    expect(indexTag(entry)).toBe(indexTag(entry));
    expect(indexTag(entry)).not.toBe(indexTag(entry.replace('en_1', 'en_2')));
    expect(indexTag(entry)).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('the web app manifest', () => {
  const text = { name: 'Atlas', shortName: 'Atlas', description: 'd' };

  it('is scoped to the base path and starts at the language home', () => {
    const zh = webManifest('zh', '/atlas', text);
    expect(zh.scope).toBe('/atlas/');
    expect(zh.start_url).toBe('/atlas/zh/');
    expect(zh.id).toBe('/atlas/');
    expect(zh.icons.map((i) => i.src)).toEqual(['/atlas/icons/192.png', '/atlas/icons/512.png']);
  });
});
