/**
 * The bad-input corpus (test/fixtures/bad-input/, one case per folder, see
 * test/support/bad-input.ts), run in-process through the same validators the
 * build runs first: every broken input is refused with a line naming the file
 * and the field, and every good case that is there to be rendered passes
 * them. test/build/bad-input.test.ts proves with real builds that the build
 * runs these validators and renders payloads as text.
 */
import { describe, expect, it } from 'vitest';
import { assemble, corpus } from '../support/bad-input';
import { runValidators } from '../support/validators';

const cases = corpus();

describe('the bad-input corpus, through the build validators', () => {
  it('has at least 15 cases, each saying what must happen', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const c of cases)
      expect(Boolean(c.fails?.length) !== Boolean(c.renders), c.name).toBe(true);
  });

  for (const c of cases.filter((x) => x.fails)) {
    it(`refuses ${c.name}: ${c.description}`, () => {
      const { root, content, geo } = assemble(c.name);
      const { ok, output } = runValidators(content, geo);
      expect(ok, output).toBe(false);
      for (const line of c.fails ?? []) expect(output).toContain(`${root}/${line}`);
    });
  }

  for (const c of cases.filter((x) => x.renders)) {
    it(`accepts ${c.name}, to be rendered as text: ${c.description}`, () => {
      const { content, geo } = assemble(c.name);
      const { ok, output } = runValidators(content, geo);
      expect(ok, output).toBe(true);
    });
  }
});
