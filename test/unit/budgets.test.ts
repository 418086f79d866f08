import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetsReadmeText, formatBudget } from '../../src/lib/budgets';

describe('byte budgets (src/lib/budgets.ts)', () => {
  it('are what the README’s testing table says', () => {
    const row = readFileSync('README.md', 'utf8')
      .split('\n')
      .find((line) => line.startsWith('| byte budgets'));
    const cell = row?.split('|')[3]?.trim();
    expect(cell, 'the README row, as budgetsReadmeText() writes it').toBe(budgetsReadmeText());
  });

  it('are written as the README writes sizes', () => {
    expect(formatBudget(16 * 1024)).toBe('16 KB');
    expect(formatBudget(3.5 * 1024 * 1024)).toBe('3.5 MiB');
  });
});
