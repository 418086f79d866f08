import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  HEADER_CSP,
  META_CSP,
  parseCsp,
  parseHeadersFile,
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

  it('is written out, line for line, in public/_headers', () => {
    const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
    expect([...rules.keys()]).toEqual(['/*']);
    expect(rules.get('/*')).toEqual(SECURITY_HEADERS);
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
