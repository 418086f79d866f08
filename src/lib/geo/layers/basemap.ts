/**
 * The basemap: the "Land" layer and the "Countries" outlines from Natural
 * Earth at the basemap scale, plus the small countries the thematic layers
 * use that this scale lacks (taken from a finer one). Areas Natural Earth
 * draws without an ISO code keep their Natural Earth name.
 */
import { Problems } from '../errors';
import { neCountries, neLand } from '../natural-earth';
import { bboxOf, type Area } from '../geometry';
import { dissolve, finish, repair } from '../process';
import { nameOf } from '../text';
import type { BasemapCollection, BasemapFeature, ThematicFeature } from '../types';
import { geometryProblems } from '../validate';
import type { LayerContext } from './context';

const collection = (features: BasemapFeature[]): BasemapCollection => ({
  type: 'FeatureCollection',
  features,
});

const basemapFeature = (
  id: string,
  iso3: string,
  name: { en: string; zh: string },
  geometry: Area,
): BasemapFeature => ({
  type: 'Feature',
  id,
  bbox: bboxOf(geometry),
  properties: { id, iso3, name_en: name.en, name_zh: name.zh },
  geometry,
});

/**
 * Land and country outlines. `used` are the features of the thematic
 * layers, whose countries must all be drawn. Throws a GeoError if a finished
 * shape fails the geometry checks.
 */
export function buildBasemap(
  ctx: LayerContext,
  used: readonly ThematicFeature[],
): { land: BasemapCollection; countries: BasemapCollection } {
  const ne = ctx.defs.layers.naturalEarth;
  const scale = ne.basemapScale;
  const tolerance = ctx.meta.countries.tolerance;
  const landGeometry = finish(neLand(scale), { tolerance: ctx.meta.land.tolerance });
  const land = [basemapFeature('land', '', { en: 'Land', zh: '陆地' }, landGeometry)];

  /** Finishes a basemap shape; one that fails the checks is repaired with a self-union first. */
  const shapeOf = (g: Area): Area => {
    const once = finish(g, { tolerance });
    if (geometryProblems(once, { output: true, cheap: true }).length === 0) return once;
    return finish(repair(g), { tolerance });
  };
  const countries: BasemapFeature[] = [];
  const drawn = new Set<string>();
  const all = neCountries(scale);
  for (const c of all) {
    const code = c.iso3;
    const key = code
      ? `country:${code.toLowerCase()}`
      : `country:ne-${c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    if (countries.some((f) => f.id === key)) continue;
    const same = code ? all.filter((o) => o.iso3 === code).map((o) => o.geometry) : [c.geometry];
    drawn.add(code);
    const name = code
      ? nameOf(code)
      : { en: c.name, zh: ne.attach.find((a) => a.name === c.name)?.name_zh ?? c.name };
    countries.push(basemapFeature(key, code, name, shapeOf(dissolve(same))));
  }
  const needed = new Set(used.flatMap((f) => f.properties.iso3));
  for (const code of [...needed].filter((c) => !drawn.has(c)).sort()) {
    const found = ctx.index.get(code);
    if (!found) continue;
    countries.push(
      basemapFeature(`country:${code.toLowerCase()}`, code, nameOf(code), shapeOf(found.geometry)),
    );
  }

  const problems = new Problems();
  for (const f of [...land, ...countries]) {
    for (const r of geometryProblems(f.geometry, { output: true, cheap: true })) {
      problems.add(`world-atlas ${scale}`, f.id, `geometry: ${r}`);
    }
  }
  problems.throwIfAny();
  return { land: collection(land), countries: collection(countries) };
}
