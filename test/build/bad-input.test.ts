/**
 * The bad-input corpus (test/fixtures/bad-input/, one case per folder, see
 * test/support/bad-input.ts) through real builds. Every case is checked
 * in-process against the build's validators by test/unit/bad-input.test.ts;
 * here one broken content entry and one broken map definition prove that the
 * build runs those validators and fails, and each payload case is built and
 * rendered as text.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../support/astro';
import { assemble, corpus } from '../support/bad-input';
import { read } from '../support/dist';
import { parseHtml } from '../support/html';

const cases = corpus();
const OUT = '.cache/bad-input-dist';
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** One case of each kind runs end to end: a content entry, a map definition. */
const END_TO_END = ['dangling-reference', 'geo-unknown-iso3'];

describe('the bad-input corpus, built for real', () => {
  for (const c of cases.filter((x) => x.fails && END_TO_END.includes(x.name))) {
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
