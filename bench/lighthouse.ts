/**
 * Lighthouse (performance, accessibility, best practices, SEO) against the
 * local build, in the same Chromium as the browser tests, launched by
 * chrome-launcher. Lighthouse's default settings: mobile, simulated throttling.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browser.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
/**
 * Scores 0–100 per category, the page's cumulative layout shift (0 is none),
 * largest contentful paint and total blocking time (ms, simulated).
 */
export type Scores = Record<Category, number | null> & {
  cls: number | null;
  lcpMs?: number | null;
  tbtMs?: number | null;
};

/** Runs Lighthouse on each URL in turn, in one Chromium. */
export async function lighthouseScores(
  urls: Record<string, string>,
): Promise<Record<string, Scores>> {
  const { executablePath } = await findChromium();
  const chrome = await chromeLauncher.launch({
    chromePath: executablePath,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    logLevel: 'silent',
  });
  const out: Record<string, Scores> = {};
  try {
    for (const [name, url] of Object.entries(urls)) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { audits, categories, runtimeError } = result.lhr;
      if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.message}`);
      const cls = audits['cumulative-layout-shift']?.numericValue;
      const lcp = audits['largest-contentful-paint']?.numericValue;
      const tbt = audits['total-blocking-time']?.numericValue;
      out[name] = {
        ...(Object.fromEntries(
          CATEGORIES.map((c) => {
            const score = categories[c]?.score;
            return [c, typeof score === 'number' ? Math.round(score * 100) : null];
          }),
        ) as Record<Category, number | null>),
        cls: typeof cls === 'number' ? cls : null,
        lcpMs: typeof lcp === 'number' ? Math.round(lcp) : null,
        tbtMs: typeof tbt === 'number' ? Math.round(tbt) : null,
      };
    }
  } finally {
    chrome.kill();
  }
  return out;
}
