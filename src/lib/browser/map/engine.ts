/**
 * The MapLibre side of the map page, loaded on demand by `page.ts` only when
 * the reader asks for the interactive map and the browser has WebGL 2, so no
 * other page, no reader of the static map alone and no browser without WebGL
 * downloads MapLibre. Its CSS and its worker ship with the site: nothing is
 * fetched from another origin (no tiles, glyphs, sprite, fonts or RTL plugin).
 */
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
} from 'maplibre-gl';
import cssUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { MapView } from '../../map/state';
import { LAYER_IDS, type LayerId, type MapFeature } from '../../map/features';
import {
  CLICKABLE_LAYERS,
  DEFAULT_PALETTE,
  STYLE_LAYERS,
  buildStyle,
  layerFilter,
  type MapPalette,
} from '../../map/style';

// The worker is a file of the site (hashed, under the base): MapLibre would
// otherwise look for it next to its own module, which the bundler renames.
setWorkerUrl(new URL(workerUrl, document.baseURI).href);

/**
 * MapLibre's stylesheet, added to the page when this module loads. Imported
 * as a URL, not as CSS: Astro puts the CSS of a lazily imported module in the
 * page's head, where it would block the first paint of every map page.
 */
export const stylesheet: Promise<void> = new Promise((resolve, reject) => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(cssUrl, document.baseURI).href;
  link.addEventListener('load', () => resolve());
  link.addEventListener('error', () => reject(new Error(`${link.href}: not loaded`)));
  document.head.append(link);
});

export interface EngineOptions {
  container: HTMLElement;
  /** Absolute URL of the folder of layer files, which MapLibre fetches itself. */
  geoBase: string;
  layers: readonly LayerId[];
  shownIds: readonly string[];
  selected: string | null;
  /** Start here, if given; else frame `bounds`. */
  view: MapView | null;
  bounds: MapFeature['bbox'] | undefined;
  /** True if `bounds` is an exact site or town (the map may zoom in closer). */
  boundsExact: boolean;
  locale: Record<string, string>;
  attribution: string;
  /** Id of the element that tells keyboard users how to use the map. */
  describedBy: string;
  onSelect: (id: string) => void;
  /** Called after the reader moved the map (drag, zoom, keys, buttons). */
  onUserMove: (view: MapView) => void;
}

export interface AtlasMapEngine {
  map: MapLibreMap;
  /** Resolves when the style and layers are loaded. */
  loaded: Promise<void>;
  update: (
    layers: readonly LayerId[],
    shownIds: readonly string[],
    selected: string | null,
  ) => void;
  /** Frames a box; `exact` allows zooming in closer (a site, not a country). */
  frame: (bbox: MapFeature['bbox'], exact: boolean) => void;
  jumpTo: (view: MapView) => void;
  view: () => MapView;
}

const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The map's colours, from the CSS custom properties of the page (light or dark). */
function palette(element: HTMLElement): MapPalette {
  const css = getComputedStyle(element);
  const read = (name: keyof MapPalette) =>
    css.getPropertyValue(`--map-${name}`).trim() || DEFAULT_PALETTE[name];
  return {
    water: read('water'),
    land: read('land'),
    border: read('border'),
    regions: read('regions'),
    initiatives: read('initiatives'),
    studies: read('studies'),
    sites: read('sites'),
    selected: read('selected'),
    halo: read('halo'),
  };
}

const WORLD: LngLatBoundsLike = [
  [-170, -50],
  [175, 70],
];

/** Most the map zooms in to frame a feature: closer for a site or town than for a country. */
const maxZoomFor = (exact: boolean): number => (exact ? 7 : 4.5);

