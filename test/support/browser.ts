/**
 * Finds and launches a real headless Chromium for the browser tests.
 *
 * Order: `CHROMIUM_PATH`; a system Chromium or Chrome; the Chromium shipped
 * inside the `@sparticuz/chromium` npm package (Linux x64, installed by
 * `npm ci`). If none is found the tests fail with a message saying how to get
 * one: they never skip. WebGL runs on SwiftShader.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const NO_BROWSER_MESSAGE = [
  'No Chromium found for the browser tests. Any one of these works:',
  '  - set CHROMIUM_PATH=/path/to/chromium',
  '  - install a system Chromium (Debian/Ubuntu: `sudo apt-get install chromium`)',
  '  - on Linux x64, run `npm ci` so the @sparticuz/chromium package provides one',
].join('\n');

export interface FoundBrowser {
  executablePath: string;
  origin: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

export async function findChromium(): Promise<FoundBrowser> {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.\n${NO_BROWSER_MESSAGE}`);
    return { executablePath: fromEnv, origin: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return { executablePath: system, origin: 'system' };
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      const { default: sparticuz } = await import('@sparticuz/chromium');
      return { executablePath: await sparticuz.executablePath(), origin: '@sparticuz/chromium' };
    } catch (error) {
      throw new Error(`${NO_BROWSER_MESSAGE}\n(@sparticuz/chromium failed: ${String(error)})`, {
        cause: error,
      });
    }
  }
  throw new Error(NO_BROWSER_MESSAGE);
}

/** Flags for a quiet, sandbox-free headless Chromium with software WebGL. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--enable-webgl',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

export async function launchChromium(): Promise<Browser> {
  const { executablePath } = await findChromium();
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A browser with a profile on disk in `userDataDir`, as a reader's browser is.
 * `browser.newContext()` is an incognito-like context, and some Chromium
 * builds (Debian's) refuse to call a page installable there (`in-incognito`).
 */
export async function launchPersistentChromium(userDataDir: string): Promise<BrowserContext> {
  const { executablePath } = await findChromium();
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** What a page did that a test may want to fail on. */
export interface PageWatch {
  consoleErrors: string[];
  otherOrigins: string[];
}

/**
 * Opens a page that records console errors, uncaught exceptions and every
 * request to an origin other than `origin`. Such requests are also aborted,
 * so a test run never reaches the network.
 */
export async function watchedPage(
  context: BrowserContext,
  origin: string,
): Promise<{ page: Page; watch: PageWatch }> {
  const watch: PageWatch = { consoleErrors: [], otherOrigins: [] };
  await context.route(
    (url) => !['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin,
    async (route) => {
      watch.otherOrigins.push(route.request().url());
      await route.abort();
    },
  );
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(String(error)));
  return { page, watch };
}
