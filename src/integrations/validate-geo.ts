/**
 * Astro integration: builds and validates the map layers before anything is
 * rendered, and fails the build with one line per problem:
 * `file: feature id: reason`. Runs after the content validation.
 */
import type { AstroIntegration } from 'astro';
import { getAtlasGeo } from '../lib/geo/build';

export function validateGeoIntegration(contentDir = 'content', geoDir = 'geo'): AstroIntegration {
  return {
    name: 'atlas:validate-geo',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const started = performance.now();
        const { catalogue } = getAtlasGeo({ contentDir, geoDir });
        const b = catalogue.budgets;
        logger.info(
          `map layers built in ${Math.round(performance.now() - started)} ms: thematic ${b.thematic_gzip} B gzip (budget ${b.thematic_gzip_max}), basemap ${b.basemap_gzip} B gzip (budget ${b.basemap_gzip_max})`,
        );
      },
    },
  };
}
