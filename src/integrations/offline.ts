/**
 * Astro integration: writes the service worker (Workbox `generateSW`) once
 * everything else is built, Pagefind's index included; it must come after
 * `pagefindIntegration` in the config. A warning from Workbox (a file too
 * large to precache, say) fails the build: the atlas would not be whole offline.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { serviceWorkerOptions } from '../lib/offline/precache';

export function offlineIntegration(): AstroIntegration {
  return {
    name: 'atlas:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, warnings } = await generateSW(
          serviceWorkerOptions(fileURLToPath(dir)),
        );
        if (warnings.length > 0) {
          throw new Error(`Service worker: ${warnings.map((w) => `\n  - ${w}`).join('')}`);
        }
        logger.info(`precaching ${count} files, ${(size / 1024 / 1024).toFixed(2)} MiB`);
      },
    },
  };
}
