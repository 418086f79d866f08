/**
 * The "Study areas" layer: one feature per research entry whose data come
 * from named countries (the source's countries and its findings' countries),
 * drawn as those whole countries dissolved from Natural Earth, like a region,
 * at country precision. Each carries its number of coded findings, the
 * weight the map draws, and its design. Entries that name no country (global
 * or unlisted samples) have no feature; `unplaced` lists them.
 */
import { dictionaries } from '../../i18n';
import type { UiKey } from '../../i18n';
import type { Localized, MapContent, SourceInfo } from './content';
import type { ThematicFeature, ThematicProps } from './types';

/** What the layer builder needs from the geo build: how to turn countries into an area feature. */
export interface StudyAreaBuilder {
  /** Builds the area feature from the countries' shapes, or undefined (problems are reported). */
  area: (
    base: Omit<ThematicProps, 'layer' | 'themes' | 'source_types' | 'area_km2' | 'label'>,
    codes: readonly string[],
    file: string,
  ) => ThematicFeature | undefined;
  /** Where the boundaries come from, for `geometry_source`. */
  boundarySource: Localized;
  /** A note naming countries drawn from a finer scale ('' if none). */
  finerNote: (codes: readonly string[]) => Localized;
}

const label = (lang: 'en' | 'zh', key: string): string => dictionaries[lang][key as UiKey] ?? key;

/** Research entries, in id order: those with data countries, and those without. */
export function studyEntries(content: MapContent): {
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

/** Builds every study-area feature through `builder.area`. */
export function buildStudyAreas(content: MapContent, builder: StudyAreaBuilder): ThematicFeature[] {
  return studyEntries(content).placed.flatMap((s) => {
    const n = s.dataCountries.length;
    const extra = builder.finerNote(s.dataCountries);
    const design = s.design as string;
    const findings = {
      en: label('en', s.findings === 1 ? 'map.findings.one' : 'map.findings.other').replace(
        '{count}',
        String(s.findings),
      ),
      zh: label('zh', s.findings === 1 ? 'map.findings.one' : 'map.findings.other').replace(
        '{count}',
        String(s.findings),
      ),
    };
    const them = n === 1 ? 'it' : 'them';
    const feature = builder.area(
      {
        id: `study:${s.id}`,
        kind: 'study-area',
        name_en: s.shortTitle.en,
        name_zh: s.shortTitle.zh,
        precision: 'country',
        precision_note_en: `Whole territory of the ${n === 1 ? 'country' : `${n} countries`} the study's data come from (named by the source or its findings), dissolved from Natural Earth boundaries: the sample lies within ${them}, not necessarily across ${them}.${extra.en}`,
        precision_note_zh: `显示来源及其结论所列、研究数据所来自的 ${n} 个国家的全部领土（Natural Earth 边界合并而成）；研究样本位于其中，但未必覆盖全境。${extra.zh}`,
        schematic: false,
        sources: [s.id],
        initiatives: [...s.initiatives],
        regions: [...s.regions],
        iso3: [...s.dataCountries],
        note_en: `${label('en', `design.${design}`)}; ${findings.en}.`,
        note_zh: `${label('zh', `design.${design}`)}；${findings.zh}。`,
        geometry_source_en: builder.boundarySource.en,
        geometry_source_zh: builder.boundarySource.zh,
        findings: s.findings,
        design,
      },
      s.dataCountries,
      s.file,
    );
    return feature ? [feature] : [];
  });
}
