/**
 * The ids of the map: feature ids in layer files and in the URL, and the
 * entry ids (sources, initiatives, regions) features refer to. Browser-safe
 * and dependency-free: the map's URL state and the evidence map import only
 * this, not the feature contract. The entry-id pattern is the atlas's one
 * (`src/lib/ids.ts`).
 */
import { ENTRY_ID } from '../ids';

/** A feature id: "kind:slug", with optional further ":slug" parts, e.g. "initiative:great-green-wall:corridor". */
const FEATURE_ID = /^[a-z][a-z0-9-]{0,30}(:[a-z0-9]+(-[a-z0-9]+)*){1,3}$/;
/** Longest id accepted from a URL or a layer file. */
const MAX_ID_LENGTH = 120;

export const isFeatureId = (value: string): boolean =>
  value.length <= MAX_ID_LENGTH && FEATURE_ID.test(value);
export const isEntryId = (value: string): boolean =>
  value.length <= MAX_ID_LENGTH && ENTRY_ID.test(value);
