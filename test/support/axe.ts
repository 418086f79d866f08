/**
 * axe-core in the browser tests, one way: the rules the atlas holds itself
 * to, the suppressions (each with its reason), the script that loads axe into
 * every page of a context, and the audit of the page as it is now.
 */
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices; plus
 * axe's experimental rules, which include label-in-name (WCAG 2.5.3), as
 * Lighthouse runs them.
 */
const TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22a',
  'wcag22aa',
  'best-practice',
  'experimental',
];

/**
 * Suppressions: each with the reason and an upstream link. Empty today; add
 * `{ rule, selector, reason, link }` only for a false positive or a
 * third-party widget that cannot be fixed here.
 */
const SUPPRESSIONS: { rule: string; selector: string; reason: string; link: string }[] = [];

/** The init script that puts axe-core into every page (`context.addInitScript(AXE_SCRIPT)`). */
export const AXE_SCRIPT = { path: createRequire(import.meta.url).resolve('axe-core') };

/** What the page sees of axe-core, loaded by the init script. */
type InPage = { axe: { run: (context: unknown, options: RunOptions) => Promise<AxeResults> } };

/** The violations on the page as it is now, one line per element: "rule (impact): target — why". */
export async function audit(page: Page): Promise<string[]> {
  const context = { exclude: SUPPRESSIONS.map((s) => s.selector) };
  const options: RunOptions = {
    runOnly: { type: 'tag', values: TAGS },
    resultTypes: ['violations'],
  };
  const results = await page.evaluate(([c, o]) => (window as unknown as InPage).axe.run(c, o), [
    context,
    options,
  ] as const);
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`,
    ),
  );
}
