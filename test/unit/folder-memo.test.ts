/**
 * What is made from folders (the validated content, the map layers) is made
 * once per build and again only after a file in them changes.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validatedContent } from '../../src/lib/content/validate';
import { memoOnFolders } from '../../src/lib/folder-memo';

afterEach(() => {
  vi.useRealTimers();
});

describe('memoOnFolders', () => {
  it('makes the value once, and again only when a file in the folders changes', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const dir = mkdtempSync(join(tmpdir(), 'atlas-memo-'));
    try {
      const file = join(dir, 'a.md');
      writeFileSync(file, 'one');
      let made = 0;
      const make = () => memoOnFolders('test:folder-memo', [dir], () => (made += 1));
      expect(make()).toBe(1);
      vi.advanceTimersByTime(5000);
      expect(make()).toBe(1);
      // A later modification time is a change, even within the same second of content.
      utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
      expect(make(), 'rechecked at most once a second').toBe(1);
      vi.advanceTimersByTime(1001);
      expect(make()).toBe(2);
      writeFileSync(join(dir, 'b.md'), 'two');
      vi.advanceTimersByTime(1001);
      expect(make(), 'a new file is a change').toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the map layers the entries the content check read, not a second reading', () => {
    const first = validatedContent('content');
    expect(first.problems).toEqual([]);
    expect(validatedContent('content')).toBe(first);
  });
});
