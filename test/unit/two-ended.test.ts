/** The list of sources two threads share: each task is taken once, from either end, until they meet. */
import { describe, expect, it } from 'vitest';
import { openTasks, takeTask, twoEndedCells } from '../../src/lib/two-ended';

describe('two-ended task list', () => {
  it('gives nothing before its tasks are counted', () => {
    const cells = twoEndedCells();
    expect(takeTask(cells, 'front')).toBeUndefined();
    expect(takeTask(cells, 'back')).toBeUndefined();
  });

  it('gives each task once, the front from the start and the back from the end, until they meet', () => {
    const cells = twoEndedCells();
    openTasks(cells, 7);
    const front: number[] = [];
    const back: number[] = [];
    // The front thread is faster: two for each of the back's.
    for (let step = 0; ; step++) {
      const end = step % 3 === 2 ? 'back' : 'front';
      const task = takeTask(cells, end);
      if (task === undefined) break;
      (end === 'front' ? front : back).push(task);
    }
    expect(front).toEqual([0, 1, 2, 3, 4]);
    expect(back).toEqual([6, 5]);
    expect(takeTask(cells, 'back')).toBeUndefined();
    expect(takeTask(cells, 'front')).toBeUndefined();
  });

  it('is free after each take (the lock is released even when nothing is left)', () => {
    const cells = twoEndedCells();
    openTasks(cells, 1);
    expect(takeTask(cells, 'back')).toBe(0);
    expect(takeTask(cells, 'front')).toBeUndefined();
    expect(cells[0]).toBe(0);
  });
});
