/**
 * A list of tasks shared by two threads, one taking from the front and the
 * other from the back, each task taken once: its cells are a
 * SharedArrayBuffer both threads hold. The citations worker takes sources
 * from the front; the build's main thread, when it would otherwise wait for
 * the worker, takes them from the back (`src/integrations/cite.ts`).
 */

/** Cells: a lock, the next task from the front, one past the next from the back. */
const LOCK = 0;
const FRONT = 1;
const BACK = 2;

/** The cells of a list, empty until `openTasks`, to hand to both threads. */
export const twoEndedCells = (): Int32Array =>
  new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));

/** Makes `count` tasks takeable, once the thread that knows them has counted them. */
export function openTasks(cells: Int32Array, count: number): void {
  Atomics.store(cells, BACK, count);
}

/**
 * The index of the next task from `end`, or undefined once every task is
 * taken. The lock is held for two reads and a write, so the other thread
 * never waits long: it spins.
 */
export function takeTask(cells: Int32Array, end: 'front' | 'back'): number | undefined {
  while (Atomics.compareExchange(cells, LOCK, 0, 1) !== 0) {
    // The other thread holds the lock for a few instructions.
  }
  try {
    const front = Atomics.load(cells, FRONT);
    const back = Atomics.load(cells, BACK);
    if (front >= back) return undefined;
    if (end === 'front') {
      Atomics.store(cells, FRONT, front + 1);
      return front;
    }
    Atomics.store(cells, BACK, back - 1);
    return back - 1;
  } finally {
    Atomics.store(cells, LOCK, 0);
  }
}
