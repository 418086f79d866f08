/**
 * Work in short tasks: the browser handles input and paints between them, so
 * a long job (reading a layer of 800 study areas) adds no long task (over
 * 50 ms) to the page's load, on a slow phone either.
 */

/** Lets the browser handle input and paint before the next piece of work. */
export const yieldToMain = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface SliceOptions {
  /** Longest stretch of work between two pauses, in ms (default 8, a frame's share). */
  budgetMs?: number;
  /** The clock (default `performance.now`). */
  now?: () => number;
  /** How to pause (default `yieldToMain`). */
  pause?: () => Promise<void>;
}

/**
 * Collects what `items` yields, pausing whenever `budgetMs` have passed since
 * the last pause; an item is never split, so one slow item is one task.
 */
export async function collectInSlices<T>(
  items: Iterable<T>,
  { budgetMs = 8, now = () => performance.now(), pause = yieldToMain }: SliceOptions = {},
): Promise<T[]> {
  const out: T[] = [];
  let since = now();
  for (const item of items) {
    out.push(item);
    if (now() - since >= budgetMs) {
      await pause();
      since = now();
    }
  }
  return out;
}
