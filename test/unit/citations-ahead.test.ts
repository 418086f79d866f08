/**
 * Citations formatted ahead: the memo tables a build's worker fills
 * (`src/lib/citations-ahead.ts`) are the ones the pages read, keyed alike, so
 * a build formats almost nothing in place; and what a table gives is what
 * formatting in place gives. BibTeX and RIS are left to the citation files.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemoHandover, MemoTables } from '../../src/lib/memo';
import { AHEAD } from '../../src/lib/memo';
import { validateContent } from '../../src/lib/content/validate';
import { openTasks, takeTask, twoEndedCells } from '../../src/lib/two-ended';

const global = globalThis as { [AHEAD]?: MemoHandover };

/** Fresh copies of the modules, as a build's page bundle has its own. */
async function fresh() {
  vi.resetModules();
  return {
    ahead: await import('../../src/lib/citations-ahead'),
    citations: await import('../../src/lib/citations'),
    findings: await import('../../src/lib/finding-citations'),
    memo: await import('../../src/lib/memo'),
  };
}

function handover(tables: MemoTables | undefined): MemoHandover & { taken: number } {
  const h = {
    misses: 0,
    taken: 0,
    take() {
      h.taken += 1;
      return tables;
    },
  };
  return h;
}

const sources = validateContent('content').entries.filter((e) => e.collection === 'sources');

describe('citations formatted ahead', () => {
  let tables: MemoTables;
  beforeEach(async () => {
    delete global[AHEAD];
    tables ??= (await fresh()).ahead.formatAhead('content');
  });
  afterEach(() => {
    delete global[AHEAD];
  });

  it('fill a table for each conversion the pages ask for, with an entry per source in each', () => {
    for (const name of ['reference:apa', 'reference:harvard1', 'cluster'])
      expect(tables[name]?.length ?? 0, name).toBeGreaterThanOrEqual(sources.length);
    // Only the citation files need BibTeX and RIS: the worker formats them as it writes those.
    expect(Object.keys(tables).filter((name) => name === 'bibtex' || name === 'ris')).toEqual([]);
  });

  it('answer what the pages ask, as formatting in place would, without formatting', async () => {
    const given = handover(tables);
    global[AHEAD] = given;
    const { citations, findings } = await fresh();
    const seen: string[] = [];
    for (const { id, data } of sources) {
      const d = data as Parameters<typeof citations.cslOfEntry>[1] & {
        findings: { locator: Parameters<typeof findings.citeFinding>[1] }[];
      };
      const item = citations.cslOfEntry(id, d);
      for (const style of ['apa', 'harvard1'] as const) {
        seen.push(citations.formatReference(item, style));
        for (const f of d.findings) seen.push(findings.citeFinding(item, f.locator, style));
      }
    }
    expect(given.misses).toBe(0);
    expect(given.taken).toBe(1);

    // The same calls in a copy without the worker's tables: the same texts.
    delete global[AHEAD];
    const alone = await fresh();
    const again: string[] = [];
    for (const { id, data } of sources) {
      const d = data as Parameters<typeof alone.citations.cslOfEntry>[1] & {
        findings: { locator: Parameters<typeof alone.findings.citeFinding>[1] }[];
      };
      const item = alone.citations.cslOfEntry(id, d);
      for (const style of ['apa', 'harvard1'] as const) {
        again.push(alone.citations.formatReference(item, style));
        for (const f of d.findings) again.push(alone.findings.citeFinding(item, f.locator, style));
      }
    }
    expect(seen).toEqual(again);
  });

  it('split between two threads, one from each end of the list, leave nothing to format in place', async () => {
    const worker = await fresh();
    const main = await fresh();
    const entries = sources.map((e) => ({ id: e.id, data: e.data }));
    const cited = worker.ahead.citedSources(entries);
    const ids = [...cited.keys()];
    const cells = twoEndedCells();
    openTasks(cells, ids.length);
    // The main thread comes in late: it takes three sources from the back, the worker the rest.
    for (let n = 0; n < 3; n++) {
      const i = takeTask(cells, 'back');
      if (i !== undefined) main.ahead.formatSourceAhead(cited, ids[i] ?? '');
    }
    const formatted = worker.ahead.formatShare(cited, ids, cells, 'front');
    expect(formatted).toBe(ids.length - 3);
    expect(main.ahead.formatShare(cited, ids, cells, 'back')).toBe(0);
    const both = { ...worker.memo.exportTables() };
    for (const [name, list] of Object.entries(main.memo.exportTables()))
      both[name] = [...(both[name] ?? []), ...list];

    const given = handover(both);
    global[AHEAD] = given;
    const pages = await fresh();
    for (const { id, data } of sources) {
      const d = data as Parameters<typeof pages.citations.cslOfEntry>[1] & {
        findings: { locator: Parameters<typeof pages.findings.citeFinding>[1] }[];
      };
      const item = pages.citations.cslOfEntry(id, d);
      for (const style of ['apa', 'harvard1'] as const) {
        pages.citations.formatReference(item, style);
        for (const f of d.findings) pages.findings.citeFinding(item, f.locator, style);
      }
    }
    expect(given.misses).toBe(0);
  });

  it('computes in place, and counts, what the worker did not fill, and survives a failed worker', async () => {
    const given = handover(undefined);
    global[AHEAD] = given;
    const { memo } = await fresh();
    const compute = vi.fn((x: string) => x.toUpperCase());
    const upper = memo.memoized<string>('test:upper', (x) => x, compute);
    expect([upper('a'), upper('a'), upper('b')]).toEqual(['A', 'A', 'B']);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(given.misses).toBe(2);
    expect(given.taken).toBe(1);
  });

  it('takes a value from the tables instead of computing it', async () => {
    global[AHEAD] = handover({ 'test:upper': [['a', 'from the worker']] });
    const { memo } = await fresh();
    const compute = vi.fn((x: string) => x.toUpperCase());
    const upper = memo.memoized<string>('test:upper', (x) => x, compute);
    expect(upper('a')).toBe('from the worker');
    expect(compute).not.toHaveBeenCalled();
  });
});
