import { describe, expect, it } from 'vitest';
import { reachability, translationOf } from '../support/reachability';

/**
 * A tiny built site: home → a/ → b.html, and zh/ → b.html; zh/a/ is linked
 * only by its English twin's language switch, orphan/ only from zh/a/ and
 * from another origin's URL; the 404 pages from nowhere.
 */
const FIXTURE = 'test/fixtures/reachability';

describe('the reachability walk over a built site', () => {
  const result = reachability(FIXTURE);

  it('follows relative, root-relative and query or fragment links from both home pages', () => {
    expect([...result.reached].sort()).toEqual([
      'a/index.html',
      'b.html',
      'index.html',
      'zh/index.html',
    ]);
  });

  it('fails a page only its translation links to, and a page nothing reached links to', () => {
    expect(result.problems).toEqual([
      'orphan/index.html: no page reached from the home pages links here',
      'zh/a/index.html: only its translation links here (the language switch does not count)',
    ]);
  });

  it('does not follow links to another origin, and leaves 404 pages aside', () => {
    expect(result.reached.has('orphan/index.html')).toBe(false);
    expect(result.pages).not.toContain('404.html');
    expect(result.pages).not.toContain('zh/404/index.html');
  });

  it('says when a start page is missing', () => {
    expect(reachability(FIXTURE, ['index.html', 'en/index.html']).problems).toContain(
      'en/index.html: start page missing',
    );
  });

  it('pairs each page with its translation', () => {
    expect(translationOf('zh/sources/x/index.html')).toBe('sources/x/index.html');
    expect(translationOf('index.html')).toBe('zh/index.html');
  });
});
