/**
 * What a locator map shows for a page: a region, an initiative, or a
 * source (its countries, regions and the sites that cite it). Pure: takes
 * the built layers, returns the drawing and the items for its text
 * alternative.
 */
import type { BBox, Point } from 'geojson';
import type { BuiltAtlasGeo } from './build';
import type { Localized } from './content';
import { drawLocator, type LocatorDrawing, type LocatorPoint, type LocatorShape } from './locator';
import { bboxOf, type Area } from './geometry';
import type { Precision, ThematicFeature } from './types';

export type SubjectKind = 'region' | 'initiative' | 'source';

/** One thing the map shows, for the text alternative. */
interface LocatorItem {
  id: string;
  role: LocatorShape['role'] | 'point';
  name: Localized;
  precision: Precision;
  precisionNote: Localized;
  schematic: boolean;
}

export interface LocatorSubject {
  drawing: LocatorDrawing;
  items: LocatorItem[];
  /** ISO3 codes of countries highlighted on their own (sources). */
  countries: string[];
}

const itemOf = (f: ThematicFeature, role: LocatorItem['role']): LocatorItem => ({
  id: f.id,
  role,
  name: { en: f.properties.name_en, zh: f.properties.name_zh },
  precision: f.properties.precision,
  precisionNote: { en: f.properties.precision_note_en, zh: f.properties.precision_note_zh },
  schematic: f.properties.schematic,
});

const isArea = (f: ThematicFeature): f is ThematicFeature & { geometry: Area } =>
  f.geometry.type !== 'Point';

const drawn = new WeakMap<BuiltAtlasGeo, Map<string, LocatorSubject | undefined>>();

/** The locator map of a page, or undefined when there is nothing to place. Drawn once for both languages. */
export function locatorSubject(
  geo: BuiltAtlasGeo,
  kind: SubjectKind,
  id: string,
): LocatorSubject | undefined {
  let cache = drawn.get(geo);
  if (!cache) {
    cache = new Map();
    drawn.set(geo, cache);
  }
  const key = `${kind}:${id}`;
  if (!cache.has(key)) cache.set(key, draw(geo, kind, id));
  return cache.get(key);
}

function draw(geo: BuiltAtlasGeo, kind: SubjectKind, id: string): LocatorSubject | undefined {
  const { regions, initiatives, sites } = geo.layers;
  const shapes: LocatorShape[] = [];
  const points: LocatorPoint[] = [];
  const boxes: BBox[] = [];
  const items: LocatorItem[] = [];
  let countries: string[] = [];

  const addArea = (f: ThematicFeature, role: LocatorShape['role']) => {
    if (!isArea(f)) return;
    shapes.push({ role, geometry: f.geometry });
    boxes.push(f.bbox);
    items.push(itemOf(f, role));
  };
  const addPoint = (f: ThematicFeature) => {
    const g = f.geometry as Point;
    points.push({ coordinates: g.coordinates, precision: f.properties.precision });
    boxes.push(f.bbox);
    items.push(itemOf(f, 'point'));
  };
  const regionFeature = (rid: string) => regions.features.find((f) => f.id === `region:${rid}`);

  if (kind === 'region') {
    const f = regionFeature(id);
    if (f) addArea(f, 'highlight');
  } else if (kind === 'initiative') {
    const own = initiatives.features.filter((f) => f.properties.initiatives.includes(id));
    own.filter((f) => f.properties.kind !== 'corridor').forEach((f) => addArea(f, 'highlight'));
    own.filter((f) => f.properties.kind === 'corridor').forEach((f) => addArea(f, 'band'));
    if (own.length === 0) {
      // No countries of its own: show the regions it works in.
      for (const rid of geo.content.initiatives.get(id)?.regions ?? []) {
        const r = regionFeature(rid);
        if (r) addArea(r, 'outline');
      }
    }
    sites.features.filter((f) => f.properties.initiatives.includes(id)).forEach(addPoint);
  } else {
    const source = geo.content.sources.get(id);
    if (!source) return undefined;
    // Every area the source supports (regions it names, initiatives it describes), as related areas.
    const supported = (f: ThematicFeature) => f.properties.sources.includes(id);
    for (const f of [...regions.features, ...initiatives.features].filter(supported)) {
      addArea(f, f.properties.kind === 'corridor' ? 'band' : 'outline');
    }
    for (const rid of source.regions) {
      const r = regionFeature(rid);
      if (r && !supported(r)) addArea(r, 'outline');
    }
    // A study's findings may name countries beyond the source's own list: all are drawn.
    countries = source.dataCountries.filter((code) => geo.country(code) !== undefined);
    for (const code of countries) {
      const shape = geo.country(code) as Area;
      shapes.push({ role: 'highlight', geometry: shape });
      boxes.push(bboxOf(shape));
    }
    sites.features.filter(supported).forEach(addPoint);
  }
  if (boxes.length === 0) return undefined;
  // Highlights above outlines, bands on top.
  const order: Record<LocatorShape['role'], number> = { outline: 0, highlight: 1, band: 2 };
  shapes.sort((a, b) => order[a.role] - order[b.role]);
  const land = geo.layers.land.features[0]?.geometry;
  if (!land) return undefined;
  return { drawing: drawLocator(land, shapes, points, boxes), items, countries };
}
