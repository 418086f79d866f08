/**
 * Astro integration: builds the Pagefind index over the finished site.
 * Any error Pagefind reports fails the build (as Starlight does).
 *
 * After writing the bundle it removes Pagefind's prebuilt UIs (the atlas uses
 * the JS API, see `src/lib/browser/search/`), and stamps every page with the
 * index's cache tag, so that the search page and the header's search box ask
 * for exactly the index they were built with (Pagefind's `metaCacheTag`).
 * `pagesStamped()` gives the pages it rewrote, with their sizes and hashes, to
 * the offline integration, which would otherwise read them all again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { contentHash, type KnownFile } from '../lib/offline/hash';
import {
  INDEX_TAG_PLACEHOLDER,
  INDEXED_PAGES,
  indexTag,
  UNUSED_BUNDLE_FILES,
} from '../lib/search/bundle';

function fail(step: string, errors: readonly string[]): never {
  throw new Error(`Pagefind ${step} failed:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
}

/** The integration, and the pages it stamped (with their sizes and hashes) once it has. */
export type PagefindIntegration = AstroIntegration & {
  pagesStamped: () => Promise<readonly KnownFile[]>;
};

export function pagefindIntegration(): PagefindIntegration {
  const stamped: KnownFile[] = [];
  return {
    name: 'atlas:pagefind',
    // Its hook has run when the offline integration's runs: hooks run in turn.
    pagesStamped: () => Promise.resolve(stamped),
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const bundle = join(out, 'pagefind');
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) fail('start', errors);
          const added = await index.addDirectory({ path: out, glob: INDEXED_PAGES });
          if (added.errors.length > 0) fail('indexing', added.errors);
          if (added.page_count === 0) fail('indexing', ['no page has data-pagefind-body']);
          const written = await index.writeFiles({ outputPath: bundle });
          if (written.errors.length > 0) fail('writing', written.errors);
          logger.info(`indexed ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
        await Promise.all(UNUSED_BUNDLE_FILES.map((f) => rm(join(bundle, f), { force: true })));

        const tag = indexTag(await readFile(join(bundle, 'pagefind-entry.json')));
        const files = await readdir(out, { recursive: true });
        stamped.length = 0;
        for (const file of files.filter((f) => f.endsWith('.html'))) {
          // Synchronously, page after page: thousands of pages, where a promise each costs more than the write.
          const html = readFileSync(join(out, file), 'utf8');
          if (!html.includes(INDEX_TAG_PLACEHOLDER)) continue;
          const page = Buffer.from(html.replaceAll(INDEX_TAG_PLACEHOLDER, tag));
          writeFileSync(join(out, file), page);
          stamped.push([file.split(sep).join('/'), page.length, contentHash(page)]);
        }
        if (stamped.length === 0) fail('stamping', ['no page carries the index tag placeholder']);
        logger.info(`index tag ${tag} stamped on ${stamped.length} pages`);
      },
    },
  };
}
