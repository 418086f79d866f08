/**
 * What every layer builder shares: the definitions and content, the problems
 * found so far, where each feature was defined (for error lines), the
 * country shapes (and which came from a finer scale), and the two ways a
 * thematic feature is made — from a finished geometry, or from country
 * shapes dissolved into one area.
 */
import type { BBox } from 'geojson';
import { themesAndTypes, type Localized, type MapContent } from '../content';
import type { Definitions } from '../definitions';
import { Problems } from '../errors';
import { CountryIndex, packageVersion, type Scale } from '../natural-earth';
import type { Area } from '../geometry';
import { finish, processArea } from '../process';
import { namesOf, scaleLabel } from '../text';
import type { Kind, ThematicFeature, ThematicLayer, ThematicProps } from '../types';
import { isIso3, type KnownIds } from '../validate';

/** A feature's properties before the layer and its sources' themes and types are added. */
export type FeatureBase = Omit<ThematicProps, 'layer' | 'themes' | 'source_types'>;
/** The same, for an area: its size and label point come from the processing. */
type AreaBase = Omit<FeatureBase, 'area_km2' | 'label'>;

export class LayerContext {
  readonly problems = new Problems();
  /** Where each feature is defined, for error messages. */
  readonly origin = new Map<string, string>();
  /** Countries taken from a finer scale than the first, for notes and the catalogue. */
  readonly finer = new Map<string, Scale>();
  readonly known: KnownIds;
  readonly index: CountryIndex;
  readonly atlasVersion = packageVersion('world-atlas');
  /** Where country boundaries come from, for `geometry_source`. */
  readonly boundarySource: Localized;
  private readonly finished = new Map<string, Area | undefined>();

  constructor(
    readonly defs: Definitions,
    readonly content: MapContent,
  ) {
    const ne = defs.layers.naturalEarth;
    this.index = new CountryIndex(ne.thematicScales, ne.attach);
    this.known = {
      sources: new Set(content.sources.keys()),
      initiatives: new Set(content.initiatives.keys()),
      regions: new Set(content.regions.keys()),
    };
    this.boundarySource = {
      en: `Natural Earth admin-0 countries (world-atlas ${this.atlasVersion}, public domain), dissolved with Turf union`,
      zh: `Natural Earth 国家边界（world-atlas ${this.atlasVersion}，公有领域），经 Turf union 合并`,
    };
  }

  /** Tolerances and titles of the layers (`geo/layers.json`). */
  get meta() {
    return this.defs.layers.layers;
  }

  /** A country's raw shape (cut at the antimeridian), from the first scale that has it. */
  country(iso3: string): Area | undefined {
    const found = this.index.get(iso3);
    if (found && found.scale !== this.defs.layers.naturalEarth.thematicScales[0]) {
      this.finer.set(iso3, found.scale);
    }
    return found?.geometry;
  }

  /** A country's shape as the thematic layers draw it (simplified like the regions), for locator maps. */
  finishedCountry(iso3: string): Area | undefined {
    if (!this.finished.has(iso3)) {
      const raw = this.country(iso3);
      this.finished.set(iso3, raw && finish(raw, { tolerance: this.meta.regions.tolerance }));
    }
    return this.finished.get(iso3);
  }

  /** Shapes of countries, reporting any that Natural Earth lacks. */
  shapes(codes: readonly string[], file: string, id: string): Area[] {
    return codes.flatMap((code) => {
      if (!isIso3(code)) {
        this.problems.add(file, id, `iso3: unknown ISO3 code "${code}"`);
        return [];
      }
      const shape = this.country(code);
      if (!shape) {
        this.problems.add(file, id, `iso3: no Natural Earth boundary for "${code}" at any scale`);
        return [];
      }
      return [shape];
    });
  }

  /** A note naming the countries drawn from a finer scale (empty if none), to end a precision note. */
  finerNote(codes: readonly string[]): Localized {
    const fine = codes.filter((c) => this.finer.has(c));
    if (fine.length === 0) return { en: '', zh: '' };
    const first = scaleLabel(this.defs.layers.naturalEarth.thematicScales[0] as Scale);
    const scales = [...new Set(fine.map((c) => this.finer.get(c) as Scale))].map(scaleLabel);
    const names = namesOf(fine);
    return {
      en: ` ${names.en}: too small for ${first.en}, drawn from ${scales.map((s) => s.en).join(' or ')}.`,
      zh: `${names.zh}面积过小，${first.zh}数据未收录，改用 ${scales.map((s) => s.zh).join(' 或 ')} 数据。`,
    };
  }

