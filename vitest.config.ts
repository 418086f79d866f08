import { defineConfig } from 'vitest/config';

/**
 * Three projects, run by `npm test` in this order:
 * - unit:  pure logic in src/lib and src/schemas (no build needed)
 * - build: assertions over the real dist/ (after `npm run build`)
 * - e2e:   real headless Chromium against dist/ served locally
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'build', include: ['test/build/**/*.test.ts'], testTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
