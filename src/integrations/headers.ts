/**
 * Astro integration: writes `_headers` (the security policy and caching rules
 * for hosts that read the file, Netlify and Cloudflare Pages) with paths under
 * the site's base, from `src/lib/security/headers.ts`.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { normaliseBase } from '../lib/paths';
import { headerRules, renderHeadersFile } from '../lib/security/headers';

export function headersIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'atlas:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const rules = headerRules(base);
        await writeFile(new URL('_headers', dir), renderHeadersFile(rules));
        logger.info(`_headers: ${rules.size} rules under ${base} in ${fileURLToPath(dir)}`);
      },
    },
  };
}
