/**
 * The geo build's bilingual text: one `{name}` filler for both languages,
 * and the catalogue's step texts read from the dictionaries.
 */
import { describe, expect, it } from 'vitest';
import { codesOf, fill, localized, namesOf, scaleLabel } from '../../src/lib/geo/text';

describe('bilingual text', () => {
  it('fills a placeholder with one value for both languages, or one per language', () => {
    expect(
      fill(
        { en: '{width_km} km band in {country}', zh: '{country}境内 {width_km} 千米宽的带' },
        { width_km: 1500, country: { en: 'Niger', zh: '尼日尔' } },
      ),
    ).toEqual({ en: '1500 km band in Niger', zh: '尼日尔境内 1500 千米宽的带' });
  });

  it('leaves a placeholder it has no value for as it is', () => {
    expect(fill({ en: 'a {missing}', zh: '{missing}' })).toEqual({
      en: 'a {missing}',
      zh: '{missing}',
    });
  });

  it('reads catalogue steps from the dictionaries, filled', () => {
    expect(localized('catalogue.step.rounded', { precision: 5 })).toEqual({
      en: 'Coordinates rounded to 5 decimals',
      zh: '坐标保留 5 位小数',
    });
    expect(scaleLabel('110m')).toEqual({ en: '1:110m', zh: '1:1.1 亿' });
  });

  it('lists with each language’s separator', () => {
    expect(codesOf(['MRT', 'SEN'])).toEqual({ en: 'MRT, SEN', zh: 'MRT、SEN' });
    expect(namesOf(['SEN', 'MLI']).zh).toContain('、');
  });
});
