import { describe, expect, it } from 'vitest';
import { indexTag } from '../../src/lib/search/bundle';
import { webManifest } from '../../src/lib/offline/manifest';
import { serviceWorkerOptions } from '../../src/lib/offline/precache';

describe('the service worker configuration', () => {
  const options = serviceWorkerOptions('/tmp/dist');

  it('writes the worker at the root of the build, so its scope is the base', () => {
    expect(options.swDest).toBe('/tmp/dist/sw.js');
    expect(options.globDirectory).toBe('/tmp/dist');
  });

  it('precaches pages, scripts, styles, GeoJSON, the Pagefind index and citations', () => {
    const pattern = options.globPatterns?.[0] ?? '';
    for (const ext of ['html', 'js', 'css', 'geojson', 'pf_fragment', 'pagefind', 'bib', 'ris'])
      expect(pattern).toContain(ext);
  });

  it('matches any query string to the cached file', () => {
    const ignore = options.ignoreURLParametersMatching ?? [];
    for (const param of ['q', 'ts', 'region'])
      expect(ignore.some((re) => re.test(param))).toBe(true);
  });

  it('waits for the reader before a new build takes over, and then drops the old files', () => {
    expect(options.skipWaiting).toBe(false);
    expect(options.cleanupOutdatedCaches).toBe(true);
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
