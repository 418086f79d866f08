/**
 * What the pages, search, the map and the method page derive from research
 * entries: where a study's data come from, which effect values its findings
 * use, and tallies of the coding. Pure (no Astro), so it is unit-tested and
 * shared by the build-time pages and the geo build.
 */
import { locator, type Locator } from '../../schemas/common';
import {
  designs,
  designTier,
  designTiers,
  drivers,
  effectDirections,
  effectScale,
  outcomes,
  readParts,
  type Design,
  type DesignTier,
  type Driver,
  type EffectDirection,
  type Outcome,
  type ReadPart,
} from '../../schemas/research';

/** Scales of a finding and kinds of locator, in schema order (the schemas define them inline). */
export const effectScales = effectScale.options;
type EffectScale = (typeof effectScales)[number];
export const locatorKinds = locator.shape.kind.options;
type LocatorKind = Locator['kind'];

/** The parts of a source entry these helpers read. */
export interface ResearchLike {
  countries?: readonly string[] | undefined;
  study?: { design: Design } | undefined;
  findings: readonly {
    status?: string | undefined;
    locator?: { kind: LocatorKind } | undefined;
    effect?:
      | {
          driver: Driver;
          outcome: Outcome;
          direction: EffectDirection;
          scale: EffectScale;
          countries?: readonly string[] | undefined;
        }
      | undefined;
    readAt?: { part: ReadPart; url: string } | undefined;
  }[];
}

/** A research entry is one with a study block (the schema requires it of every research type). */
export const isStudy = (s: ResearchLike): boolean => s.study !== undefined;

/** The design tier of an entry: synthesis, primary study, or policy document (no design). */
const tierOf = (s: ResearchLike): DesignTier => designTier(s.study?.design);

/**
 * The countries a study's data come from: the source's own countries and the
 * countries of each of its findings, once each, in code order.
 */
export function dataCountries(s: ResearchLike): string[] {
  const codes = new Set(s.countries ?? []);
  for (const f of s.findings) for (const c of f.effect?.countries ?? []) codes.add(c);
  return [...codes].sort();
}

/** Values in the order of their vocabulary. */
const inOrder = <T extends string>(vocabulary: readonly T[], found: Iterable<T>): T[] => {
  const set = new Set(found);
  return vocabulary.filter((v) => set.has(v));
};

/** The drivers, outcomes and directions the findings of an entry use, each in vocabulary order. */
export function effectValues(s: ResearchLike): {
  driver: Driver[];
  outcome: Outcome[];
  direction: EffectDirection[];
} {
  const effects = s.findings.flatMap((f) => (f.effect ? [f.effect] : []));
  return {
    driver: inOrder(
      drivers,
      effects.map((e) => e.driver),
    ),
    outcome: inOrder(
      outcomes,
      effects.map((e) => e.outcome),
    ),
    direction: inOrder(
      effectDirections,
      effects.map((e) => e.direction),
    ),
  };
}

/** The studies among `items` whose data come from at least one of `countries`. */
export function studiesFrom<T>(
  items: readonly T[],
  of: (item: T) => ResearchLike,
  countries: readonly string[],
): T[] {
  const wanted = new Set(countries);
  return items.filter((item) => {
    const s = of(item);
    return isStudy(s) && dataCountries(s).some((c) => wanted.has(c));
  });
}

/** Items grouped by design tier, then by design, both in vocabulary order; empty groups left out. */
export function byDesign<T>(
  items: readonly T[],
  of: (item: T) => ResearchLike,
): { tier: DesignTier; designs: { design: Design | null; items: T[] }[] }[] {
  return designTiers
    .map((tier) => {
      const inTier = items.filter((item) => tierOf(of(item)) === tier);
      const groups =
        tier === 'policy'
          ? [{ design: null, items: inTier }]
          : designs
              .filter((d) => designTier(d) === tier)
              .map((design) => ({
                design,
                items: inTier.filter((item) => of(item).study?.design === design),
              }));
      return { tier, designs: groups.filter((g) => g.items.length > 0) };
    })
    .filter((t) => t.designs.length > 0);
}

/** How often each value of each vocabulary is used by the research findings (designs count entries). */
export interface CodingTally {
  studies: number;
  findings: number;
  design: Record<Design, number>;
  driver: Record<Driver, number>;
  outcome: Record<Outcome, number>;
  direction: Record<EffectDirection, number>;
  scale: Record<EffectScale, number>;
  locator: Record<LocatorKind, number>;
  readPart: Record<ReadPart, number>;
  /** Research findings by verification status. */
  status: Record<string, number>;
}

const zeros = <T extends string>(values: readonly T[]): Record<T, number> =>
  Object.fromEntries(values.map((v) => [v, 0])) as Record<T, number>;

/** Tallies the coding of the research entries among `sources`. */
export function tallyCoding(sources: readonly ResearchLike[]): CodingTally {
  const tally: CodingTally = {
    studies: 0,
    findings: 0,
    design: zeros(designs),
    driver: zeros(drivers),
    outcome: zeros(outcomes),
    direction: zeros(effectDirections),
    scale: zeros(effectScales),
    locator: zeros(locatorKinds),
    readPart: zeros(readParts),
    status: {},
  };
  for (const s of sources.filter(isStudy)) {
    tally.studies += 1;
    if (s.study) tally.design[s.study.design] += 1;
    for (const f of s.findings) {
      tally.findings += 1;
      if (f.effect) {
        tally.driver[f.effect.driver] += 1;
        tally.outcome[f.effect.outcome] += 1;
        tally.direction[f.effect.direction] += 1;
        tally.scale[f.effect.scale] += 1;
      }
      if (f.locator) tally.locator[f.locator.kind] += 1;
      if (f.readAt) tally.readPart[f.readAt.part] += 1;
      if (f.status) tally.status[f.status] = (tally.status[f.status] ?? 0) + 1;
    }
  }
  return tally;
}
