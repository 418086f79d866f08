/**
 * Content collections. Entries live in the top-level `content/` folder
 * (not Astro's default `src/content/`); schemas live in `src/schemas/`.
 * Cross-entry rules (dangling links, duplicate ids, figures without a
 * locator) are checked before the build by `src/integrations/validate-content.ts`.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { makeGlossarySchema } from './schemas/glossary';
import { makeInitiativeSchema } from './schemas/initiatives';
import { makeRegionSchema } from './schemas/regions';
import { pageSchema } from './schemas/pages';
import { makeSourceSchema } from './schemas/sources';

/** Content folder; tests point it at fixtures (see astro.config.mjs). */
const contentDir = process.env['ATLAS_CONTENT_DIR'] ?? 'content';
const ref = reference;
const entries = (name: string) => glob({ pattern: '*.md', base: `./${contentDir}/${name}` });

export const collections = {
  sources: defineCollection({ loader: entries('sources'), schema: makeSourceSchema(ref) }),
  initiatives: defineCollection({
    loader: entries('initiatives'),
    schema: makeInitiativeSchema(ref),
  }),
  regions: defineCollection({ loader: entries('regions'), schema: makeRegionSchema(ref) }),
  glossary: defineCollection({ loader: entries('glossary'), schema: makeGlossarySchema(ref) }),
  /** Prose pages, one file per language: `content/pages/<lang>/<page>.md`. */
  pages: defineCollection({
    loader: glob({ pattern: '*/*.md', base: `./${contentDir}/pages` }),
    schema: pageSchema,
  }),
};
