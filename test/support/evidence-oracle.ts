/**
 * An independent count of the evidence map, straight from the markdown in
 * `content/` (YAML read here, not through the atlas's loaders or its map
 * code), for the tests to hold the built table and the browser against. It
 * follows the placement rules the map page states in its method notes:
 *
 * - driver rows: a coded effect's driver, else the finding's driver themes;
 *   the outcome view has the coded drivers only;
 * - outcome columns: a coded effect's outcome;
 * - pathway rows: the finding's pathway themes;
 * - themes: the finding's own, else its source's;
 * - region columns: regions with one of the finding's countries (its effect's,
 *   else its source's), the source's regions when the finding takes its place
 *   from the source, "elsewhere" for a country in no region, else global.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { THEMES } from '../../src/schemas/common';
import { designTier, drivers, outcomes } from '../../src/schemas/research';
import { ELSEWHERE_COLUMN, GLOBAL_COLUMN } from '../../src/lib/evidence-map/model';

const CONTENT = process.env['ATLAS_CONTENT_DIR'] ?? 'content';

interface RawFinding {
  id: string;
  status: string;
  themes?: string[];
  effect?: { driver: string; outcome: string; direction: string; countries?: string[] };
}
interface RawSource {
  id: string;
  study?: { design: string };
  bibliographic: { issued: string; originalLanguage: string };
  countries?: string[];
  regions?: string[];
  themes: string[];
  findings: RawFinding[];
}

function frontmatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter`);
  return load(match[1] ?? '') as Record<string, unknown>;
}

function entries<T>(collection: string): (T & { id: string })[] {
  const dir = join(CONTENT, collection);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ ...(frontmatter(join(dir, f)) as T), id: f.slice(0, -3) }));
}

/** One finding with what the counts need. */
export interface OracleFinding {
  source: string;
  id: string;
  tier: string;
  direction: string | null;
  year: number;
  status: string;
  language: string;
  outcome: string | null;
  rows: { drivers: string[]; codedDrivers: string[]; pathways: string[] };
  cols: { regions: string[]; outcomes: string[] };
}

export function oracleFindings(): OracleFinding[] {
  const regions = entries<{ countries: string[] }>('regions');
  const sources = entries<Omit<RawSource, 'id'>>('sources');
  const driverThemes: readonly string[] = THEMES.drivers;
  const pathwayThemes: readonly string[] = THEMES.pathways;
  return sources.flatMap((s) =>
    s.findings.map((f) => {
      const themes = f.themes ?? s.themes;
      const own = f.effect?.countries;
      const countries = own ?? s.countries ?? [];
      const columns = new Set<string>(own === undefined ? (s.regions ?? []) : []);
      for (const c of countries) {
        const of = regions.filter((r) => r.countries.includes(c)).map((r) => r.id);
        if (of.length === 0) columns.add(ELSEWHERE_COLUMN);
        of.forEach((r) => columns.add(r));
      }
      if (columns.size === 0) columns.add(GLOBAL_COLUMN);
      return {
        source: s.id,
        id: f.id,
        tier: designTier(s.study?.design as Parameters<typeof designTier>[0]),
        direction: f.effect?.direction ?? null,
        year: Number(String(s.bibliographic.issued).slice(0, 4)),
        status: f.status,
        language: s.bibliographic.originalLanguage,
        outcome: f.effect?.outcome ?? null,
        rows: {
          drivers: f.effect ? [f.effect.driver] : themes.filter((t) => driverThemes.includes(t)),
          codedDrivers: f.effect ? [f.effect.driver] : [],
          pathways: themes.filter((t) => pathwayThemes.includes(t)),
        },
        cols: { regions: [...columns], outcomes: f.effect ? [f.effect.outcome] : [] },
      };
    }),
  );
}

export const ORACLE_VIEWS = {
  'driver-region': { rows: 'drivers', cols: 'regions' },
  'driver-outcome': { rows: 'codedDrivers', cols: 'outcomes' },
  'pathway-region': { rows: 'pathways', cols: 'regions' },
} as const;
export type OracleView = keyof typeof ORACLE_VIEWS;

/** The rows and columns each view must have. */
export function oracleAxes(view: OracleView): { rows: string[]; cols: string[] } {
  const regionIds = entries<object>('regions').map((r) => r.id);
  const driverRows = [...new Set<string>([...drivers, ...THEMES.drivers])];
  const axes = {
    drivers: driverRows,
    codedDrivers: [...drivers] as string[],
    pathways: [...THEMES.pathways] as string[],
    regions: [GLOBAL_COLUMN, ...regionIds, ELSEWHERE_COLUMN],
    outcomes: [...outcomes] as string[],
  };
  return { rows: axes[ORACLE_VIEWS[view].rows], cols: axes[ORACLE_VIEWS[view].cols] };
}

export interface OracleCell {
  total: number;
  tiers: Record<string, number>;
  directions: Record<string, number>;
  studies: number;
  state: 'gap' | 'policy-only' | 'one-study' | 'evidence';
  findings: OracleFinding[];
}

/** Every cell of `view` ("row~col" → counts), for the findings that pass `keep`. */
export function oracleCells(
  view: OracleView,
  keep: (f: OracleFinding) => boolean = () => true,
): Map<string, OracleCell> {
  const { rows, cols } = ORACLE_VIEWS[view];
  const cells = new Map<string, OracleCell>();
  for (const f of oracleFindings().filter(keep))
    for (const r of f.rows[rows])
      for (const c of f.cols[cols]) {
        const key = `${r}~${c}`;
        const list = cells.get(key)?.findings ?? [];
        list.push(f);
        cells.set(key, summarise(list));
      }
  return cells;
}

function summarise(findings: OracleFinding[]): OracleCell {
  const tiers: Record<string, number> = {};
  const directions: Record<string, number> = {};
  for (const f of findings) {
    tiers[f.tier] = (tiers[f.tier] ?? 0) + 1;
    if (f.direction) directions[f.direction] = (directions[f.direction] ?? 0) + 1;
  }
  const studies = new Set(findings.filter((f) => f.tier !== 'policy').map((f) => f.source)).size;
  return {
    total: findings.length,
    tiers,
    directions,
    studies,
    state: studies === 0 ? 'policy-only' : studies === 1 ? 'one-study' : 'evidence',
    findings,
  };
}

/** A cell the view does not list in the oracle is a gap. */
export const GAP: OracleCell = {
  total: 0,
  tiers: {},
  directions: {},
  studies: 0,
  state: 'gap',
  findings: [],
};
