/**
 * Where code runs (boundaries.js): the list of build-only modules that the
 * lint rule enforces is exactly the modules that reach Node or Astro's runtime
 * through their imports, so it can neither miss one nor keep a stale one; and
 * no browser module reaches either.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BUILD_ONLY } from '../../boundaries.js';

const LIB = resolve('src/lib');
const ROOTS = ['src/lib', 'src/schemas', 'src/i18n'].map((d) => resolve(d));

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));

/** What a module imports for its values (type-only imports and names left out). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        clause?.phaseModifier === ts.SyntaxKind.TypeKeyword ||
        (clause !== undefined &&
          clause.name === undefined &&
          named !== undefined &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) out.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      out.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

const files = ROOTS.flatMap(tsFiles);
const graph = new Map(files.map((f) => [f, valueImports(f)]));

const resolveImport = (from: string, spec: string): string | undefined => {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((c) => graph.has(c) && existsSync(c));
};

/** Whether a module reaches `node:*` or `astro:*`, and through which path. */
function reachesRuntime(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  return (graph.get(file) ?? []).some((spec) => {
    if (spec.startsWith('node:') || spec.startsWith('astro:')) return true;
    const target = resolveImport(file, spec);
    return target !== undefined && reachesRuntime(target, seen);
  });
}

const moduleName = (file: string) => relative(LIB, file).replace(/\.ts$/, '');

describe('where code runs (boundaries.js)', () => {
  it('lists as build-only exactly the modules that reach Node or Astro’s runtime', () => {
    const reaching = files.filter((f) => reachesRuntime(f));
    expect(reaching.every((f) => f.startsWith(LIB))).toBe(true);
    expect(reaching.map(moduleName).sort()).toEqual([...BUILD_ONLY].sort());
  });

  it('keeps browser code off Node and Astro’s runtime', () => {
    const browser = files.filter((f) => f.startsWith(join(LIB, 'browser')));
    expect(browser.length).toBeGreaterThan(10);
    expect(browser.filter((f) => reachesRuntime(f)).map(moduleName)).toEqual([]);
  });
});
