/**
 * The published form of the evidence map: `index.json` (one for both
 * languages: ids and numbers only) and `details-<lang>-<n>.json` (the texts).
 * The index is written as tuples to stay small (about 15 bytes gzip per
 * finding). Reading never trusts the file: anything malformed is dropped,
 * and the texts are only ever shown with `textContent`.
 */
import { ENTRY_ID, ISO3 } from '../ids';
import {
  AXES,
  type Axis,
  type DetailsChunk,
  type EvidenceFinding,
  type EvidenceIndex,
  type EvidenceSource,
  type FindingDetails,
  type SourceDetails,
  type Vocabulary,
} from './model';

/** Bumped when the format changes. */
const FORMAT_VERSION = 1;

type SourceTuple = [id: string, tier: number, year: number, language: number, onMap: 0 | 1];
type FindingTuple = [
  source: number,
  direction: number,
  status: number,
  drivers: number[],
  codedDrivers: number[],
  regions: number[],
  outcomes: number[],
  pathways: number[],
];

interface EncodedIndex {
  v: number;
  vocabulary: Vocabulary;
  regionsOnMap: string[];
  chunk: number;
  sources: SourceTuple[];
  findings: FindingTuple[];
}

export function encodeIndex(index: EvidenceIndex): EncodedIndex {
  return {
    v: FORMAT_VERSION,
    vocabulary: index.vocabulary,
    regionsOnMap: index.regionsOnMap,
    chunk: index.chunk,
    sources: index.sources.map((s) => [s.id, s.tier, s.year, s.language, s.onMap ? 1 : 0]),
    findings: index.findings.map((f) => [
      f.source,
      f.direction,
      f.status,
      ...AXES.map((axis) => f.keys[axis]),
    ]) as FindingTuple[],
  };
}

/** An id as the vocabularies and sources use them: a slug, or a reserved "_slug" column. */
const MAX_ID = 120;
const isId = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= MAX_ID && ENTRY_ID.test(v.replace(/^_/, ''));
const isIndex = (v: unknown, length: number): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < length;
const ids = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every(isId) && new Set(v).size === v.length ? [...v] : undefined;

function readVocabulary(raw: unknown): Vocabulary {
  const r = (raw ?? {}) as Record<string, unknown>;
  const axesRaw = (r['axes'] ?? {}) as Record<string, unknown>;
  const axes = {} as Record<Axis, string[]>;
  for (const axis of AXES) {
    const list = ids(axesRaw[axis]);
    if (!list) throw new Error(`evidence map index: axis ${axis} is not a list of ids`);
    axes[axis] = list;
  }
  const list = (key: string) => {
    const value = ids(r[key]);
    if (!value || value.length === 0)
      throw new Error(`evidence map index: ${key} is not a list of ids`);
    return value;
  };
  return {
    axes,
    tiers: list('tiers'),
    directions: list('directions'),
    statuses: list('statuses'),
    languages: list('languages'),
  };
}

/**
 * Reads `index.json`. Throws if the file is not an index of this format
 * (wrong version, no vocabulary); drops single sources or findings that do
 * not fit, with every finding of a dropped source.
 */
export function decodeIndex(json: unknown): EvidenceIndex {
  const raw = (json ?? {}) as Partial<Record<keyof EncodedIndex, unknown>>;
  if (raw.v !== FORMAT_VERSION) throw new Error(`evidence map index: format ${String(raw.v)}`);
  const vocabulary = readVocabulary(raw.vocabulary);
  const chunk =
    Number.isInteger(raw.chunk) && (raw.chunk as number) > 0 ? (raw.chunk as number) : 0;
  if (chunk === 0) throw new Error('evidence map index: no chunk size');
  const sourceAt = new Map<number, number>();
  const sources: EvidenceSource[] = [];
  (Array.isArray(raw.sources) ? raw.sources : []).forEach((t: unknown, i) => {
    if (!Array.isArray(t) || t.length !== 5) return;
    const [id, tier, year, language, onMap] = t as unknown[];
    if (!isId(id) || !isIndex(tier, vocabulary.tiers.length)) return;
    if (!Number.isInteger(year) || (year as number) < 1800 || (year as number) > 2100) return;
    if (!isIndex(language, vocabulary.languages.length) || (onMap !== 0 && onMap !== 1)) return;
    sourceAt.set(i, sources.length);
    sources.push({ id, tier, year: year as number, language, onMap: onMap === 1 });
  });
  const findings: EvidenceFinding[] = [];
  for (const t of Array.isArray(raw.findings) ? raw.findings : []) {
    const finding = readFinding(t, vocabulary, sourceAt);
    // A dropped finding keeps its place, so details stay aligned: it counts nowhere.
    findings.push(
      finding ?? {
        source: -1,
        direction: -1,
        status: 0,
        keys: { drivers: [], codedDrivers: [], regions: [], outcomes: [], pathways: [] },
      },
    );
  }
  const regionsOnMap = (ids(raw.regionsOnMap) ?? []).filter((id) =>
    vocabulary.axes.regions.includes(id),
  );
  return { vocabulary, sources, findings, regionsOnMap, chunk };
}

