/**
 * States of the site a reader only reaches by interacting, which the audits
 * (axe, CSP) must also cover. Each `reach` drives the page there from the
 * language root URL (".../" or ".../zh/") and fails if it cannot.
 */
import type { Page } from 'playwright-core';

export interface InteractiveState {
  name: string;
  reach: (page: Page, root: string) => Promise<void>;
}

const isZh = (root: string) => root.endsWith('/zh/');

export const INTERACTIVE_STATES: InteractiveState[] = [
  {
    name: 'search results shown',
    reach: async (page, root) => {
      const query = isZh(root) ? '干旱' : 'drought';
      await page.goto(`${root}search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('[data-search][data-state="done"]', { timeout: 30_000 });
      if ((await page.locator('.result').count()) === 0) {
        throw new Error(`no search result for "${query}"`);
      }
    },
  },
  {
    name: 'the map panel open on a feature',
    reach: async (page, root) => {
      await page.goto(`${root}map/#select=region:central-asia`);
      await page.waitForFunction(
        () =>
          document.querySelector('[data-map-root]')?.getAttribute('data-map-status') === 'ready',
        undefined,
        { timeout: 30_000 },
      );
      await page.waitForFunction(
        () => !document.querySelector('#map-panel')?.hasAttribute('hidden'),
      );
    },
  },
  {
    name: 'the evidence map panel open on a cell',
    reach: async (page, root) => {
      await page.goto(`${root}evidence-map/`);
      await page.waitForFunction(
        () => document.querySelector('[data-em-root]')?.getAttribute('data-em-status') === 'ready',
        undefined,
        { timeout: 30_000 },
      );
      const cell = page
        .locator('[data-em-table="driver-region"] td:not([data-state="gap"])')
        .first();
      if ((await cell.count()) === 0) throw new Error('no evidence map cell with findings');
      await cell.click();
      await page.waitForFunction(() => {
        const list = document.querySelector('[data-em-list]');
        return list && !list.hasAttribute('aria-busy') && list.children.length > 0;
      });
    },
  },
];
