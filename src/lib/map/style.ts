/**
 * The MapLibre style of the atlas map, built from the atlas's own GeoJSON: no
 * tiles, no glyphs, no sprite, no text layer, so the map never asks another
 * origin for anything. Precision is drawn, not hidden: a point placed only
 * inside its country is a ring, an exact site a filled dot; a schematic band
 * has a dashed outline.
 */
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  FilterSpecification,
  LayerSpecification,
  LineLayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { LAYER_IDS, type LayerId } from './features';

/** Colours of the map, read from CSS custom properties so they follow light and dark mode. */
export interface MapPalette {
  water: string;
  land: string;
  border: string;
  regions: string;
  initiatives: string;
  studies: string;
  sites: string;
  selected: string;
  halo: string;
}

export const DEFAULT_PALETTE: MapPalette = {
  water: '#dbe7ee',
  land: '#f4eee4',
  border: '#b5a892',
  regions: '#2f6f9f',
  initiatives: '#1d6b3a',
  studies: '#6d3fa0',
  sites: '#9b3d0c',
  selected: '#1d4ed8',
  halo: '#ffffff',
};

/** The style layers that draw each thematic layer (turned on and off together). */
export const STYLE_LAYERS: Record<LayerId, readonly string[]> = {
  regions: ['regions-fill', 'regions-line', 'regions-selected'],
  initiatives: [
    'initiatives-fill',
    'initiatives-line',
    'initiatives-line-schematic',
    'initiatives-selected',
  ],
  studies: ['studies-fill', 'studies-line', 'studies-selected'],
  sites: ['sites-approx', 'sites-exact', 'sites-selected'],
};

/** The style layers a reader can click, top first. */
export const CLICKABLE_LAYERS: readonly string[] = [
  'sites-exact',
  'sites-approx',
  'studies-fill',
  'initiatives-fill',
  'initiatives-line-schematic',
  'regions-fill',
];

const POLYGON: ExpressionSpecification = [
  'in',
  ['geometry-type'],
  ['literal', ['Polygon', 'MultiPolygon']],
];
const POINT: ExpressionSpecification = [
  'in',
  ['geometry-type'],
  ['literal', ['Point', 'MultiPoint']],
];
const EXACT: ExpressionSpecification = ['in', ['get', 'precision'], ['literal', ['site', 'town']]];
const NOT_EXACT: ExpressionSpecification = ['!', EXACT];
const SCHEMATIC: ExpressionSpecification = ['==', ['get', 'schematic'], true];
const NOT_SCHEMATIC: ExpressionSpecification = ['!=', ['get', 'schematic'], true];

/** The fixed part of each style layer's filter (geometry, precision, schematic). */
const BASE_FILTERS: Record<string, ExpressionSpecification> = {
  'regions-fill': POLYGON,
  'regions-line': POLYGON,
  'regions-selected': POLYGON,
  'initiatives-fill': POLYGON,
  'initiatives-line': ['all', POLYGON, NOT_SCHEMATIC],
  'initiatives-line-schematic': ['all', POLYGON, SCHEMATIC],
  'initiatives-selected': POLYGON,
  'studies-fill': POLYGON,
  'studies-line': POLYGON,
  'studies-selected': POLYGON,
  'sites-approx': ['all', POINT, NOT_EXACT],
  'sites-exact': ['all', POINT, EXACT],
  'sites-selected': POINT,
};

const SELECTED_LAYERS = new Set([
  'regions-selected',
  'initiatives-selected',
  'studies-selected',
  'sites-selected',
]);

/**
 * A study area's shading grows with its number of findings (the layer's
 * weight): one finding is faint, ten or more are the darkest.
 */
const STUDY_WEIGHT: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['coalesce', ['get', 'findings'], 1],
  1,
  0.1,
  10,
  0.45,
];

/**
 * The filter of a style layer: its fixed part, and only the features shown
 * (by id); a selection layer shows only the selected feature.
 */
