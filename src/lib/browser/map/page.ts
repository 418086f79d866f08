/**
 * The map page in the browser. Small and MapLibre-free: it reads the state
 * from the URL, loads the layer files, drives the legend, filters, list and
 * side panel, and keeps the URL in step (back and forward work), all before
 * and without MapLibre. The static map stays until the reader shows intent to
 * use the interactive one (`intent.ts`) or the state asks for a precise map (a
 * deep link, "Show on map"); only then is the MapLibre engine loaded, and only
 * if WebGL 2 is available. Without WebGL, the static map and the list stay,
 * and the page says why.
 */
import {
  asksForPreciseMap,
  parseMapState,
  sameState,
  serializeMapState,
  type MapState,
  type Vocabulary,
} from '../../map/state';
import {
  LAYER_IDS,
  readFeatures,
  unionBbox,
  type LayerId,
  type MapFeature,
} from '../../map/features';
import { countByLayer, frameFor, isShown, reconcileState } from '../../map/filter';
import { pageLayerFile } from '../../geo/props';
import { format } from '../../format';
import { own, panelModel, type MapLookup } from '../../map/panel';
import type { AtlasMapEngine } from './engine';
import { onMapIntent } from './intent';
import { renderDetails, renderListItem } from './render';
import { collectInSlices, yieldToMain } from '../tasks';

interface PageConfig {
  lookup: MapLookup;
  vocabulary: Vocabulary;
  /** URL of the folder of layer files, under the base. */
  geo: string;
  /** URL of the folder of citation records, under the base (a source's title when the lookup lacks it). */
  cite: string;
  locale: Record<string, string>;
  messages: {
    loading: string;
    noWebgl: string;
    loadError: string;
    attribution: string;
    sourceFilter: string;
  };
}

declare global {
  interface Window {
    /** The MapLibre map, for tests and the benchmark. */
    __atlasMap?: AtlasMapEngine['map'];
    /** performance.now() at the map's first idle event. */
    __atlasMapIdleAt?: number;
  }
}

/**
 * True if the browser knows WebGL 2 at all: cheap, so the page asks it at
 * load to decide whether to offer the interactive map.
 */
const knowsWebgl2 = (): boolean => typeof WebGL2RenderingContext === 'function';

/**
 * True if the browser can give MapLibre a WebGL 2 context. Creating one is a
 * long task (over 200 ms on a slow phone, or drawn on the CPU), so the page
 * asks only when it is about to start MapLibre.
 */
function hasWebgl2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

/**
 * Fetches and reads one layer's file for this page's language (no geometry:
 * MapLibre fetches the whole layer itself). Each layer is read as it arrives,
 * in short tasks (`collectInSlices`), so that 800 study areas are no long task.
 */
async function loadLayer(url: string, layer: LayerId): Promise<MapFeature[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const json: unknown = await response.json();
  await yieldToMain();
  return collectInSlices(readFeatures(json, layer));
}

