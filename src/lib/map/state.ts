/**
 * The map page's shareable state — visible layers, selected feature, filters
 * and view — and its place in the URL hash:
 *
 *   #layers=regions,sites&select=pilot:ethiopia-urban-rural&theme=drought&type=decision&source=iccd-cop15-18&view=3.5/9.15/40.49
 *
 * Parsing never throws and never trusts the URL: every part is checked on its
 * own against a closed vocabulary or a strict pattern, and a part that fails
 * is dropped (so a garbage hash gives the default state). Serializing writes
 * only what differs from the default, in a fixed order, so equal states give
 * equal URLs.
 */
// Not from './features': the evidence map links here, and should not load the layer reader.
import { isEntryId, isFeatureId } from '../geo/ids';
import { THEMATIC_LAYERS as LAYER_IDS, type ThematicLayer as LayerId } from '../geo/types';

/**
 * The closed vocabularies a URL is checked against: the atlas's theme ids and
 * source types. Passed in (not imported from the schemas) so that the browser
 * bundle does not carry the schema library.
 */
export interface Vocabulary {
  themes: readonly string[];
  types: readonly string[];
}

/** Centre and zoom of the map. */
export interface MapView {
  zoom: number;
  lat: number;
  lng: number;
}

export interface MapState {
  /** Thematic layers shown, in drawing order. */
  layers: LayerId[];
  /** Id of the selected feature, if any. */
  select: string | null;
  /** Show only features with this theme. */
  theme: string | null;
  /** Show only features with a source of this type. */
  type: string | null;
  /** Show only the features of this source (links from source pages). */
  source: string | null;
  /** Centre and zoom; null lets the page frame the features. */
  view: MapView | null;
}

export const DEFAULT_STATE: Readonly<MapState> = Object.freeze({
  layers: [...LAYER_IDS],
  select: null,
  theme: null,
  type: null,
  source: null,
  view: null,
});

/** Hashes longer than this are ignored whole. */
export const MAX_HASH_LENGTH = 1000;
/** Zoom range accepted in a URL (MapLibre's range). */
const ZOOM_RANGE = [0, 22] as const;
/** Latitudes beyond this cannot be shown in Web Mercator. */
const MAX_LAT = 85.0511;

const KEYS = ['layers', 'select', 'theme', 'type', 'source', 'view'] as const;
type Key = (typeof KEYS)[number];

const NUMBER = /^-?\d{1,3}(\.\d{1,8})?$/;

const decode = (value: string): string | null => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
};

/** Reads "zoom/lat/lng"; null unless all three are plain numbers in range. */
export function parseView(value: string): MapView | null {
  const parts = value.split('/');
  if (parts.length !== 3 || !parts.every((p) => NUMBER.test(p))) return null;
  const [zoom, lat, lng] = parts.map(Number) as [number, number, number];
  if (zoom < ZOOM_RANGE[0] || zoom > ZOOM_RANGE[1]) return null;
  if (Math.abs(lat) > MAX_LAT || Math.abs(lng) > 180) return null;
  return { zoom, lat, lng };
}

const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Writes a view as "zoom/lat/lng": zoom to 2 decimals, lat and lng to 4 (about 10 m). */
export function serializeView(view: MapView): string {
  return `${round(view.zoom, 2)}/${round(view.lat, 4)}/${round(view.lng, 4)}`;
}

const parseLayers = (value: string): LayerId[] | null => {
  if (value === '') return [];
  const tokens = value.split(',');
  const valid = LAYER_IDS.filter((id) => tokens.includes(id));
  return valid.length > 0 ? valid : null;
};

const pickFrom = <T extends string>(list: readonly T[], value: string): T | null =>
  (list as readonly string[]).includes(value) ? (value as T) : null;

/**
 * Reads the state from a URL hash (with or without the leading "#"). Unknown
 * keys, repeated keys (the first counts), malformed escapes and invalid values
 * are ignored; what is left is merged into the default state.
 */
export function parseMapState(hash: string, vocabulary: Vocabulary): MapState {
  const state: MapState = { ...DEFAULT_STATE, layers: [...DEFAULT_STATE.layers] };
  if (typeof hash !== 'string') return state;
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '' || body.length > MAX_HASH_LENGTH) return state;
  const seen = new Set<Key>();
  for (const pair of body.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 1) continue;
    const key = pickFrom(KEYS, pair.slice(0, eq));
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    const value = decode(pair.slice(eq + 1));
    if (value === null) continue;
    switch (key) {
      case 'layers': {
        const layers = parseLayers(value);
        if (layers) state.layers = layers;
        break;
      }
      case 'select':
        if (isFeatureId(value)) state.select = value;
        break;
      case 'theme':
        state.theme = pickFrom(vocabulary.themes, value);
        break;
      case 'type':
        state.type = pickFrom(vocabulary.types, value);
        break;
      case 'source':
        if (isEntryId(value)) state.source = value;
        break;
      case 'view':
        state.view = parseView(value);
        break;
    }
  }
  return state;
}

const sameLayers = (a: readonly LayerId[], b: readonly LayerId[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Writes the state as a hash ("#…"), or "" for the default state. Values are
 * percent-encoded except the characters ids and views are made of.
 */
export function serializeMapState(state: MapState): string {
  const enc = (v: string) => encodeURIComponent(v).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
  const layers = LAYER_IDS.filter((id) => state.layers.includes(id));
  const parts: string[] = [];
  if (!sameLayers(layers, DEFAULT_STATE.layers)) parts.push(`layers=${layers.join(',')}`);
  if (state.select) parts.push(`select=${enc(state.select)}`);
  if (state.theme) parts.push(`theme=${enc(state.theme)}`);
  if (state.type) parts.push(`type=${enc(state.type)}`);
  if (state.source) parts.push(`source=${enc(state.source)}`);
  if (state.view) parts.push(`view=${serializeView(state.view)}`);
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}

/**
 * True if the state asks for a precise map — a view, a selection or the places
 * of one source — rather than the whole map. The page starts MapLibre at once
 * for such a state (a deep link, or "Show on map" in the list); otherwise the
 * static map stays until the reader shows intent to use the interactive one.
 */
export const asksForPreciseMap = (state: Pick<MapState, 'view' | 'select' | 'source'>): boolean =>
  state.view !== null || state.select !== null || state.source !== null;

/** True if two states give the same URL. */
export const sameState = (a: MapState, b: MapState): boolean =>
  serializeMapState(a) === serializeMapState(b);

/** The link to the map page with `state`: `mapPageUrl` is the page's own URL. */
export const mapLink = (mapPageUrl: string, state: Partial<MapState>): string =>
  `${mapPageUrl}${serializeMapState({ ...DEFAULT_STATE, ...state })}`;