  /** Reports a source list that is empty or names a source content/sources lacks. */
  checkSources(ids: readonly string[], file: string, id: string): void {
    if (ids.length === 0) {
      this.problems.add(file, id, 'sources: at least one source (a feature needs a source)');
    }
    ids.forEach((s, n) => {
      if (!this.known.sources.has(s)) {
        this.problems.add(file, id, `sources[${n}]: no source "${s}" in content/sources`);
      }
    });
  }

  /** Reports that Turf failed on a feature. */
  turfFailed(file: string, id: string, error: unknown): void {
    this.problems.add(file, id, `Turf processing failed: ${(error as Error).message}`);
  }

  /** A thematic feature of `layer`, taking themes and source types from its sources. */
  feature(
    layer: ThematicLayer,
    base: FeatureBase,
    geometry: ThematicFeature['geometry'],
    bbox: BBox,
  ): ThematicFeature {
    const { id, ...rest } = base;
    const props: ThematicProps = {
      id,
      layer,
      ...rest,
      ...themesAndTypes(this.content, base.sources),
    };
    return { type: 'Feature', id: base.id, bbox, properties: props, geometry };
  }

  /** One `countryArea` per item that names countries; items that name none have no feature. */
  countryAreas<T>(layer: ThematicLayer, items: Iterable<T>, describe: (item: T) => CountryArea) {
    return [...items].flatMap((item): ThematicFeature[] => {
      const a = describe(item);
      const feature = a.countries.length > 0 ? this.countryArea(layer, a) : undefined;
      return feature ? [feature] : [];
    });
  }

  /**
   * An area made of whole countries (a region, an initiative's countries, a
   * study area): their shapes dissolved and finished at the layer's
   * tolerance, at country precision. Undefined, with the problems reported,
   * if there is nothing to draw.
   */
  countryArea(layer: ThematicLayer, a: CountryArea): ThematicFeature | undefined {
    this.origin.set(a.id, a.file);
    const parts = this.shapes(a.countries, a.file, a.id);
    const finer = this.finerNote(a.countries);
    if (parts.length === 0) return undefined;
    const base: AreaBase = {
      id: a.id,
      kind: a.kind,
      name_en: a.name.en,
      name_zh: a.name.zh,
      precision: 'country',
      precision_note_en: `${a.precisionNote.en}${finer.en}`,
      precision_note_zh: `${a.precisionNote.zh}${finer.zh}`,
      schematic: false,
      sources: a.sources,
      initiatives: a.initiatives,
      regions: a.regions,
      iso3: [...a.countries],
      note_en: a.note.en,
      note_zh: a.note.zh,
      geometry_source_en: this.boundarySource.en,
      geometry_source_zh: this.boundarySource.zh,
      ...a.study,
    };
    try {
      const p = processArea(parts, { tolerance: this.meta[layer].tolerance });
      return this.feature(
        layer,
        { ...base, area_km2: p.area_km2, label: p.label },
        p.geometry,
        p.bbox,
      );
    } catch (error) {
      this.turfFailed(a.file, a.id, error);
      return undefined;
    }
  }
}

/** What `countryArea` needs to know of an area. */
export interface CountryArea {
  id: string;
  kind: Kind;
  /** The file the area is defined in, for error lines. */
  file: string;
  name: Localized;
  countries: readonly string[];
  /** What the precision means; a note on countries drawn from a finer scale is added. */
  precisionNote: Localized;
  sources: string[];
  initiatives: string[];
  regions: string[];
  note: Localized;
  /** Study areas: the weight and the design. */
  study?: Pick<ThematicProps, 'findings' | 'design'>;
}

/** The id, kind, file, name and countries of the area of a region or an initiative. */
export const entryArea = (
  kind: 'region' | 'initiative',
  entry: { id: string; file: string; name: Localized; countries: string[] },
): Pick<CountryArea, 'id' | 'kind' | 'file' | 'name' | 'countries'> => ({
  id: `${kind}:${entry.id}`,
  kind,
  file: entry.file,
  name: entry.name,
  countries: entry.countries,
});
