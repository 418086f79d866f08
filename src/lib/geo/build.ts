/**
 * Builds every map layer from the definitions in `geo/`, the content
 * collections and Natural Earth, validates each feature, and describes the
 * layers in a catalogue. Any problem is fatal (GeoError, one line each).
 *
 * Each layer has its module in `layers/` (basemap, regions, initiatives and
 * the corridor, study areas, sites), sharing a `LayerContext`; the
 * catalogue is `catalogue.ts`, and `getAtlasGeo` memoises the build
 * (`../folder-memo.ts`) so endpoints, the data page and the locator maps share one.
 */
import { readMapContent, type MapContent } from './content';
import { readDefinitions, type Definitions } from './definitions';
import { catalogueOf, type Catalogue, type Layers } from './catalogue';
import { buildBasemap } from './layers/basemap';
import { LayerContext } from './layers/context';
import { buildCorridor, buildInitiatives } from './layers/initiatives';
import { buildRegions } from './layers/regions';
import { buildSites } from './layers/sites';
import { buildStudyAreas } from './layers/studies';
import { memoOnFolders } from '../folder-memo';
import { pageLayer } from './props';
import { LANGS, type Lang } from '../../schemas/common';
import type { Area } from './geometry';
import {
  LAYER_NAMES,
  THEMATIC_LAYERS,
  type LayerName,
  type ThematicCollection,
  type ThematicFeature,
  type ThematicLayer,
} from './types';
import { layerProblems } from './validate';

export interface BuiltAtlasGeo {
  layers: Layers;
  /** Each layer serialised exactly as published. */
  files: Record<LayerName, string>;
  /**
   * Each thematic layer for the map page of each language, without geometry
   * (`geo/<layer>.props.<lang>.json`, see `props.ts`): what the page reads for
   * its list, filters and panel, while MapLibre fetches and parses the whole
   * layer in its worker.
   */
  propsFiles: Record<ThematicLayer, Record<Lang, string>>;
  catalogue: Catalogue;
  /** Country shapes used by the thematic layers (finished), for locator maps. */
  country: (iso3: string) => Area | undefined;
  content: MapContent;
}

export interface BuildOptions {
  /** Content folder (default `content`, or ATLAS_CONTENT_DIR). */
  contentDir?: string;
  /** Definitions folder (default `geo`, or ATLAS_GEO_DIR). */
  geoDir?: string;
}

/** Serialises a layer as published (compact JSON). */
const serialise = (value: unknown): string => JSON.stringify(value);

/** Builds every layer. Throws a GeoError listing every problem. */
export function buildAtlasGeo(options: BuildOptions = {}): BuiltAtlasGeo {
  const contentDir = options.contentDir ?? 'content';
  const defs = readDefinitions(options.geoDir ?? 'geo');
  const content = readMapContent(contentDir);
  return buildFrom(defs, content);
}

/** Builds every layer from read definitions and content. */
function buildFrom(defs: Definitions, content: MapContent): BuiltAtlasGeo {
  const ctx = new LayerContext(defs, content);
  const regions = buildRegions(ctx);
  const initiatives = buildInitiatives(ctx);
  const studies = buildStudyAreas(ctx);
  const corridor = buildCorridor(ctx);
  if (corridor) initiatives.push(corridor);
  const sites = buildSites(ctx);
  const collections: Record<ThematicLayer, ThematicCollection> = {
    regions: featureCollection(regions),
    initiatives: featureCollection(initiatives),
    studies: featureCollection(studies),
    sites: featureCollection(sites),
  };
  crossCheck(ctx, collections);
  ctx.problems.throwIfAny();

  const basemap = buildBasemap(ctx, [...regions, ...initiatives, ...sites]);
  const layers: Layers = { ...basemap, ...collections };
  const files = Object.fromEntries(
    LAYER_NAMES.map((name) => [name, serialise(layers[name])]),
  ) as Record<LayerName, string>;
  const propsFiles = Object.fromEntries(
    THEMATIC_LAYERS.map((name) => [
      name,
      Object.fromEntries(
        LANGS.map((lang) => [lang, serialise(pageLayer(collections[name], lang))]),
      ) as Record<Lang, string>,
    ]),
  ) as Record<ThematicLayer, Record<Lang, string>>;
  const catalogue = catalogueOf(defs, layers, files, [...ctx.finer.entries()], ctx.atlasVersion);
  return {
    layers,
    files,
    propsFiles,
    catalogue,
    country: (iso3) => ctx.finishedCountry(iso3),
    content,
  };
}

const featureCollection = (features: ThematicFeature[]): ThematicCollection => ({
  type: 'FeatureCollection',
  features,
});

/**
 * Every output feature checked against the contract (any failure is fatal),
 * and every region and initiative with countries drawn.
 */
function crossCheck(ctx: LayerContext, layers: Record<ThematicLayer, ThematicCollection>): void {
  const { problems, origin, content } = ctx;
  for (const layer of THEMATIC_LAYERS) {
    // The cheap geometry check (see GeometryCheck): the build tests run the full one on dist/geo/.
    for (const { id, reason } of layerProblems(layers[layer], layer, ctx.known, { cheap: true })) {
      problems.add(origin.get(id) ?? `geo/${layer}.geojson`, id, reason);
    }
  }
  const drawn = (layer: ThematicLayer, id: string) =>
    layers[layer].features.some((f) => f.id === id);
  for (const r of content.regions.values()) {
    if (r.countries.length > 0 && !drawn('regions', `region:${r.id}`)) {
      problems.add(r.file, `region:${r.id}`, 'no map feature was built for this region');
    }
  }
  for (const i of content.initiatives.values()) {
    if (i.countries.length > 0 && !drawn('initiatives', `initiative:${i.id}`)) {
      problems.add(i.file, `initiative:${i.id}`, 'no map feature was built for this initiative');
    }
  }
}

/** The built layers, once per build (folders default to ATLAS_CONTENT_DIR / ATLAS_GEO_DIR). */
export function getAtlasGeo(options: BuildOptions = {}): BuiltAtlasGeo {
  const contentDir = options.contentDir ?? process.env['ATLAS_CONTENT_DIR'] ?? 'content';
  const geoDir = options.geoDir ?? process.env['ATLAS_GEO_DIR'] ?? 'geo';
  return memoOnFolders('dldd-atlas.geo-layers', [contentDir, geoDir], () =>
    buildAtlasGeo({ contentDir, geoDir }),
  );
}
