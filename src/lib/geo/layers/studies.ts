/**
 * The "Study areas" layer: one feature per research entry whose data come
 * from named countries (the source's countries and its findings' countries),
 * drawn as those whole countries dissolved from Natural Earth, like a region,
 * at country precision. Each carries its number of coded findings, the
 * weight the map draws, and its design. Entries that name no country (global
 * or unlisted samples) have no feature; `unplaced` lists them.
 */
import type { UiKey } from '../../../i18n';
import type { MapContent, SourceInfo } from '../content';
import { localized } from '../text';
import type { ThematicFeature } from '../types';
import type { LayerContext } from './context';

/** Research entries, in id order: those with data countries, and those without. */
function studyEntries(content: MapContent): {
  placed: SourceInfo[];
  unplaced: SourceInfo[];
} {
  const studies = [...content.sources.values()]
    .filter((s) => s.design !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    placed: studies.filter((s) => s.dataCountries.length > 0),
    unplaced: studies.filter((s) => s.dataCountries.length === 0),
  };
}

/** Builds every study-area feature. */
export function buildStudyAreas(ctx: LayerContext): ThematicFeature[] {
  return ctx.countryAreas('studies', studyEntries(ctx.content).placed, (s) => {
    const n = s.dataCountries.length;
    const design = s.design as string;
    const findings = localized(s.findings === 1 ? 'map.findings.one' : 'map.findings.other', {
      count: s.findings,
    });
    const designName = localized(`design.${design}` as UiKey);
    const them = n === 1 ? 'it' : 'them';
    return {
      id: `study:${s.id}`,
      kind: 'study-area',
      file: s.file,
      name: s.shortTitle,
      countries: s.dataCountries,
      precisionNote: {
        en: `Whole territory of the ${n === 1 ? 'country' : `${n} countries`} the study's data come from (named by the source or its findings), dissolved from Natural Earth boundaries: the sample lies within ${them}, not necessarily across ${them}.`,
        zh: `显示来源及其结论所列、研究数据所来自的 ${n} 个国家的全部领土（Natural Earth 边界合并而成）；研究样本位于其中，但未必覆盖全境。`,
      },
      sources: [s.id],
      initiatives: [...s.initiatives],
      regions: [...s.regions],
      note: { en: `${designName.en}; ${findings.en}.`, zh: `${designName.zh}；${findings.zh}。` },
      study: { findings: s.findings, design },
    };
  });
}
