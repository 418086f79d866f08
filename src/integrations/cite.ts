/**
 * Astro integration: writes the citation files under `cite/` (BibTeX, RIS and
 * CSL-JSON for each source, the library, each subset and each finding) from
 * the list the build rendered, then removes the list. Before Pagefind and the
 * service worker, which list the files of the site.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CITE_LIST, writeCiteFiles, type CiteFile } from '../lib/cite-files';

export function citeIntegration(): AstroIntegration {
  return {
    name: 'atlas:cite',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const list = join(out, CITE_LIST);
        const files = JSON.parse(readFileSync(list, 'utf8')) as CiteFile[];
        const start = performance.now();
        const written = writeCiteFiles(out, files);
        rmSync(list);
        logger.info(
          `${written} citation files (${files.length} records or sets, 3 formats) in ${Math.round(performance.now() - start)} ms`,
        );
      },
    },
  };
}
