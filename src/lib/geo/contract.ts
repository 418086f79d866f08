/**
 * The thematic feature contract, written once: every property a feature of
 * `geo/<layer>.geojson` carries, the rule its value follows and when it is
 * required. Everything else derives from this table:
 *
 * - the type `ThematicProps` (and the map's `MapFeatureProps`) is inferred from it;
 * - the build's check (`propertyProblems`, used by `geo/validate.ts`) is strict:
 *   any property that breaks its rule is a fatal problem, named by field;
 * - the map's reader (`readProperties`, used by `map/features.ts` in the
 *   browser) is lenient: a malformed optional value is left out, a malformed
 *   text or list becomes empty, and a feature without a valid id, kind or
 *   precision is dropped.
 *
 * Geometry, bbox and references to content are checked beside it, in
 * `geo/validate.ts`. Browser-safe: no dependencies.
 */
import { isEntryId, isFeatureId } from './ids';
import { ISO3 } from '../ids';
import { NOT_ON_MAP } from './props';
import { KINDS, PRECISIONS, type Kind, type Precision, type ThematicLayer } from './types';

const isString = (v: unknown): v is string => typeof v === 'string';
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const wholeAtLeast = (v: unknown, min: number): v is number =>
  finite(v) && Number.isInteger(v) && v >= min;
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T =>
  isString(v) && (values as readonly string[]).includes(v);

/** A [lon, lat] pair in range (the first two numbers of a position). */
export const lonLat = (v: unknown): [number, number] | undefined =>
  Array.isArray(v) &&
  v.length >= 2 &&
  finite(v[0]) &&
  finite(v[1]) &&
  Math.abs(v[0]) <= 180 &&
  Math.abs(v[1]) <= 90
    ? [v[0], v[1]]
    : undefined;

/** A list of strings, each passing `valid`, without repeats; [] for anything else. */
function listOf(v: unknown, valid: (s: string) => boolean): string[] {
  if (!Array.isArray(v)) return [];
  const kept = new Set<string>();
  for (const x of v) if (isString(x) && !kept.has(x) && valid(x)) kept.add(x);
  return [...kept];
}
const isIso3Code = (s: string): boolean => ISO3.test(s);

/**
 * The rules a value can follow. `expect` says what is expected (for the
 * build's messages), `valid` is the build's strict test, and `read` is the
 * map's lenient reading: the value to keep, or undefined to leave it out.
 * (Plain literals, no calls at load time: the browser bundles that import
 * only the id checks above leave this table out.)
 */
interface Rule {
  expect: string;
  /** For a closed vocabulary: its values (the message lists them). */
  values?: readonly string[];
  valid: (v: unknown) => boolean;
  read: (v: unknown) => unknown;
}

const RULES = {
  'feature-id': {
    expect: 'a feature id, "kind:slug"',
    valid: (v) => isString(v) && isFeatureId(v),
    read: (v): string | undefined => (isString(v) && isFeatureId(v) ? v : undefined),
  },
  /** The layer the feature is in; the reader takes it from the file it reads. */
  layer: {
    expect: 'the layer of the file',
    valid: () => true,
    read: (): ThematicLayer | undefined => undefined,
  },
  kind: {
    expect: 'a kind of feature',
    values: KINDS,
    valid: (v) => oneOf(KINDS, v),
    read: (v): Kind | undefined => (oneOf(KINDS, v) ? v : undefined),
  },
  precision: {
    expect: 'a precision',
    values: PRECISIONS,
    valid: (v) => oneOf(PRECISIONS, v),
    read: (v): Precision | undefined => (oneOf(PRECISIONS, v) ? v : undefined),
  },
  text: {
    expect: 'a non-empty string',
    valid: (v) => isString(v) && v.trim() !== '',
    read: (v): string => (isString(v) ? v : ''),
  },
  /** A name: the reader trims it (and falls back on the other language, see `readProperties`). */
  name: {
    expect: 'a non-empty string',
    valid: (v) => isString(v) && v.trim() !== '',
    read: (v): string => (isString(v) ? v.trim() : ''),
  },
  boolean: {
    expect: 'true or false',
    valid: (v) => typeof v === 'boolean',
    read: (v): boolean => v === true,
  },
  ids: {
    expect: 'a list of strings',
    valid: (v) => Array.isArray(v) && v.every(isString),
    read: (v): string[] => listOf(v, isEntryId),
  },
  iso3: {
    expect: 'a list of strings',
    valid: (v) => Array.isArray(v) && v.every(isString),
    read: (v): string[] => listOf(v, isIso3Code),
  },
  km2: {
    expect: 'a whole number of km² above 0',
    valid: (v) => wholeAtLeast(v, 1),
    read: (v): number | undefined => (finite(v) && v >= 0 ? v : undefined),
  },
  point: {
    expect: 'a [lon, lat] point inside the area',
    valid: (v) => Array.isArray(v) && v.length === 2 && v.every((x) => Number.isFinite(x)),
    read: (v): [number, number] | undefined => lonLat(v),
  },
  findings: {
    expect: 'its number of findings, 1 or more',
    valid: (v) => wholeAtLeast(v, 1),
    read: (v): number | undefined => (wholeAtLeast(v, 0) ? v : undefined),
  },
  design: {
    expect: 'the design of the study',
    valid: (v) => isString(v) && v !== '',
    read: (v): string | undefined => (isString(v) && isEntryId(v) ? v : undefined),
  },
} satisfies Record<string, Rule>;
type RuleName = keyof typeof RULES;
type ValueOf<R extends RuleName> = Exclude<ReturnType<(typeof RULES)[R]['read']>, undefined>;

/** When a property must be present: always, on polygons, or on study areas. */
type Required = 'always' | 'areas' | 'study-area';
interface PropertySpec {
  rule: RuleName;
  required: Required;
}

