/**
 * A thematic layer without its geometry: what the map page reads
 * (`geo/<layer>.props.json`). No imports but types, so that the test and
 * benchmark harness can load it in Node as it is.
 */
import type { ThematicCollection, ThematicFeature } from './types';

/**
 * A layer with each feature's geometry left out (GeoJSON allows a null
 * geometry) and its bounding box kept: a study-area layer is megabytes of
 * country outlines, and its list needs only ids, boxes and properties.
 */
export function withoutGeometry(collection: ThematicCollection): {
  type: 'FeatureCollection';
  features: (Omit<ThematicFeature, 'geometry'> & { geometry: null })[];
} {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) => ({ ...f, geometry: null })),
  };
}
