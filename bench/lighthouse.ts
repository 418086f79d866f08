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
export type Scores = Record<Category, number | null>;

/** Runs Lighthouse on each URL in turn, in one Chromium. Scores are 0–100. */
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
      const { categories, runtimeError } = result.lhr;
      if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.message}`);
      out[name] = Object.fromEntries(
        CATEGORIES.map((c) => {
          const score = categories[c]?.score;
          return [c, typeof score === 'number' ? Math.round(score * 100) : null];
        }),
      ) as Scores;
    }
  } finally {
    chrome.kill();
  }
  return out;
}
