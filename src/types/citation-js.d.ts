/** The part of @citation-js/core the atlas uses (the package ships no types). */
declare module '@citation-js/core' {
  export class Cite {
    /** `options.forceType` names the input format, e.g. "@bibtex/text" (no guessing). */
    constructor(data: unknown, options?: { forceType?: string });
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: { get(name: string): Record<string, unknown> };
  };
  export const util: {
    /** Rewrites CSL-JSON for citeproc-js (as citation-js's own outputs do). */
    downgradeCsl(data: unknown[]): unknown[];
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
