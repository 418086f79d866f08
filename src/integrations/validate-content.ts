/**
 * Astro integration: validates all content and every UI dictionary before
 * anything is built, and fails the build with one line per problem (file,
 * field, what was expected; or the language and key of a missing UI string).
 */
import type { AstroIntegration } from 'astro';
import { missingTranslations } from '../i18n';
import { validatedContent } from '../lib/content/validate';

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid content: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ContentError';
  }
}

export function validateContentIntegration(root = 'content'): AstroIntegration {
  return {
    name: 'atlas:validate-content',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build' && command !== 'dev') return;
        const { problems } = validatedContent(root);
        const untranslated = missingTranslations().map(
          (key) => `src/i18n: missing or empty UI string ${key}`,
        );
        const all = [...problems, ...untranslated];
        if (all.length > 0) throw new ContentError(all);
      },
    },
  };
}
