/**
 * The locale of each language. Dependency-free (the type import is erased),
 * so browser bundles may import it (see `paths.ts`).
 */
import type { Lang } from '../schemas/common';

/** The value of `<html lang>`, and the Intl locale, of each language. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };
