/**
 * The patterns of the atlas's identifiers, written once. Dependency-free, so
 * schemas, validators, browser readers and the data package all read them
 * here. The sources are kept exactly as they are: the data package's Table
 * Schema publishes them (`data/datapackage.json`).
 */

/** An entry id, which is also its file name: lower case letters and digits in hyphenated words ("central-asia"). */
export const ENTRY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An ISO 3166-1 alpha-3 country code, in capitals ("KAZ"); whether it exists is checked apart. */
export const ISO3 = /^[A-Z]{3}$/;

/** A pattern's body without its anchors, to compose into longer patterns ("pilot:<id>", "a;b"). */
export const unanchored = (re: RegExp): string => re.source.replace(/^\^|\$$/g, '');
