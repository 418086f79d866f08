/**
 * Errors of the geo build. Every problem is one line a person can act on:
 * `file: feature id: reason`. The build collects them all and fails once,
 * listing every line (as the content validator does).
 */

/** One problem: where it is, which feature, and what is wrong. */
export interface GeoProblem {
  /** The definition file (e.g. "geo/sites.json") or the input the feature came from. */
  file: string;
  /** The stable id of the feature, or "(file)" when the problem is the file itself. */
  id: string;
  /** What is wrong, and what was expected. */
  reason: string;
}

/** Formats a problem as `file: feature id: reason`. */
const formatProblem = (p: GeoProblem): string => `${p.file}: ${p.id}: ${p.reason}`;

/** Thrown when geo definitions or built layers are invalid; lists every problem. */
export class GeoError extends Error {
  readonly problems: readonly GeoProblem[];
  constructor(problems: readonly GeoProblem[]) {
    const lines = problems.map(formatProblem);
    super(
      `Invalid map data: ${problems.length} problem(s)\n${lines.map((l) => `  - ${l}`).join('\n')}`,
    );
    this.name = 'GeoError';
    this.problems = problems;
  }
  /** The problems as lines, `file: feature id: reason`. */
  get lines(): string[] {
    return this.problems.map(formatProblem);
  }
}

/** Collects problems; `throwIfAny` fails with all of them at once. */
export class Problems {
  readonly list: GeoProblem[] = [];
  add(file: string, id: string, reason: string): void {
    this.list.push({ file, id, reason });
  }
  get size(): number {
    return this.list.length;
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new GeoError(this.list);
  }
}
