/**
 * Astro integration: validates all content before anything is built, and
 * fails the build with one line per problem (file, field, what was expected).
 */
import type { AstroIntegration } from 'astro';
import { validateContent } from '../lib/content/validate';

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
        const { problems } = validateContent(root);
        if (problems.length > 0) throw new ContentError(problems);
      },
    },
  };
}
