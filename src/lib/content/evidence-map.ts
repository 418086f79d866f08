/**
 * The evidence map of this build: every finding placed on the map's axes
 * (src/lib/evidence-map/records.ts), with what the map page can show, built
 * once and shared by the page, its data files, the home page and the links
 * from entry pages. Thin glue over `getAtlas` and the geo build.
 */
import type { Lang } from '../i18n';
import { getMapFeatures } from '../map/data';
import { focusFor } from '../map/filter';
import { configOf, labelsOf } from '../evidence-map/labels';
import type { EvidenceConfig } from '../evidence-map/config';
import type { EvidenceIndex } from '../evidence-map/model';
import {
  buildDetails,
  buildEvidenceIndex,
  placeOf,
  type EvidenceInput,
} from '../evidence-map/records';
import { getAtlas } from './store';

export interface Evidence {
  input: EvidenceInput;
  index: EvidenceIndex;
  /** The script configuration of the page in `lang`, under `base` (made once for each; not to be changed). */
  config: (lang: Lang, base: string) => EvidenceConfig;
  /** The findings of a source on the map, by source id. */
  findingsOf: (sourceId: string) => readonly EvidenceIndex['findings'][number][];
}

let cache: Promise<Evidence> | undefined;

async function load(): Promise<Evidence> {
  const atlas = await getAtlas();
  const features = getMapFeatures();
  const input: EvidenceInput = { sources: atlas.sources, regions: atlas.regions };
  const onMap = {
    sources: new Set(
      atlas.sources.filter((s) => focusFor('source', s.id, features)).map((s) => s.id),
    ),
    regions: new Set(
      atlas.regions.filter((r) => focusFor('region', r.id, features)).map((r) => r.id),
    ),
  };
  const index = buildEvidenceIndex(input, onMap);
  const countries = [
    ...new Set(
      input.sources.flatMap((s) => s.data.findings.flatMap((f) => placeOf(s, f).countries)),
    ),
  ].sort();
  // Source pages each ask for their own findings and the labels: made once, not once per page.
  const bySource = Map.groupBy(index.findings, (f) => index.sources[f.source]?.id ?? '');
  const configs = new Map<string, EvidenceConfig>();
  return {
    input,
    index,
    config: (lang, base) => {
      const key = `${lang} ${base}`;
      let config = configs.get(key);
      if (!config) {
        const names = new Map(atlas.regions.map((r) => [r.id, r.data.name[lang]]));
        config = configOf(index, lang, base, labelsOf(index, lang, names, countries));
        configs.set(key, config);
      }
      return config;
    },
    findingsOf: (sourceId) => bySource.get(sourceId) ?? [],
  };
}

/** The evidence map, built once per build. */
export function getEvidence(): Promise<Evidence> {
  cache ??= load();
  return cache;
}

/** The details files of `lang`, built once per build and language. */
const details = new Map<Lang, ReturnType<typeof buildDetails>>();
export async function getDetails(lang: Lang) {
  const { input, index } = await getEvidence();
  let files = details.get(lang);
  if (!files) {
    files = buildDetails(input, lang, index.chunk);
    details.set(lang, files);
  }
  return files;
}