/** Every property of a thematic feature, in the order the map reads them. */
export const THEMATIC_PROPERTIES = {
  /** Stable id, also the feature's top-level `id`, e.g. "region:central-asia". */
  id: { rule: 'feature-id', required: 'always' },
  layer: { rule: 'layer', required: 'always' },
  kind: { rule: 'kind', required: 'always' },
  name_en: { rule: 'name', required: 'always' },
  name_zh: { rule: 'name', required: 'always' },
  precision: { rule: 'precision', required: 'always' },
  /** What the precision means for this feature. */
  precision_note_en: { rule: 'text', required: 'always' },
  precision_note_zh: { rule: 'text', required: 'always' },
  /** True for drawings that show an idea, not a surveyed line (the Great Green Wall band). */
  schematic: { rule: 'boolean', required: 'always' },
  /** Ids of the sources that support the feature. */
  sources: { rule: 'ids', required: 'always' },
  /** Ids of related initiatives. */
  initiatives: { rule: 'ids', required: 'always' },
  /** Ids of related regions. */
  regions: { rule: 'ids', required: 'always' },
  /** ISO 3166-1 alpha-3 codes of the countries concerned. */
  iso3: { rule: 'iso3', required: 'always' },
  note_en: { rule: 'text', required: 'always' },
  note_zh: { rule: 'text', required: 'always' },
  /** Union of the themes of its sources. */
  themes: { rule: 'ids', required: 'always' },
  /** Union of the types of its sources. */
  source_types: { rule: 'ids', required: 'always' },
  /** Where the geometry comes from (boundaries, gazetteer, construction). */
  geometry_source_en: { rule: 'text', required: 'always' },
  geometry_source_zh: { rule: 'text', required: 'always' },
  /** Area in km², rounded (polygons only). */
  area_km2: { rule: 'km2', required: 'areas' },
  /** A point inside the feature, [lon, lat]. */
  label: { rule: 'point', required: 'areas' },
  /** Study areas: the number of coded findings of the study, the weight the map draws. */
  findings: { rule: 'findings', required: 'study-area' },
  /** Study areas: the design of the study (a code of `designs` in src/schemas/research.ts). */
  design: { rule: 'design', required: 'study-area' },
} as const satisfies Record<string, PropertySpec>;

type Specs = typeof THEMATIC_PROPERTIES;
type Key = keyof Specs;
type AlwaysKey = { [K in Key]: Specs[K]['required'] extends 'always' ? K : never }[Key];
type Flat<T> = { [K in keyof T]: T[K] };

/** Properties of every thematic feature (inferred from `THEMATIC_PROPERTIES`). */
export type ThematicProps = Flat<
  { [K in AlwaysKey]: ValueOf<Specs[K]['rule']> } & {
    [K in Exclude<Key, AlwaysKey>]?: ValueOf<Specs[K]['rule']>;
  }
>;

/** The properties the map reads: all but those it does not use (`NOT_ON_MAP`, `props.ts`). */
type MapKey = Exclude<Key, (typeof NOT_ON_MAP)[number]>;
export type MapFeatureProps = Pick<ThematicProps, MapKey>;

const entries = () => Object.entries(THEMATIC_PROPERTIES) as [Key, PropertySpec][];
let mapSpecs: [Key, PropertySpec][] | undefined;
/** The properties the map reads, listed once (the reader runs for every feature). */
const mapEntries = () =>
  (mapSpecs ??= entries().filter(([key]) => !(NOT_ON_MAP as readonly string[]).includes(key)));

/** What a property needs, as a build message says it: "required (…)" or "required for areas (…)". */
export function requirement(key: Key): string {
  const spec: PropertySpec = THEMATIC_PROPERTIES[key];
  const when = { always: '', areas: ' for areas', 'study-area': ' for a study area' }[
    spec.required
  ];
  return `required${when} (${RULES[spec.rule].expect})`;
}

/**
 * The build's check of a feature's properties: one reason per property that
 * breaks its rule, as `properties.<key>: …`. `layer` is the layer the
 * feature must say it is in; `area` whether its geometry is a polygon.
 */
export function propertyProblems(
  props: Record<string, unknown>,
  layer: ThematicLayer,
  area: boolean,
): string[] {
  const reasons: string[] = [];
  for (const [key, spec] of entries()) {
    const value = props[key];
    if (spec.rule === 'layer') {
      if (value !== layer) reasons.push(`properties.${key}: expected "${layer}"`);
      continue;
    }
    if (spec.required === 'areas' && !area) continue;
    if (spec.required === 'study-area' && props['kind'] !== 'study-area') continue;
    const r: Rule = RULES[spec.rule];
    if (r.valid(value)) continue;
    reasons.push(
      r.values
        ? `properties.${key}: expected one of ${r.values.join(', ')}`
        : `properties.${key}: ${requirement(key)}`,
    );
  }
  return reasons;
}

/**
 * The map's reading of a feature's properties, for a feature of `layer`
 * whose id is `id`: each property by its rule, those the map does not use
 * left out. Undefined (drop the feature) when a required property has no
 * usable value, or the feature has no name in either language.
 */
export function readProperties(
  p: Record<string, unknown>,
  layer: ThematicLayer,
  id: string,
): MapFeatureProps | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of mapEntries()) {
    const value = key === 'id' ? id : key === 'layer' ? layer : RULES[spec.rule].read(p[key]);
    if (value !== undefined) out[key] = value;
    else if (spec.required === 'always') return undefined;
  }
  const props = out as MapFeatureProps;
  if (!props.name_en && !props.name_zh) return undefined;
  props.name_en ||= props.name_zh;
  props.name_zh ||= props.name_en;
  return props;
}
