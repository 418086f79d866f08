import { describe, expect, it } from 'vitest';
import { recordRows } from '../../src/lib/content/record';
import type { Source } from '../../src/lib/content/store';
import { useTranslations } from '../../src/lib/i18n';
import { dataSources } from '../support/content';

const sources = dataSources().map((s) => s as unknown as Source['data']);
const withField = (has: (b: Source['data']['bibliographic']) => unknown) => {
  const data = sources.find((d) => has(d.bibliographic));
  if (!data) throw new Error('no source in content has the field');
  return data;
};
const en = useTranslations('en');

describe('the bibliographic record', () => {
  it('gives a decision its symbol and date first, and no row for what it does not have', () => {
    const rows = recordRows(
      withField((b) => b.symbol && !b.volume),
      'en',
      en,
    );
    expect(rows.slice(0, 2).map((r) => r.label)).toEqual(['Document symbol', 'Issued']);
    expect(rows.map((r) => r.label)).not.toContain('Volume');
    expect(rows.every((r) => r.value !== '')).toBe(true);
  });

  it('links a DOI through its resolver and marks it for search', () => {
    const data = withField((b) => b.doi);
    const doi = recordRows(data, 'en', en).find((r) => r.label === 'DOI');
    expect(doi).toMatchObject({
      href: `https://doi.org/${data.bibliographic.doi}`,
      index: { meta: 'doi' },
    });
  });

  it('writes its labels in the page language', () => {
    const rows = recordRows(
      withField((b) => b.symbol),
      'zh',
      useTranslations('zh'),
    );
    expect(rows[1]?.label).toBe(useTranslations('zh')('source.issued'));
  });
});
