/**
 * The bad-input corpus (test/fixtures/bad-input/, one case per folder, see
 * test/support/bad-input.ts): each broken input fails with a line naming the
 * file and the field; each payload is rendered as text. Content cases run
 * the build's validator in process (milliseconds each); map cases, payloads
 * and the cases marked `build` run the real build, which proves the wiring.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../support/astro';
import { validateContent } from '../../src/lib/content/validate';
import { assemble, corpus } from '../support/bad-input';
import { read } from '../support/dist';
import { parseHtml } from '../support/html';

const cases = corpus();
const OUT = '.cache/bad-input-dist';
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('the bad-input corpus', () => {
  it('has at least 15 cases, each saying what must happen', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const c of cases)
      expect(Boolean(c.fails?.length) !== Boolean(c.renders), c.name).toBe(true);
  });

  it('builds at least one content case for real', () => {
    expect(cases.some((c) => c.fails && !c.geo && c.build)).toBe(true);
  });

  for (const c of cases.filter((x) => x.fails && !x.geo)) {
    it(`refuses ${c.name} before the build: ${c.description}`, () => {
      const { root, content } = assemble(c.name);
      const { problems } = validateContent(content);
      for (const line of c.fails ?? []) {
        expect(
          problems.some((p) => p.startsWith(`${root}/${line}`)),
          `${line}\nnot among:\n${problems.join('\n')}`,
        ).toBe(true);
      }
    });
  }

  for (const c of cases.filter((x) => x.fails && (x.geo || x.build))) {
    it(`fails the build on ${c.name}: ${c.description}`, () => {
      const { root, content, geo } = assemble(c.name);
      const { status, output } = astroBuild(join(OUT, c.name), {
        ATLAS_CONTENT_DIR: content,
        ATLAS_GEO_DIR: geo,
      });
      expect(status, output).not.toBe(0);
      for (const line of c.fails ?? []) expect(output).toContain(`${root}/${line}`);
    });
  }

  for (const c of cases.filter((x) => x.renders)) {
    it(`renders ${c.name} as literal text: ${c.description}`, () => {
      const { content, geo } = assemble(c.name);
      const dir = join(OUT, c.name);
      const { status, output } = astroBuild(dir, {
        ATLAS_CONTENT_DIR: content,
        ATLAS_GEO_DIR: geo,
      });
      expect(status, output).toBe(0);
      const pages = (c.renders?.pages ?? []).map((file) => ({
        file,
        ...parseHtml(read(file, dir)),
      }));
      const executable: string[] = [];
      for (const { file, elements } of pages) {
        for (const e of elements) {
          if (
            e.name === 'script' &&
            e.attrs['src'] === undefined &&
            e.attrs['type'] !== 'application/ld+json'
          )
            executable.push(`${file}: inline <script>`);
          if (e.name === 'img' && e.attrs['src'] === 'x')
            executable.push(`${file}: injected <img>`);
          for (const name of Object.keys(e.attrs)) {
            if (name.startsWith('on')) executable.push(`${file}: ${name} on <${e.name}>`);
          }
        }
      }
      expect(executable).toEqual([]);
      for (const payload of c.renders?.text ?? []) {
        expect(
          pages.some((p) => p.text.includes(payload)),
          `"${payload}" shown as text on one of ${c.renders?.pages.join(', ')}`,
        ).toBe(true);
      }
    });
  }
});
