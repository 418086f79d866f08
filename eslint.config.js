// One linter for the whole tree: typescript-eslint for .ts — with the rules
// that read types (`recommendedTypeChecked`, through the project service) —
// and eslint-plugin-astro for .astro. Plain JavaScript and .astro files are
// linted without type information. Where code runs is enforced from
// boundaries.js.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { BUILD_ONLY, RUNS_IN_BROWSER_TOO } from './boundaries.js';

export default defineConfig(
  { ignores: ['dist/', '.astro/', '.cache/', 'node_modules/', 'bench-results/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Where code runs (boundaries.js): browser and shared modules never reach
    // Node, Astro's runtime or a build-only module.
    files: ['src/lib/**/*.ts', 'src/schemas/**/*.ts', 'src/i18n/**/*.ts'],
    ignores: BUILD_ONLY.map((m) => `src/lib/${m}.ts`),
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: RUNS_IN_BROWSER_TOO }],
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Unused arguments prefixed with _ are deliberate (callback signatures).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
