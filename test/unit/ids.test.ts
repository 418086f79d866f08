import { describe, expect, it } from 'vitest';
import { ENTRY_ID, ISO3, unanchored } from '../../src/lib/ids';
import { slug, iso3 } from '../../src/schemas/common';

describe('identifier patterns', () => {
  it('take hyphenated lower-case ids and nothing else', () => {
    expect(['central-asia', 'gray-2016-b', 'x1'].filter((id) => ENTRY_ID.test(id))).toHaveLength(3);
    expect(
      ['Central-Asia', 'a--b', '-a', 'a-', 'a_b', ''].filter((id) => ENTRY_ID.test(id)),
    ).toEqual([]);
  });

  it('take three capitals as a country code', () => {
    expect(ISO3.test('KAZ')).toBe(true);
    expect(['kaz', 'KA', 'KAZA'].some((c) => ISO3.test(c))).toBe(false);
  });

  it('are the ones the content schemas check', () => {
    expect(slug.safeParse('central-asia').success).toBe(true);
    expect(slug.safeParse('a--b').success).toBe(false);
    expect(iso3.safeParse('KAZ').success).toBe(true);
    expect(iso3.safeParse('kaz').success).toBe(false);
  });

  it('compose without their anchors', () => {
    expect(unanchored(ENTRY_ID)).toBe('[a-z0-9]+(-[a-z0-9]+)*');
    expect(new RegExp(`^pilot:${unanchored(ENTRY_ID)}$`).test('pilot:greening-drylands')).toBe(
      true,
    );
  });
});
