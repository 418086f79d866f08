import { describe, expect, it } from 'vitest';
import {
  HEADER_CSP,
  headerRules,
  META_CSP,
  parseCsp,
  parseHeadersFile,
  renderHeadersFile,
  SECURITY_HEADERS,
} from '../../src/lib/security/headers';

describe('the security policy', () => {
  it('keeps frame-ancestors out of the meta policy (browsers ignore it there)', () => {
    expect(parseCsp(META_CSP).has('frame-ancestors')).toBe(false);
    expect(parseCsp(HEADER_CSP).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows WebAssembly for Pagefind and blob: workers for MapLibre, nothing inline', () => {
    const policy = parseCsp(META_CSP);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('worker-src')).toContain('blob:');
    expect(META_CSP).not.toMatch(/'unsafe-(inline|eval|hashes)'/);
  });

  it('writes _headers that read back to the same rules, every path under the base', () => {
    for (const base of ['/', '/atlas/']) {
      const rules = headerRules(base);
      expect(parseHeadersFile(renderHeadersFile(rules))).toEqual(rules);
      expect([...rules.keys()].filter((path) => !path.startsWith(base))).toEqual([]);
      expect(rules.get(`${base}*`)).toEqual(SECURITY_HEADERS);
    }
  });

  it('never lets a host cache the service worker or the index entry, and caches hashed files for good', () => {
    const rules = headerRules('/');
    expect(rules.get('/sw.js')).toEqual({ 'Cache-Control': 'no-cache' });
    expect(rules.get('/pagefind/pagefind-entry.json')).toEqual({ 'Cache-Control': 'no-cache' });
    expect(rules.get('/_astro/*')?.['Cache-Control']).toMatch(/immutable/);
  });
});

describe('parseHeadersFile', () => {
  it('reads path blocks of indented headers, skipping comments', () => {
    const text = '# c\n/*\n  A: 1\n  B: x: y\n/docs/*\n  C: 2\n';
    expect(parseHeadersFile(text)).toEqual(
      new Map([
        ['/*', { A: '1', B: 'x: y' }],
        ['/docs/*', { C: '2' }],
      ]),
    );
  });

  it('refuses a header outside any path block', () => {
    expect(() => parseHeadersFile('  A: 1\n')).toThrow(/cannot read line "A: 1"/);
  });
});
