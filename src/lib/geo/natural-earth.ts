/**
 * Natural Earth boundaries (public domain) from the `world-atlas` package,
 * read with topojson-client. Files are read from disk at build time, never
 * bundled. Countries are keyed by ISO 3166-1 alpha-3 (world-atlas uses the
 * numeric code as feature id).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Area } from './geometry';
import { cutAntimeridian, dissolve } from './process';

/** Natural Earth scales shipped by world-atlas: 1:110m, 1:50m, 1:10m. */
export const SCALES = ['110m', '50m', '10m'] as const;
export type Scale = (typeof SCALES)[number];

/** An area Natural Earth draws without an ISO code, and the country the atlas dissolves it with. */
export interface Attachment {
  /** The Natural Earth name, e.g. "Somaliland". */
  name: string;
  /** ISO3 of the UN member state it is dissolved with in thematic layers. */
  iso3: string;
}

const requireFromProject = createRequire(join(process.cwd(), 'package.json'));

/** The installed version of a package, for provenance. */
export function packageVersion(name: string): string {
  const file = join(process.cwd(), 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

const topologies = new Map<string, Topology>();

/** Reads a world-atlas TopoJSON file, once per build. */
function topology(file: string): Topology {
  let topo = topologies.get(file);
  if (!topo) {
    topo = JSON.parse(
      readFileSync(requireFromProject.resolve(`world-atlas/${file}`), 'utf8'),
    ) as Topology;
    topologies.set(file, topo);
  }
  return topo;
}

const isArea = (f: Feature): f is Feature<Polygon | MultiPolygon> =>
  f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';

/** One country of a scale, converted from TopoJSON (and cut at the antimeridian) on first use. */
export interface NeCountry {
  /** ISO3, or "" when Natural Earth gives no code. */
  iso3: string;
  /** Natural Earth's short English name. */
  name: string;
  /** The geometry, cut at the antimeridian. */
  readonly geometry: Area;
}

const countryLists = new Map<Scale, NeCountry[]>();

/** The country features of a scale, in file order. Geometries are converted lazily. */
export function neCountries(scale: Scale): NeCountry[] {
  let list = countryLists.get(scale);
  if (!list) {
    const topo = topology(`countries-${scale}.json`);
    const collection = topo.objects['countries'] as GeometryCollection<{ name?: string }>;
    list = collection.geometries
      .filter((g) => g.type === 'Polygon' || g.type === 'MultiPolygon')
      .map((g) => {
        let geometry: Area | undefined;
        return {
          iso3: g.id === undefined ? '' : (countries.numericToAlpha3(String(g.id)) ?? ''),
          name: String(g.properties?.name ?? ''),
          get geometry(): Area {
            geometry ??= cutAntimeridian((feature(topo, g) as Feature<Area>).geometry);
            return geometry;
          },
        };
      });
    countryLists.set(scale, list);
  }
  return list;
}

/** The land polygons of a scale, as one geometry. */
export function neLand(scale: Scale): Area {
  const topo = topology(`land-${scale}.json`);
  const fc = feature(topo, topo.objects['land'] as GeometryCollection) as FeatureCollection;
  const parts = fc.features.filter(isArea).flatMap((f) => {
    const g = cutAntimeridian(f.geometry);
    return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  });
  return { type: 'MultiPolygon', coordinates: parts };
}

/** Where a country's geometry came from. */
export interface CountryGeometry {
  geometry: Area;
  scale: Scale;
  /** Natural Earth areas without a code that were dissolved with it. */
  attached: string[];
}

/**
 * Looks countries up by ISO3, at the coarsest scale that has them: 1:110m
 * first, then finer scales for small states it leaves out (Saint Lucia,
 * Tuvalu…). Areas in `attach` are dissolved with their country.
 */
export class CountryIndex {
  private readonly byScale = new Map<Scale, Map<string, NeCountry[]>>();
  private readonly cache = new Map<string, CountryGeometry | undefined>();

  constructor(
    readonly scales: readonly Scale[],
    readonly attach: readonly Attachment[] = [],
  ) {}

  private index(scale: Scale): Map<string, NeCountry[]> {
    let map = this.byScale.get(scale);
    if (!map) {
      map = new Map();
      for (const c of neCountries(scale)) {
        const code = c.iso3 || this.attach.find((a) => a.name === c.name)?.iso3 || '';
        if (!code) continue;
        map.set(code, [...(map.get(code) ?? []), c]);
      }
      this.byScale.set(scale, map);
    }
    return map;
  }

  /** The geometry of a country, or undefined if no scale has it. */
  get(iso3: string): CountryGeometry | undefined {
    if (this.cache.has(iso3)) return this.cache.get(iso3);
    let found: CountryGeometry | undefined;
    for (const scale of this.scales) {
      const parts = this.index(scale).get(iso3);
      if (parts && parts.length > 0) {
        found = {
          geometry: dissolve(parts.map((p) => p.geometry)),
          scale,
          attached: parts.filter((p) => p.iso3 === '').map((p) => p.name),
        };
        break;
      }
    }
    this.cache.set(iso3, found);
    return found;
  }
}
