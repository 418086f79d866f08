/**
 * The benchmark runs in Node as it is (`node bench/run.ts`), with type
 * stripping and no bundler: every module it imports, the test support it
 * shares included, must load that way. (A support file importing a source
 * module with extensionless imports once broke `npm run bench` alone.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The project's own modules `bench/run.ts` imports, as paths from the project root. */
const MODULES = [...readFileSync('bench/run.ts', 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)].map(
  ([, path]) => new URL(path ?? '', new URL('bench/', `file://${process.cwd()}/`)).href,
);

describe('the benchmark modules', () => {
  it('load in plain Node', () => {
    expect(MODULES.length).toBeGreaterThan(3);
    const script = `for (const m of ${JSON.stringify(MODULES)}) await import(m);`;
    let failure = '';
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'pipe' });
    } catch (error) {
      failure = String((error as { stderr?: Buffer }).stderr ?? error);
    }
    expect(failure).toBe('');
  });
});
