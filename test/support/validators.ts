/**
 * Runs the checks the build runs before rendering — the content validator,
 * the UI dictionaries and the map layers — in this process, and returns
 * what the build would print. The bad-input corpus uses it so that each case
 * costs milliseconds instead of an `astro build`; one real build per kind of
 * failure (test/build/bad-input.test.ts) proves the integrations run them.
 */
import { missingTranslations } from '../../src/i18n';
import { validateContent } from '../../src/lib/content/validate';
import { buildAtlasGeo } from '../../src/lib/geo/build';

export function runValidators(contentDir: string, geoDir: string): { ok: boolean; output: string } {
  const { problems } = validateContent(contentDir);
  const untranslated = missingTranslations().map(
    (k) => `src/i18n: missing or empty UI string ${k}`,
  );
  const all = [...problems, ...untranslated];
  if (all.length > 0) return { ok: false, output: all.join('\n') };
  try {
    buildAtlasGeo({ contentDir, geoDir });
    return { ok: true, output: '' };
  } catch (error) {
    return { ok: false, output: error instanceof Error ? error.message : String(error) };
  }
}
