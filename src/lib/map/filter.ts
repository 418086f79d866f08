/**
 * Which features the map and the list show for a state, and how a state from a
 * URL is fitted to the features that exist. The map and the list both call
 * these, so they can never disagree.
 */
import type { MapState } from './state';
import { LAYER_IDS, unionBbox, type LayerId, type MapFeature } from './features';

/** True if the feature passes the theme, source-type and source filters. */
function matchesFilters(
  feature: MapFeature,
  state: Pick<MapState, 'theme' | 'type' | 'source'>,
): boolean {
  const p = feature.props;
  if (state.theme && !p.themes.includes(state.theme)) return false;
  if (state.type && !p.source_types.includes(state.type)) return false;
  if (state.source && !p.sources.includes(state.source)) return false;
  return true;
}

/** True if the feature is shown: its layer is on and it passes the filters. */
export const isShown = (feature: MapFeature, state: MapState): boolean =>
  state.layers.includes(feature.props.layer) && matchesFilters(feature, state);

/** The features shown for `state`, per layer (hidden layers are empty). */
export function shownByLayer(
  features: readonly MapFeature[],
  state: MapState,
): Record<LayerId, MapFeature[]> {
  const out = Object.fromEntries(LAYER_IDS.map((id) => [id, [] as MapFeature[]])) as Record<
    LayerId,
    MapFeature[]
  >;
  for (const f of features) if (isShown(f, state)) out[f.props.layer].push(f);
  return out;
}

/** How many features of each layer pass the filters (whether the layer is on or not). */
export function countByLayer(
  features: readonly MapFeature[],
  state: Pick<MapState, 'theme' | 'type' | 'source'>,
): Record<LayerId, number> {
  const out = Object.fromEntries(LAYER_IDS.map((id) => [id, 0])) as Record<LayerId, number>;
  for (const f of features) if (matchesFilters(f, state)) out[f.props.layer] += 1;
  return out;
}

/**
 * Fits a state to the features that exist: a selection that is unknown or not
 * shown is dropped, and so is a source filter that matches nothing (a link to
 * a source with no place on the map then shows the whole map).
 */
export function reconcileState(state: MapState, features: readonly MapFeature[]): MapState {
  const next = { ...state, layers: [...state.layers] };
  if (next.source && !features.some((f) => f.props.sources.includes(next.source ?? ''))) {
    next.source = null;
  }
  if (next.select) {
    const selected = features.find((f) => f.id === next.select);
    if (!selected || !isShown(selected, next)) next.select = null;
  }
  return next;
}

/** The box to frame for a state: the selection, else the features of a source filter. */
export function frameFor(
  state: MapState,
  features: readonly MapFeature[],
): MapFeature['bbox'] | undefined {
  if (state.select) return features.find((f) => f.id === state.select)?.bbox;
  if (state.source) return unionBbox(features.filter((f) => isShown(f, state)).map((f) => f.bbox));
  return undefined;
}

/**
 * The map state that shows an entry's features, for the links from entry
 * pages: a region or initiative is selected, a source filters the map to its
 * places. Undefined when the entry has nothing on the map.
 */
export function focusFor(
  kind: 'source' | 'initiative' | 'region',
  id: string,
  features: readonly MapFeature[],
): Partial<MapState> | undefined {
  if (kind === 'source')
    return features.some((f) => f.props.sources.includes(id)) ? { source: id } : undefined;
  const featureId = `${kind}:${id}`;
  return features.some((f) => f.id === featureId) ? { select: featureId } : undefined;
}
