/**
 * Astro integration: writes the offline files once everything else is built,
 * Pagefind's index included (it must come after `pagefindIntegration` in the
 * config) and the files of the integrations it is given to wait for (the
 * citation files, `cite.ts`, hashed as they were written): the save manifest
 * and its summary, and the service worker, which
 * precaches the shell only (`src/lib/offline/`). A warning from Workbox (a
 * shell file too large to precache, say) fails the build.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeOfflineFiles } from '../lib/offline/build';
import type { KnownFile } from '../lib/offline/hash';
import { SAVE_LANGS } from '../lib/offline/precache';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/**
 * `waitFor`: the files other integrations write after the pages, each a
 * promise of the files written, with their sizes and hashes (the manifest
 * takes them as known instead of reading them again).
 */
export function offlineIntegration(
  waitFor: readonly (() => Promise<readonly KnownFile[]>)[] = [],
): AstroIntegration {
  return {
    name: 'atlas:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const known = (await Promise.all(waitFor.map((files) => files()))).flat();
        const { precached, save } = await writeOfflineFiles(fileURLToPath(dir), known);
        logger.info(`precaching the shell: ${precached.count} files, ${mib(precached.bytes)}`);
        const files = SAVE_LANGS.map((l) => `${save.files[l].length} ${l}`).join(', ');
        logger.info(`the save lists ${files} and ${save.files.shared.length} shared files`);
      },
    },
  };
}
