/**
 * The published form of the evidence map: `index.json` (one for both
 * languages: ids and numbers only) and `details-<lang>-<n>.json` (the texts).
 * The index is written as tuples to stay small (about 15 bytes gzip per
 * finding). Reading never trusts the file: anything malformed is dropped,
 * and the texts are only ever shown with `textContent`.
 */
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
export const FORMAT_VERSION = 1;

type SourceTuple = [id: string, tier: number, year: number, language: number, onMap: 0 | 1];
type FindingTuple = [
  source: number,
  direction: number,
  status: number,
  drivers: number[],
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
const ID = /^_?[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_ID = 120;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_ID && ID.test(v);
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
        keys: { drivers: [], regions: [], outcomes: [], pathways: [] },
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
    keys[axis] = [...new Set(list as number[])];
  }
  return { source: at, direction: direction as number, status: status as number, keys };
}

const text = (v: unknown, max = 20_000): string | undefined =>
  typeof v === 'string' && v.length <= max ? v : undefined;

/** Reads a details file; a finding that does not fit becomes an empty one, keeping the order. */
export function decodeDetails(json: unknown): DetailsChunk {
  const raw = (json ?? {}) as Record<string, unknown>;
  const sources: Record<string, SourceDetails> = {};
  const rawSources = raw['sources'];
  if (rawSources && typeof rawSources === 'object') {
    for (const [id, value] of Object.entries(rawSources as Record<string, unknown>)) {
      const v = (value ?? {}) as Record<string, unknown>;
      const title = text(v['title'], 1000);
      const design =
        v['design'] === '' ? '' : isId(v['design']) ? (v['design'] as string) : undefined;
      if (isId(id) && title !== undefined && design !== undefined) sources[id] = { title, design };
    }
  }
  const findings: FindingDetails[] = (Array.isArray(raw['findings']) ? raw['findings'] : []).map(
    (value: unknown) => {
      const v = (value ?? {}) as Record<string, unknown>;
      const countries = Array.isArray(v['countries'])
        ? (v['countries'] as unknown[]).filter(
            (c): c is string => typeof c === 'string' && /^[A-Z]{3}$/.test(c),
          )
        : [];
      return {
        id: isId(v['id']) ? (v['id'] as string) : '',
        text: text(v['text']) ?? '',
        subgroup: text(v['subgroup'], 2000) ?? '',
        locator: text(v['locator'], 500) ?? '',
        countries,
      };
    },
  );
  return { sources, findings };
}
