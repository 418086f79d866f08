/**
 * A search lands on findings: each sub-result shows the finding's own words
 * (its text or its quotation, never the title of the document it was read in),
 * under a locator that names the document the locator belongs to. A
 * second-hand finding read in ICCD/COP(17)/8 is titled "ICCD/COP(17)/8 ¶10",
 * not "¶10", which would read as a paragraph of the source itself.
 */
import type { BrowserContext } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate';
import type { Locator } from '../../src/schemas/common';
import type { Finding } from '../../src/schemas/sources';
import { watchedPage, type PageWatch } from '../support/browser';
import { servedSite } from '../support/site';

const site = servedSite();
let context: BrowserContext | undefined;
let watch: PageWatch | undefined;
afterEach(async () => {
  if (watch) {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.otherOrigins).toEqual([]);
  }
  await context?.close();
  context = undefined;
  watch = undefined;
});

type Lang = 'en' | 'zh';
interface Source {
  symbol: string | undefined;
  findings: Map<string, Finding>;
}
const sources = new Map<string, Source>(
  validateContent()
    .entries.filter((e) => e.collection === 'sources')
    .map((e) => {
      const d = e.data as { bibliographic: { symbol?: string }; findings: Finding[] };
      return [
        e.id,
        { symbol: d.bibliographic.symbol, findings: new Map(d.findings.map((f) => [f.id, f])) },
      ];
    }),
);

/** How each language writes a locator, spelled out here independently of the site's code. */
function written(locator: Locator, lang: Lang): string {
  const ref = locator.label?.[lang] ?? locator.ref;
  const forms: Record<string, Record<Lang, string>> = {
    paragraph: { en: `¶${ref}`, zh: `第${ref}段` },
    footnote: { en: `footnote ${ref}`, zh: `脚注${ref}` },
    page: { en: `p. ${ref}`, zh: `第${ref}页` },
    criterion: { en: `criterion ${ref}`, zh: `标准${ref}` },
    abstract: { en: 'abstract', zh: '摘要' },
    table: { en: `table ${ref}`, zh: `表${ref}` },
    figure: { en: `figure ${ref}`, zh: `图${ref}` },
  };
  return forms[locator.kind]?.[lang] ?? ref;
}

const squeeze = (text: string) => text.replace(/\s+/g, '').replace(/…/g, '');

interface Match {
  locator: string;
  href: string;
  excerpt: string;
}

describe('search sub-results of findings', () => {
  it.each([
    ['en', 'drought', 'search/'],
    ['zh', '干旱', 'zh/search/'],
  ] as const)(
    '(%s) show, for "%s", each finding\'s own words under a locator naming its document',
    async (lang, query, path) => {
      context = await site.browser.newContext({ serviceWorkers: 'block' });
      const watched = await watchedPage(context, site.server.origin);
      watch = watched.watch;
      const page = watched.page;
      await page.goto(`${site.server.url}${path}?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('[data-search][data-state="done"]');
      // "Show more" appends a batch without changing the search state: wait for
      // the list to grow before asking again.
      while (await page.locator('[data-more]').isVisible()) {
        const shown = await page.locator('[data-results] > li').count();
        await page.locator('[data-more]').click();
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-results] > li').length > n,
          shown,
        );
      }
      const matches: Match[] = await page.locator('.result__matches li').evaluateAll((lis) =>
        lis.map((li) => ({
          locator: li.querySelector('a.result__locator')?.textContent ?? '',
          href: li.querySelector('a.result__locator')?.getAttribute('href') ?? '',
          excerpt: li.querySelector('.result__excerpt')?.textContent ?? '',
        })),
      );

      let findings = 0;
      let readElsewhere = 0;
      for (const match of matches) {
        const at = /\/sources\/([a-z0-9-]+)\/#finding-([a-z0-9-]+)$/.exec(match.href);
        if (!at) continue; // an initiative's target or a glossary term
        const [, sourceId = '', findingId = ''] = at;
        const finding = sources.get(sourceId)?.findings.get(findingId);
        expect(finding, match.href).toBeDefined();
        if (!finding) continue;
        findings += 1;
        // The excerpt is the finding's own words: its text, then its quotation.
        const own = squeeze(`${finding.text[lang]} “${finding.quote?.[lang] ?? ''}”`);
        expect(own, `${match.href}: "${match.excerpt}"`).toContain(squeeze(match.excerpt));
        expect(squeeze(match.excerpt).length, match.href).toBeGreaterThan(0);
        // The locator names the document it belongs to.
        const bare = written(finding.locator, lang);
        const via = finding.via?.source;
        if (finding.status === 'secondary' && via !== undefined && finding.locator.kind !== 'web') {
          const symbol = sources.get(via)?.symbol;
          expect(symbol, via).toBeDefined();
          expect(match.locator, match.href).toBe(
            bare.includes(symbol ?? '') ? bare : `${symbol} ${bare}`,
          );
          readElsewhere += 1;
        } else {
          expect(match.locator, match.href).toBe(bare);
        }
      }
      // The query reaches findings, and among them one read in another document.
      expect(findings).toBeGreaterThan(0);
      expect(readElsewhere).toBeGreaterThan(0);
    },
  );
});