export function layerFilter(
  layer: string,
  shownIds: readonly string[],
  selected: string | null,
): FilterSpecification {
  const base: ExpressionSpecification = BASE_FILTERS[layer] ?? ['literal', true];
  const ids: ExpressionSpecification = ['get', 'id'];
  if (SELECTED_LAYERS.has(layer)) return ['all', base, ['==', ids, selected ?? '']];
  return ['all', base, ['in', ids, ['literal', [...shownIds]]]];
}

export interface StyleInput {
  /**
   * Absolute URL of the folder of layer files (`<layer>.geojson`): MapLibre
   * fetches and parses each in its worker, off the page's main thread.
   */
  geoBase: string;
  /** Ids shown (layer on, filters passed). */
  shownIds: readonly string[];
  selected: string | null;
  palette?: MapPalette;
}

/** The whole style of the atlas map. */
export function buildStyle(input: StyleInput): StyleSpecification {
  const c = input.palette ?? DEFAULT_PALETTE;
  const url = (layer: string) => new URL(`${layer}.geojson`, input.geoBase).href;
  const f = (layer: string) => layerFilter(layer, input.shownIds, input.selected);
  /** A thematic style layer `<source>-<name>`, filtered to what is shown. */
  const fill = (
    source: LayerId,
    paint: NonNullable<FillLayerSpecification['paint']>,
  ): LayerSpecification => ({
    id: `${source}-fill`,
    type: 'fill',
    source,
    filter: f(`${source}-fill`),
    paint,
  });
  const line = (
    source: LayerId,
    name: string,
    paint: NonNullable<LineLayerSpecification['paint']>,
  ): LayerSpecification => ({
    id: `${source}-${name}`,
    type: 'line',
    source,
    filter: f(`${source}-${name}`),
    paint,
  });
  const circle = (
    name: string,
    paint: NonNullable<CircleLayerSpecification['paint']>,
  ): LayerSpecification => ({
    id: `sites-${name}`,
    type: 'circle',
    source: 'sites',
    filter: f(`sites-${name}`),
    paint,
  });
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': c.water } },
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': c.land } },
    {
      id: 'countries',
      type: 'line',
      source: 'countries',
      paint: { 'line-color': c.border, 'line-width': 0.6 },
    },
    fill('regions', { 'fill-color': c.regions, 'fill-opacity': 0.18 }),
    line('regions', 'line', { 'line-color': c.regions, 'line-width': 1.5 }),
    fill('initiatives', { 'fill-color': c.initiatives, 'fill-opacity': 0.16 }),
    line('initiatives', 'line', { 'line-color': c.initiatives, 'line-width': 1.5 }),
    line('initiatives', 'line-schematic', {
      'line-color': c.initiatives,
      'line-width': 2,
      'line-dasharray': [3, 2],
    }),
    fill('studies', { 'fill-color': c.studies, 'fill-opacity': STUDY_WEIGHT }),
    line('studies', 'line', {
      'line-color': c.studies,
      'line-width': 1,
      'line-dasharray': [1, 1.5],
    }),
    circle('approx', {
      'circle-radius': 7,
      'circle-color': c.halo,
      'circle-opacity': 0.35,
      'circle-stroke-color': c.sites,
      'circle-stroke-width': 2.5,
    }),
    circle('exact', {
      'circle-radius': 6,
      'circle-color': c.sites,
      'circle-stroke-color': c.halo,
      'circle-stroke-width': 1.5,
    }),
    ...(['regions', 'initiatives', 'studies'] as const).map((source) =>
      line(source, 'selected', { 'line-color': c.selected, 'line-width': 3.5 }),
    ),
    circle('selected', {
      'circle-radius': 11,
      'circle-opacity': 0,
      'circle-stroke-color': c.selected,
      'circle-stroke-width': 3,
    }),
  ];
  return {
    version: 8,
    name: 'DLDD–Migration Evidence Atlas',
    sources: {
      land: { type: 'geojson', data: url('land') },
      countries: { type: 'geojson', data: url('countries') },
      ...Object.fromEntries(
        LAYER_IDS.map((id) => [id, { type: 'geojson' as const, data: url(id) }]),
      ),
    },
    layers,
  };
}
