/**
 * The "Regions" layer: one feature per region that lists countries, its
 * member countries dissolved from Natural Earth. A region is defined by its
 * members (`content/regions`), not by a line of its own.
 */
import { firstParagraph, sourcesOfRegion, type Localized } from '../content';
import type { ThematicFeature } from '../types';
import { entryArea, type LayerContext } from './context';

const precisionNote = (n: number): Localized => ({
  en: `Whole territory of its ${n} member countries, dissolved from Natural Earth boundaries; the region is defined by its members, not by a line of its own.`,
  zh: `由其 ${n} 个成员国的全部领土合并而成（Natural Earth 边界）；该区域由成员国界定，本身没有单独的边界线。`,
});

export function buildRegions(ctx: LayerContext): ThematicFeature[] {
  const { content } = ctx;
  const initiativesIn = (region: string) =>
    [...content.initiatives.values()]
      .filter((i) => i.regions.includes(region))
      .map((i) => i.id)
      .sort();
  return ctx.countryAreas('regions', content.regions.values(), (r) => ({
    ...entryArea('region', r),
    precisionNote: precisionNote(r.countries.length),
    sources: sourcesOfRegion(content, r.id),
    initiatives: initiativesIn(r.id),
    regions: [r.id],
    note: r.membershipNote ?? firstParagraph(r.description),
  }));
}
