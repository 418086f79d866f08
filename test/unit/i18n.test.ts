import { describe, expect, it } from 'vitest';
import { missingTranslations } from '../../src/i18n';
import {
  formatDate,
  formatKilobytes,
  formatLocator,
  listOf,
  localizedProp,
  pageUrl,
  splitPath,
} from '../../src/lib/i18n';

describe('localized paths', () => {
  it('puts English at the base and Chinese under zh/', () => {
    expect(pageUrl('sources/x/', 'en')).toBe('/sources/x/');
    expect(pageUrl('sources/x/', 'zh')).toBe('/zh/sources/x/');
    expect(pageUrl('', 'zh', '/atlas')).toBe('/atlas/zh/');
  });

  it('splits a pathname back into language and path under a base', () => {
    expect(splitPath('/atlas/zh/map/', '/atlas/')).toEqual({ lang: 'zh', path: 'map/' });
    expect(splitPath('/atlas/zhong/', '/atlas/')).toEqual({ lang: 'en', path: 'zhong/' });
  });
});

describe('locale formats', () => {
  it('writes paragraph locators the way each language does', () => {
    expect(formatLocator({ kind: 'paragraph', ref: '19' }, 'en')).toBe('¶19');
    expect(formatLocator({ kind: 'paragraph', ref: '19' }, 'zh')).toBe('第19段');
  });

  it('formats partial dates per locale', () => {
    expect(formatDate('2026-06-03', 'en')).toBe('June 3, 2026');
    expect(formatDate('2026-06-03', 'zh')).toBe('2026年6月3日');
    expect(formatDate('2023', 'zh')).toBe('2023');
  });

  it('writes sizes in kilobytes with one decimal at most', () => {
    expect(formatKilobytes(84_890, 'en')).toBe('82.9');
    expect(formatKilobytes(2048, 'zh')).toBe('2');
  });

  it('lists names and picks the per-language property of a feature', () => {
    expect(listOf(['Mali', 'Niger'], 'en')).toBe('Mali, Niger');
    expect(listOf(['马里', '尼日尔'], 'zh')).toBe('马里、尼日尔');
    const props = { name_en: 'Sahel', name_zh: '萨赫勒' };
    expect(localizedProp(props, 'name', 'zh')).toBe('萨赫勒');
  });
});

describe('UI dictionaries', () => {
  it('have every key in every language', () => {
    expect(missingTranslations()).toEqual([]);
  });

  it('name a missing key', () => {
    expect(missingTranslations({ en: { a: 'A', b: 'B' }, zh: { a: '甲', b: ' ' } })).toEqual([
      'zh: b',
    ]);
  });
});
