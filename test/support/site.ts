/**
 * For a browser test file: serves `dist/` and launches Chromium before its
 * tests, and closes both after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { serve, type StaticServer } from './server';

export interface ServedSite {
  readonly browser: Browser;
  readonly server: StaticServer;
}

export function servedSite(): ServedSite {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serve();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`servedSite: ${name} is not started yet`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'the browser');
    },
    get server() {
      return ready(server, 'the server');
    },
  };
}
