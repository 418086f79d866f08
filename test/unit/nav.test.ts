import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { NAV, builtEntries, currentMark, parentOf } from '../../src/lib/nav';
import { hasPage } from '../../src/lib/pages-fs';

const entry = (path: string) => {
  const found = NAV.find((e) => e.path === path);
  if (!found) throw new Error(`no entry ${path}`);
  return found;
};

describe('the navigation list', () => {
  it('leaves out an entry whose page is not built, and keeps the order', () => {
    const built = builtEntries((path) => path !== 'evidence-map/');
    expect(built.map((e) => e.path)).toEqual(
      NAV.map((e) => e.path).filter((p) => p !== 'evidence-map/'),
    );
  });

  it('knows a page from its route file', () => {
    expect(hasPage('')).toBe(true);
    expect(hasPage('map/')).toBe(true);
    expect(hasPage('sources/')).toBe(true);
    expect(hasPage('no-such-page/')).toBe(false);
  });

  it('has every label and card text in both languages', () => {
    for (const e of NAV)
      for (const key of [e.label, e.home.title, e.home.text])
        for (const dict of Object.values(dictionaries)) expect(dict[key], key).toBeTruthy();
  });

  it('marks the entry of the page as the page, and of a page inside it as true', () => {
    expect(currentMark(entry('sources/'), 'sources/')).toBe('page');
    expect(currentMark(entry('sources/'), 'sources/iccd-cop17-8/')).toBe('true');
    expect(currentMark(entry('sources/'), 'map/')).toBeUndefined();
    expect(currentMark(entry('map/'), '')).toBeUndefined();
  });

  it('gives item pages, and only them, the index they belong to', () => {
    expect(parentOf('sources/iccd-cop17-8/')?.path).toBe('sources/');
    expect(parentOf('initiatives/great-green-wall/')?.path).toBe('initiatives/');
    expect(parentOf('regions/sahel/')?.path).toBe('regions/');
    expect(parentOf('sources/')).toBeUndefined();
    expect(parentOf('sources/by/year/')).toBeUndefined();
    expect(parentOf('map/')).toBeUndefined();
    expect(parentOf('glossary/term/')).toBeUndefined();
    expect(parentOf('')).toBeUndefined();
  });
});