function readFinding(
  t: unknown,
  vocabulary: Vocabulary,
  sourceAt: ReadonlyMap<number, number>,
): EvidenceFinding | undefined {
  if (!Array.isArray(t) || t.length !== 3 + AXES.length) return undefined;
  const [source, direction, status, ...lists] = t as unknown[];
  const at = typeof source === 'number' ? sourceAt.get(source) : undefined;
  if (at === undefined) return undefined;
  if (direction !== -1 && !isIndex(direction, vocabulary.directions.length)) return undefined;
  if (!isIndex(status, vocabulary.statuses.length)) return undefined;
  const keys = {} as Record<Axis, number[]>;
  for (const [i, axis] of AXES.entries()) {
    const list = lists[i];
    const length = vocabulary.axes[axis].length;
    if (!Array.isArray(list) || !list.every((k) => isIndex(k, length))) return undefined;
    keys[axis] = [...new Set(list)];
  }
  return { source: at, direction: direction, status: status, keys };
}

const text = (v: unknown, max = 20_000): string | undefined =>
  typeof v === 'string' && v.length <= max ? v : undefined;
const codes = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((c) => typeof c === 'string' && ISO3.test(c))
    ? [...(v as string[])]
    : undefined;

type SourceDetailsTuple = [title: string, design: string, countries: string[]];
/** A finding's countries are written only when they are not its source's. */
type FindingDetailsTuple = [
  id: string,
  text: string,
  subgroup: string,
  locator: string,
  countries?: string[],
];
interface EncodedDetails {
  sources: Record<string, SourceDetailsTuple>;
  findings: FindingDetailsTuple[];
}

/** Writes a details file as tuples, each finding's countries only where they differ from its source's. */
export function encodeDetails(chunk: DetailsChunk, sourceOf: readonly string[]): EncodedDetails {
  const sources: Record<string, SourceDetailsTuple> = {};
  for (const [id, s] of Object.entries(chunk.sources))
    sources[id] = [s.title, s.design, s.countries];
  return {
    sources,
    findings: chunk.findings.map((f, i) => {
      const own = chunk.sources[sourceOf[i] ?? '']?.countries ?? [];
      const same = own.length === f.countries.length && own.every((c, k) => c === f.countries[k]);
      const tuple: FindingDetailsTuple = [f.id, f.text, f.subgroup, f.locator];
      if (!same) tuple.push(f.countries);
      return tuple;
    }),
  };
}

/**
 * Reads a details file. `sourceOf[i]` is the source id of its finding i (from
 * the index), for the countries a finding shares with its source. A finding
 * that does not fit becomes an empty one, keeping the order.
 */
export function decodeDetails(json: unknown, sourceOf: readonly string[]): DetailsChunk {
  const raw = (json ?? {}) as Record<string, unknown>;
  const sources: Record<string, SourceDetails> = {};
  const rawSources = raw['sources'];
  if (rawSources && typeof rawSources === 'object') {
    for (const [id, value] of Object.entries(rawSources as Record<string, unknown>)) {
      if (!Array.isArray(value) || !isId(id)) continue;
      const title = text(value[0], 1000);
      const design = value[1] === '' ? '' : isId(value[1]) ? value[1] : undefined;
      const countries = codes(value[2]);
      if (title !== undefined && design !== undefined && countries)
        sources[id] = { title, design, countries };
    }
  }
  const findings: FindingDetails[] = (Array.isArray(raw['findings']) ? raw['findings'] : []).map(
    (value: unknown, i) => {
      const v = Array.isArray(value) ? (value as unknown[]) : [];
      return {
        id: isId(v[0]) ? v[0] : '',
        text: text(v[1]) ?? '',
        subgroup: text(v[2], 2000) ?? '',
        locator: text(v[3], 500) ?? '',
        countries: codes(v[4]) ?? sources[sourceOf[i] ?? '']?.countries ?? [],
      };
    },
  );
  return { sources, findings };
}
