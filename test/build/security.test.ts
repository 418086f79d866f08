import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  HEADER_CSP,
  META_CSP,
  parseCsp,
  parseHeadersFile,
  SECURITY_HEADERS,
} from '../../src/lib/security/headers';
import { DIST, htmlPages, read } from '../support/dist';
import { parseHtml } from '../support/html';

const pages = htmlPages().map((file) => ({ file, ...parseHtml(read(file)) }));
/**
 * The one script type allowed inline: schema.org JSON-LD, a data block that
 * browsers never execute (outside the CSP's reach). Any other inline type fails.
 */
const DATA_SCRIPT_TYPES = new Set(['application/ld+json']);

describe('the Content Security Policy', () => {
  it('allows neither inline script nor eval (only WebAssembly compilation, for Pagefind)', () => {
    const policy = parseCsp(HEADER_CSP);
    for (const directive of ['default-src', 'script-src', 'style-src']) {
      const sources = policy.get(directive) ?? [];
      expect(sources, directive).not.toContain("'unsafe-inline'");
      expect(sources, directive).not.toContain("'unsafe-eval'");
      expect(sources, directive).not.toContain("'unsafe-hashes'");
      expect(sources, directive).not.toContain('*');
    }
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is in a meta tag on every page, before any script or stylesheet', () => {
    expect(pages.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const { file, elements } of pages) {
      const metas = elements.filter(
        (e) =>
          e.name === 'meta' && e.attrs['http-equiv']?.toLowerCase() === 'content-security-policy',
      );
      if (metas.length !== 1 || metas[0]?.attrs['content'] !== META_CSP) {
        wrong.push(`${file}: expected one CSP meta tag with the policy of headers.ts`);
        continue;
      }
      const at = elements.indexOf(metas[0]);
      const early = elements.findIndex(
        (e) => e.name === 'script' || (e.name === 'link' && e.attrs['rel'] === 'stylesheet'),
      );
      if (early !== -1 && early < at) wrong.push(`${file}: CSP meta comes after a script or style`);
    }
    expect(wrong).toEqual([]);
  });

  it('is what _headers sends, with frame-ancestors only in the header', () => {
    expect(existsSync(`${DIST}/_headers`), 'dist/_headers (written by the build)').toBe(true);
    const rules = parseHeadersFile(read('_headers'));
    const all = rules.get('/*');
    expect(all, '_headers needs a "/*" block').toBeDefined();
    expect(all).toEqual(SECURITY_HEADERS);
    const header = parseCsp(all?.['Content-Security-Policy'] ?? '');
    header.delete('frame-ancestors');
    expect(header).toEqual(parseCsp(META_CSP));
  });

  it('tells hosts to revalidate the service worker and the index entry, which name no build', () => {
    const rules = parseHeadersFile(read('_headers'));
    expect(existsSync(`${DIST}/sw.js`)).toBe(true);
    expect(rules.get('/sw.js')?.['Cache-Control']).toBe('no-cache');
    expect(existsSync(`${DIST}/pagefind/pagefind-entry.json`)).toBe(true);
    expect(rules.get('/pagefind/pagefind-entry.json')?.['Cache-Control']).toBe('no-cache');
  });

  it('sends HSTS, nosniff, a referrer policy and a permissions policy', () => {
    const all = parseHeadersFile(read('_headers')).get('/*') ?? {};
    expect(all['Strict-Transport-Security']).toMatch(/max-age=\d{7,}/);
    expect(all['X-Content-Type-Options']).toBe('nosniff');
    expect(all['Referrer-Policy']).toMatch(/\S/);
    expect(all['Permissions-Policy']).toMatch(/camera=\(\)/);
  });
});

describe('every page, under that policy', () => {
  it('has no inline script: every script is a file (or a data block)', () => {
    const inline: string[] = [];
    for (const { file, elements } of pages) {
      for (const e of elements.filter((el) => el.name === 'script')) {
        const type = e.attrs['type']?.toLowerCase() ?? '';
        if (e.attrs['src'] === undefined && !DATA_SCRIPT_TYPES.has(type)) {
          inline.push(`${file}:${e.line}: inline <script${type ? ` type="${type}"` : ''}>`);
        }
      }
    }
    expect(inline).toEqual([]);
  });

  it('has JSON-LD blocks that are JSON with no markup characters, so no text can end them', () => {
    const blocks = pages.flatMap(({ file, elements }) =>
      elements
        .filter((e) => e.name === 'script' && e.attrs['type'] === 'application/ld+json')
        .map((e) => ({ file, text: e.text })),
    );
    expect(blocks.length).toBeGreaterThan(0);
    for (const { file, text } of blocks) {
      expect(text, file).not.toMatch(/[<>&]/);
      expect(() => JSON.parse(text) as unknown, file).not.toThrow();
    }
  });

  it('has no inline style, event handler or javascript: URL', () => {
    const found: string[] = [];
    for (const { file, elements } of pages) {
      for (const e of elements) {
        if (e.name === 'style') found.push(`${file}:${e.line}: <style> element`);
        for (const [name, value] of Object.entries(e.attrs)) {
          if (name === 'style') found.push(`${file}:${e.line}: style="" on <${e.name}>`);
          if (/^on/.test(name)) found.push(`${file}:${e.line}: ${name}="" on <${e.name}>`);
          if (/^\s*javascript:/i.test(value))
            found.push(`${file}:${e.line}: javascript: URL in ${name}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('opens external links with rel="noopener noreferrer"', () => {
    const missing: string[] = [];
    let external = 0;
    for (const { file, elements } of pages) {
      for (const e of elements) {
        if (e.name !== 'a' || !/^(https?:)?\/\//i.test(e.attrs['href'] ?? '')) continue;
        external++;
        const rel = (e.attrs['rel'] ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) {
          missing.push(`${file}:${e.line}: ${e.attrs['href']}`);
        }
      }
    }
    expect(external).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
