import { describe, expect, it } from 'vitest';
import { parseMapState, serializeMapState } from '../../src/lib/map/state';
import { themeIds } from '../../src/schemas/common';
import { sourceTypes } from '../../src/schemas/sources';
import { fileFor, htmlPages, listFiles, read } from '../support/dist';
import { parseHtml, servedPath, type ParsedPage } from '../support/html';

/** The origin the default build writes into canonical and alternate links. */
const SITE = 'http://localhost:4321';
/** Attributes that hold a URL the browser follows or loads. */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  form: ['action'],
  object: ['data'],
};

const pages = new Map<string, ParsedPage>(htmlPages().map((file) => [file, parseHtml(read(file))]));

interface Link {
  page: string;
  line: number;
  url: string;
}

/** Every internal URL on every page (same origin, or the site's own absolute URL). */
function internalLinks(): Link[] {
  const links: Link[] = [];
  for (const [page, { elements }] of pages) {
    for (const e of elements) {
      for (const attr of URL_ATTRS[e.name] ?? []) {
        const value = e.attrs[attr];
        if (value === undefined) continue;
        if (/^(mailto:|tel:|data:|blob:)/i.test(value)) continue;
        if (/^(https?:)?\/\//i.test(value) && !value.startsWith(SITE)) continue;
        links.push({ page, line: e.line, url: value });
      }
      if (e.attrs['srcset']) {
        for (const candidate of e.attrs['srcset'].split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url && !/^(https?:|data:)/.test(url)) links.push({ page, line: e.line, url });
        }
      }
    }
  }
  return links;
}

const links = internalLinks();

/** Ids of the features on the map, from the built layers. */
const featureIds = new Set(
  listFiles()
    .filter((f) => /^geo\/[a-z]+\.geojson$/.test(f))
    .flatMap((f) => (JSON.parse(read(f)) as { features: { id?: unknown }[] }).features)
    .map((f) => String(f.id)),
);

/**
 * A map link's fragment is the map's state (`#select=region:sahel&…`), not an
 * element id: every part must be understood by the map (nothing dropped) and
 * name a feature or a source that exists. Returns what is wrong, if anything.
 */
function mapStateProblem(hash: string): string | undefined {
  const state = parseMapState(hash, { themes: themeIds, types: sourceTypes });
  if (serializeMapState(state) !== hash) return `the map does not understand all of "${hash}"`;
  if (state.select && !featureIds.has(state.select)) return `no map feature "${state.select}"`;
  if (state.source && !fileFor(`/sources/${state.source}/`)) return `no source "${state.source}"`;
  return undefined;
}

describe('internal links', () => {
  it('are found on every page', () => {
    expect(pages.size).toBeGreaterThan(0);
    for (const page of pages.keys()) {
      expect(
        links.some((l) => l.page === page),
        page,
      ).toBe(true);
    }
  });

  it(`all resolve to a built file, and every #fragment to an id on it (${links.length} links)`, () => {
    const broken: string[] = [];
    for (const { page, line, url } of links) {
      const resolved = new URL(url, `${SITE}/${servedPath(page)}`);
      const target = fileFor(resolved.pathname);
      if (!target) {
        broken.push(`${page}:${line}: ${url} → no file for ${resolved.pathname}`);
        continue;
      }
      const fragment = decodeURIComponent(resolved.hash.slice(1));
      if (fragment === '' || !target.endsWith('.html')) continue;
      if (/^(zh\/)?map\/index\.html$/.test(target) && fragment.includes('=')) {
        const problem = mapStateProblem(resolved.hash);
        if (problem) broken.push(`${page}:${line}: ${url} → ${problem}`);
        continue;
      }
      const anchors = pages.get(target)?.anchors;
      if (!anchors?.has(fragment) && fragment !== 'top') {
        broken.push(`${page}:${line}: ${url} → no id "${fragment}" on ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
