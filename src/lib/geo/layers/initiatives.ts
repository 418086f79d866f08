/**
 * The "Initiatives" layer: each initiative's countries dissolved from Natural
 * Earth (`content/initiatives`), and the Great Green Wall's schematic
 * corridor band (`geo/corridor.json`): a line through a point inside each
 * country it passes, buffered to the band's width.
 */
import { booleanIntersects } from '@turf/turf';
import { firstParagraph, sourcesOfInitiative, type Localized } from '../content';
import { labelOf, withMeasures } from '../geometry';
import { band } from '../process';
import { codesOf, fill } from '../text';
import type { ThematicFeature } from '../types';
import { entryArea, type LayerContext } from './context';

const precisionNote = (n: number): Localized => ({
  en: `Whole territory of the ${n} countries the sources name; the initiative works in places within them that this map does not show.`,
  zh: `显示来源所列 ${n} 个国家的全部领土；该倡议在这些国家内的具体实施地点未在本图中标出。`,
});

/** One feature per initiative that lists countries. */
export function buildInitiatives(ctx: LayerContext): ThematicFeature[] {
  const { content } = ctx;
  return ctx.countryAreas('initiatives', content.initiatives.values(), (i) => ({
    ...entryArea('initiative', i),
    precisionNote: precisionNote(i.countries.length),
    sources: sourcesOfInitiative(content, i.id),
    initiatives: [i.id],
    regions: [...i.regions],
    note: i.countriesNote ?? firstParagraph(i.description),
  }));
}

/**
 * The schematic corridor band, or undefined (with the problems reported).
 * It is drawn only while no problem has been found: its points come from the
 * country shapes the checks before it vouch for.
 */
export function buildCorridor(ctx: LayerContext): ThematicFeature | undefined {
  const { problems, content } = ctx;
  const file = ctx.defs.files.corridor;
  const def = ctx.defs.corridor;
  const widthVars = { width_km: def.widthKm };
  const corridor = {
    ...def,
    name: fill(def.name, widthVars),
    precisionNote: fill(def.precisionNote, widthVars),
    note: fill(def.note, widthVars),
  };
  ctx.origin.set(corridor.id, file);
  const ggw = content.initiatives.get(corridor.initiative);
  if (!ggw) {
    problems.add(file, corridor.id, `initiative: no initiative "${corridor.initiative}"`);
    return undefined;
  }
  for (const code of corridor.through) {
    if (!ggw.countries.includes(code)) {
      problems.add(
        file,
        corridor.id,
        `through: "${code}" is not one of the countries of ${corridor.initiative}`,
      );
    }
  }
  ctx.checkSources(corridor.sources, file, corridor.id);
  const parts = ctx.shapes(corridor.through, file, corridor.id);
  if (parts.length !== corridor.through.length || problems.size > 0) return undefined;
  const points = parts.map((p) => labelOf(p));
  try {
    const geometry = band(points, corridor.widthKm, { tolerance: corridor.tolerance });
    const m = withMeasures(geometry);
    // The countries of the initiative that the band actually crosses.
    const crossed = ggw.countries.filter((code) => {
      const shape = ctx.country(code);
      return shape !== undefined && booleanIntersects(geometry, shape);
    });
    const through = codesOf(corridor.through);
    const half = corridor.widthKm / 2;
    return ctx.feature(
      'initiatives',
      {
        id: corridor.id,
        kind: 'corridor',
        name_en: corridor.name.en,
        name_zh: corridor.name.zh,
        precision: 'region',
        precision_note_en: corridor.precisionNote.en,
        precision_note_zh: corridor.precisionNote.zh,
        schematic: true,
        sources: [...corridor.sources],
        initiatives: [corridor.initiative],
        regions: [...ggw.regions],
        iso3: crossed,
        note_en: corridor.note.en,
        note_zh: corridor.note.zh,
        geometry_source_en: `Schematic: a line through a point inside each of ${through.en} (west to east), buffered ${half} km each side with Turf buffer (band ${corridor.widthKm} km wide)`,
        geometry_source_zh: `示意：连接 ${through.zh} 各国境内一点（自西向东）的线，用 Turf buffer 向两侧各扩展 ${half} 千米（带宽 ${corridor.widthKm} 千米）`,
        area_km2: m.area_km2,
        label: m.label,
      },
      m.geometry,
      m.bbox,
    );
  } catch (error) {
    ctx.turfFailed(file, corridor.id, error);
    return undefined;
  }
}
