import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST, htmlPages } from '../support/dist';

/** Uses .htmlvalidate.json (html-validate's recommended preset), as the CLI would. */
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('the HTML of the built site', () => {
  it('has zero html-validate errors on every page', async () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(0);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(DIST, page));
      for (const result of report.results) {
        for (const m of result.messages) {
          errors.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });
});
