import { describe, expect, it } from 'vitest';
import { htmlPages, read } from '../support/dist';

const pages = htmlPages();
const english = pages.filter((p) => !p.startsWith('zh/') && !p.startsWith('pagefind/'));
const chinese = pages.filter((p) => p.startsWith('zh/'));

describe('English and Chinese editions', () => {
  it('give every English page a Chinese twin', () => {
    const missing = english.filter((p) => !chinese.includes(`zh/${p}`) && p !== '404.html');
    expect(missing).toEqual([]);
  });

  it('give every Chinese page an English twin', () => {
    const missing = chinese.filter(
      (p) => !english.includes(p.slice(3)) && p !== 'zh/404/index.html',
    );
    expect(missing).toEqual([]);
  });

  it('link each page to its twin in the language switcher', () => {
    for (const page of chinese.filter(
      (p) => p.endsWith('index.html') && p !== 'zh/404/index.html',
    )) {
      const twin = `/${page.slice(3).replace(/index\.html$/, '')}`;
      expect(read(page), page).toMatch(
        new RegExp(`class="lang-switch" href="${twin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`),
      );
    }
  });
});
