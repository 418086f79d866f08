/**
 * The atlas's release: its version (package.json's) and the date it was
 * released. The footer, `datapackage.json`, "How to cite the atlas",
 * `CITATION.cff` and the top release of `CHANGELOG.md` all say the same; the
 * tests check the last two against this module.
 */
import pkg from '../../package.json';

export const RELEASE = {
  /** Semantic version of the release. */
  version: pkg.version,
  /** Date of the release (YYYY-MM-DD). */
  date: '2026-12-01',
} as const;

/** The atlas's name as a citation gives it. */
export const ATLAS_TITLE = 'DLDD–Migration Evidence Atlas';

/**
 * When this build was made: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds
 * convention) if set, so that a tag's downloads can be rebuilt byte for byte,
 * else now.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}