export function initMapPage(root: HTMLElement): void {
  const config = JSON.parse(root.dataset['config'] ?? '{}') as PageConfig;
  const { lookup } = config;
  const ui = lookup.ui;
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const qa = <T extends Element>(selector: string) => [...root.querySelectorAll<T>(selector)];

  const message = q<HTMLElement>('[data-map-message]');
  /** The box the static map and the canvas share: intent is shown there. */
  const area = q<HTMLElement>('[data-map-view]');
  const canvas = q<HTMLElement>('[data-map-canvas]');
  const staticMap = q<HTMLElement>('[data-map-static]');
  const startButton = q<HTMLButtonElement>('[data-map-start]');
  const keysHelp = q<HTMLElement>('[data-map-keys]');
  const panel = q<HTMLElement>('[data-panel]');
  const panelTitle = q<HTMLElement>('[data-panel-title]');
  const panelBody = q<HTMLElement>('[data-panel-body]');
  const filters = q<HTMLElement>('[data-filters]');
  const status = q<HTMLElement>('[data-list-status]');
  const sourceNotice = q<HTMLElement>('[data-source-filter]');
  const toggles = qa<HTMLInputElement>('[data-layer-toggle]');

  const setStatus = (s: 'static' | 'loading' | 'ready' | 'unavailable' | 'error', text = '') => {
    root.dataset['mapStatus'] = s;
    if (message) message.textContent = text;
  };

  let features: MapFeature[] = [];
  /** The features by id, for lookups inside per-feature loops. */
  let byId = new Map<string, MapFeature>();
  let loaded = false;
  let engine: AtlasMapEngine | undefined;
  let state: MapState = parseMapState(location.hash, config.vocabulary);
  /** Features shown at the last render, for the live announcement (-1: none yet). */
  let lastShown = -1;
  /** Where focus goes back to when the panel closes. */
  let opener: HTMLElement | null = null;

  const fromUrl = (): MapState =>
    loaded
      ? reconcileState(parseMapState(location.hash, config.vocabulary), features)
      : parseMapState(location.hash, config.vocabulary);

  const writeUrl = (mode: 'push' | 'replace') => {
    const url = `${location.pathname}${location.search}${serializeMapState(state)}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  // ---- rendering the state into the page ----

  const shownIds = () => features.filter((f) => isShown(f, state)).map((f) => f.id);

  const renderControls = () => {
    for (const box of toggles) box.checked = state.layers.includes(box.value as LayerId);
    for (const select of qa<HTMLSelectElement>('[data-filter]')) {
      select.value = (select.dataset['filter'] === 'theme' ? state.theme : state.type) ?? '';
    }
    if (sourceNotice) {
      const source = state.source;
      const title = source ? own(lookup.sources, source)?.title : undefined;
      sourceNotice.hidden = !source;
      const text = sourceNotice.querySelector('[data-source-filter-text]');
      const say = (name: string) => {
        if (text) text.textContent = format(config.messages.sourceFilter, { title: name });
      };
      say(title ?? source ?? '');
      // The lookup names only the sources the list shows; another's title is in its record.
      if (source && title === undefined) {
        void recordTitle(source).then((name) => {
          if (name && state.source === source) say(name);
        });
      }
    }
  };

  /** A source's title from its CSL-JSON record, or undefined. */
  const recordTitle = async (id: string): Promise<string | undefined> => {
    try {
      const url = new URL(`${id}.json`, new URL(config.cite, location.href));
      const response = await fetch(url);
      if (!response.ok) return undefined;
      const records: unknown = await response.json();
      const title: unknown = Array.isArray(records)
        ? (records[0] as { title?: unknown } | undefined)?.title
        : undefined;
      return typeof title === 'string' ? title : undefined;
    } catch {
      return undefined;
    }
  };

  const renderList = () => {
    const counts = countByLayer(features, state);
    let shown = 0;
    for (const section of qa<HTMLElement>('[data-list-layer]')) {
      const layer = section.dataset['listLayer'] as LayerId;
      const on = state.layers.includes(layer);
      let visible = 0;
      for (const item of section.querySelectorAll<HTMLElement>('[data-feature-id]')) {
        const f = byId.get(item.dataset['featureId'] ?? '');
        const show = f !== undefined && isShown(f, state);
        item.hidden = !show;
        if (show) visible += 1;
        if (f?.id === state.select) item.setAttribute('aria-current', 'true');
        else item.removeAttribute('aria-current');
      }
      shown += visible;
      const list = section.querySelector<HTMLElement>('ul');
      if (list) list.hidden = !on;
      const hiddenNote = section.querySelector<HTMLElement>('[data-list-hidden]');
      if (hiddenNote) hiddenNote.hidden = on;
      const empty = section.querySelector<HTMLElement>('[data-list-empty]');
      if (empty) empty.hidden = !on || visible > 0;
      const count = section.querySelector('[data-list-count]');
      if (count) count.textContent = `(${counts[layer]})`;
      const legendCount = root.querySelector(`[data-count="${layer}"]`);
      if (legendCount) legendCount.textContent = `(${counts[layer]})`;
    }
    // Announced when the number changes, not on load nor on every selection.
    if (status && lastShown !== -1 && shown !== lastShown) {
      status.textContent = format(ui['map.status.shown'], { count: shown });
    }
    lastShown = shown;
  };

  const renderPanel = (focus: boolean) => {
    if (!panel || !panelTitle || !panelBody) return;
    const f = state.select ? byId.get(state.select) : undefined;
    if (!f) {
      panel.hidden = true;
      return;
    }
    const model = panelModel(f.props, lookup);
    panelTitle.textContent = model.name;
    panelBody.replaceChildren(renderDetails(model, ui));
    panel.hidden = false;
    if (focus) panelTitle.focus();
  };

  const renderMap = () => engine?.update(state.layers, shownIds(), state.select);

  /** True if the selection is a site or town (no selection: a source's places, frame closely). */
  const selectionIsExact = () => {
    const f = state.select ? byId.get(state.select) : undefined;
    return f ? f.props.precision === 'site' || f.props.precision === 'town' : true;
  };

  const frameSelection = () => {
    if (!engine) return;
    const bbox = frameFor(state, features);
    if (!bbox) return;
    engine.frame(bbox, selectionIsExact());
  };

  const render = (focusPanel = false) => {
    renderControls();
    if (!loaded) return;
    renderList();
    renderPanel(focusPanel);
    renderMap();
  };

  // ---- changing the state ----

  const change = (
    next: Partial<MapState>,
    options: { focusPanel?: boolean; frame?: boolean } = {},
  ) => {
    const previous = state;
    state = loaded ? reconcileState({ ...state, ...next }, features) : { ...state, ...next };
    if (sameState(previous, state)) {
      if (options.focusPanel) renderPanel(true);
      if (options.frame) frameSelection();
      return;
    }
    writeUrl('push');
    render(options.focusPanel);
    if (options.frame) frameSelection();
    if (asksForPreciseMap(state)) startMap();
  };

  const select = (id: string | null, from: HTMLElement | null) => {
    if (id !== null) opener = from;
    // A selection frames itself: a view kept from before would fight it.
    change(
      { select: id, view: id ? null : state.view },
      { focusPanel: id !== null, frame: id !== null },
    );
  };

  const closePanel = () => {
    const back = opener;
    opener = null;
    change({ select: null });
    const target = back?.isConnected && !back.closest('[hidden]') ? back : engine?.map.getCanvas();
    target?.focus();
  };

  const applyUrl = () => {
    const next = fromUrl();
    if (sameState(next, state)) return;
    const selectionChanged = next.select !== state.select || next.source !== state.source;
    state = next;
    render();
    if (state.view) engine?.jumpTo(state.view);
    else if (selectionChanged) frameSelection();
    if (asksForPreciseMap(state)) startMap();
  };

  // ---- wiring the controls (they work with or without the map) ----

  for (const box of toggles) {
    box.disabled = false;
    box.addEventListener('change', () => {
      const layers = LAYER_IDS.filter((id) =>
        id === box.value ? box.checked : state.layers.includes(id),
      );
      change({ layers });
    });
  }
  if (filters) {
    for (const group of filters.querySelectorAll('fieldset')) group.disabled = false;
    filters.addEventListener('change', (e) => {
      const target = e.target as HTMLSelectElement;
      const value = target.value || null;
      change(target.dataset['filter'] === 'theme' ? { theme: value } : { type: value });
    });
  }
  q('[data-source-filter-clear]')?.addEventListener('click', () => change({ source: null }));
  q('[data-panel-close]')?.addEventListener('click', closePanel);
  root.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLElement>('[data-show]');
    if (button?.dataset['show']) select(button.dataset['show'], button);
  });
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && panel && !panel.hidden) {
      e.preventDefault();
      closePanel();
    }
  });
  window.addEventListener('popstate', applyUrl);
  window.addEventListener('hashchange', applyUrl);
  renderControls();

  // ---- loading the layers at once, MapLibre when asked for ----

  const syncList = () => {
    const items = new Map<string, HTMLElement>();
    for (const item of qa<HTMLElement>('[data-feature-id]')) {
      const id = item.dataset['featureId'] ?? '';
      if (byId.has(id) && !items.has(id)) items.set(id, item);
      else item.remove();
    }
    const lists = new Map(
      LAYER_IDS.map((layer) => [layer, q<HTMLElement>(`[data-list-layer="${layer}"] ul`)]),
    );
    for (const f of features) {
      const list = lists.get(f.props.layer);
      if (!items.has(f.id) && list) list.append(renderListItem(f, lookup));
    }
    // The items' "Show on map" buttons appear (map.css): one change, not one per item.
    root.dataset['listReady'] = '';
  };

  const layersLoaded = Promise.all(
    LAYER_IDS.map((layer) =>
      loadLayer(
        new URL(pageLayerFile(layer, lookup.lang), new URL(config.geo, location.href)).href,
        layer,
      ),
    ),
  ).then(async (byLayer) => {
    await yieldToMain();
    features = byLayer.flat();
    byId = new Map(features.map((f) => [f.id, f]));
    loaded = true;
    syncList();
    state = fromUrl();
    render();
  });

  /** False once the browser is known not to draw WebGL 2. */
  let webgl = knowsWebgl2();
  /** Stops listening for intent: set while the static map waits for it. */
  let stopWaiting: (() => void) | undefined;
  let started = false;

  const showStatic = () => {
    if (canvas) canvas.hidden = true;
    if (staticMap) staticMap.hidden = false;
  };

  const startEngine = async () => {
    if (!canvas) return;
    setStatus('loading', config.messages.loading);
    // MapLibre downloads while the layers finish, if they have not yet.
    const engineModule = import('./engine');
    engineModule.catch(() => undefined); // handled where it is awaited below
    await layersLoaded;
    const { createAtlasMap, stylesheet } = await engineModule;
    await stylesheet;
    // The canvas takes its size under the static map, which covers it until MapLibre has drawn.
    canvas.hidden = false;
    // The state as it is now: what the reader changed while MapLibre loaded is applied.
    engine = createAtlasMap({
      container: canvas,
      geoBase: new URL(config.geo, location.href).href,
      layers: state.layers,
      shownIds: shownIds(),
      selected: state.select,
      view: state.view,
      bounds: state.view
        ? undefined
        : (frameFor(state, features) ??
          unionBbox(features.filter((f) => isShown(f, state)).map((f) => f.bbox))),
      boundsExact: state.select !== null || state.source !== null ? selectionIsExact() : false,
      locale: config.locale,
      attribution: config.messages.attribution,
      describedBy: keysHelp?.id ?? '',
      onSelect: (id) => select(id, engine?.map.getCanvas() ?? null),
      onUserMove: (view) => {
        state = { ...state, view };
        writeUrl('replace');
      },
    });
    window.__atlasMap = engine.map;
    engine.map.once('idle', () => {
      window.__atlasMapIdleAt = performance.now();
    });
    await engine.loaded;
    // The swap: the same box, so nothing moves. Focus on the static map's button
    // (keyboard intent, or a press of it) goes on to the map it asked for.
    const focusMap = staticMap?.contains(document.activeElement) ?? false;
    if (staticMap) staticMap.hidden = true;
    if (keysHelp) keysHelp.hidden = false;
    if (focusMap) engine.map.getCanvas().focus();
    setStatus('ready');
  };

  /** Without WebGL 2: nothing offers the interactive map, and the page says why. */
  const unavailable = () => {
    if (startButton) startButton.hidden = true;
    setStatus('unavailable', config.messages.noWebgl);
  };

  /** Starts MapLibre, once: on intent, or for a state that asks for a precise map. */
  function startMap(): void {
    if (started || !webgl) return;
    stopWaiting?.();
    webgl = hasWebgl2();
    if (!webgl) {
      unavailable();
      return;
    }
    started = true;
    startEngine().catch((error: unknown) => {
      console.warn('Atlas map:', error);
      showStatic();
      setStatus('error', config.messages.loadError);
    });
  }

  layersLoaded.catch((error: unknown) => {
    console.warn('Atlas map:', error);
    if (!started) setStatus('error', config.messages.loadError);
  });

  if (!webgl) {
    unavailable();
  } else if (asksForPreciseMap(state)) {
    // A deep link: the reader asked for that view, so MapLibre starts at once.
    startMap();
  } else if (area) {
    if (startButton) startButton.hidden = false;
    stopWaiting = onMapIntent(area, startButton, startMap);
  }
}
