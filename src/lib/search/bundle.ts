/** Facts about the Pagefind bundle the build writes to `pagefind/`. */
import { createHash } from 'node:crypto';

/**
 * Written into the search page at render time and replaced, once the index
 * exists, by the index's cache tag (see `src/integrations/pagefind.ts`).
 */
export const INDEX_TAG_PLACEHOLDER = '__ATLAS_PAGEFIND_INDEX_TAG__';

/**
 * Pagefind's `metaCacheTag`: a short hash of `pagefind-entry.json`, which
 * names the content hash of every language's index. It changes exactly when
 * the index changes, so a cached search page always asks for its own index.
 */
export function indexTag(entryJson: Uint8Array | string): string {
  return createHash('sha256').update(entryJson).digest('hex').slice(0, 12);
}

/**
 * The pages searched: sources, initiatives, regions and the glossary, in both
 * languages. Within them Pagefind reads only `data-pagefind-body`.
 */
export const INDEXED_PAGES =
  '{sources/*,initiatives/*,regions/*,glossary,zh/sources/*,zh/initiatives/*,zh/regions/*,zh/glossary}/index.html';

/** Pagefind's prebuilt UIs: the atlas uses the JS API, so they are not shipped. */
export const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
] as const;