export function createAtlasMap(o: EngineOptions): AtlasMapEngine {
  /** Room around a framed feature; on wide screens the panel lies over the map's right side. */
  const padding = () => {
    const panel = o.container.parentElement?.querySelector<HTMLElement>('[data-panel]');
    const overlay = panel && !panel.hidden && getComputedStyle(panel).position === 'absolute';
    const right = overlay ? Math.min(panel.offsetWidth, o.container.clientWidth / 2) : 0;
    return { top: 40, bottom: 40, left: 40, right: right + 40 };
  };
  const map = new MapLibreMap({
    container: o.container,
    style: buildStyle({
      geoBase: o.geoBase,
      shownIds: o.shownIds,
      selected: o.selected,
      palette: palette(o.container),
    }),
    ...(o.view
      ? { center: [o.view.lng, o.view.lat] as [number, number], zoom: o.view.zoom }
      : {
          bounds: o.bounds ?? WORLD,
          fitBoundsOptions: { padding: padding(), maxZoom: maxZoomFor(o.boundsExact) },
        }),
    locale: o.locale,
    attributionControl: false,
    maplibreLogo: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxPitch: 0,
    maxZoom: 9,
    fadeDuration: 0,
    reduceMotion: reducedMotion(),
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(
    new AttributionControl({ compact: true, customAttribution: o.attribution }),
    'bottom-right',
  );
  map.getCanvas().setAttribute('aria-describedby', o.describedBy);

  let layers = [...o.layers];
  const setVisibility = () => {
    for (const id of LAYER_IDS) {
      const visibility = layers.includes(id) ? 'visible' : 'none';
      for (const styleLayer of STYLE_LAYERS[id])
        map.setLayoutProperty(styleLayer, 'visibility', visibility);
    }
  };

  /** True once the style has loaded: layers can be changed from then on. */
  let ready = false;
  const loaded = new Promise<void>((resolve, reject) => {
    map.once('load', () => {
      ready = true;
      setVisibility();
      resolve();
    });
    map.once('error', (e) => {
      if (!map.loaded())
        reject(e.error instanceof Error ? e.error : new Error('the map failed to load'));
    });
  });

  const clickable = () =>
    CLICKABLE_LAYERS.filter(
      (l) => map.getLayer(l) && map.getLayoutProperty(l, 'visibility') !== 'none',
    );
  /**
   * The feature under the pointer: a point first, else the smallest area, so
   * that a study area or a region inside a larger initiative can be picked.
   */
  const hitAt = (point: { x: number; y: number }): MapGeoJSONFeature | undefined => {
    const hits = map.queryRenderedFeatures(
      [
        [point.x - 6, point.y - 6],
        [point.x + 6, point.y + 6],
      ],
      { layers: clickable() },
    );
    const size = (f: MapGeoJSONFeature) =>
      f.geometry.type === 'Point' ? -1 : Number(f.properties['area_km2'] ?? Infinity);
    return hits.reduce<MapGeoJSONFeature | undefined>(
      (best, f) => (best === undefined || size(f) < size(best) ? f : best),
      undefined,
    );
  };
  map.on('click', (e) => {
    const id: unknown = hitAt(e.point)?.properties['id'];
    if (typeof id === 'string') o.onSelect(id);
  });
  map.on('mousemove', (e) => {
    map.getCanvas().style.cursor = hitAt(e.point) ? 'pointer' : '';
  });
  map.on('moveend', (e) => {
    // Moves made by the reader carry the DOM event; the page's own do not.
    if ((e as { originalEvent?: Event }).originalEvent) o.onUserMove(view());
  });

  const view = (): MapView => {
    const c = map.getCenter();
    return { zoom: map.getZoom(), lat: c.lat, lng: c.lng };
  };

  return {
    map,
    loaded,
    update(nextLayers, shownIds, selected) {
      layers = [...nextLayers];
      if (!ready) {
        // Before the first load: apply once it is there (the latest call wins).
        void loaded.then(() => this.update(layers, shownIds, selected));
        return;
      }
      setVisibility();
      for (const id of LAYER_IDS)
        for (const styleLayer of STYLE_LAYERS[id])
          map.setFilter(styleLayer, layerFilter(styleLayer, shownIds, selected));
    },
    frame(bbox, exact) {
      const [w, s, e, n] = bbox;
      map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        {
          padding: padding(),
          maxZoom: maxZoomFor(exact),
          animate: !reducedMotion(),
          duration: 700,
        },
      );
    },
    jumpTo(v) {
      map.jumpTo({ center: [v.lng, v.lat], zoom: v.zoom });
    },
    view,
  };
}
