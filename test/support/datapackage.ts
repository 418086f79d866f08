/**
 * Validates a Frictionless data package on disk with the Frictionless Data
 * JavaScript library (`datapackage`, with `tableschema`): the descriptor
 * against the Tabular Data Package profile, then every row of every resource
 * against its Table Schema — types, required values, enums, patterns, primary
 * keys and foreign keys. Returns one message per problem; none means valid.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Package } from 'datapackage';

interface TableSchemaError {
  message: string;
  errors?: { message: string }[];
}

export async function validateDataPackage(dir: string): Promise<string[]> {
  const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as object;
  const pkg = await Package.load(descriptor, { basePath: resolve(dir), strict: false });
  const problems = pkg.errors.map((e) => `datapackage.json: ${e.message}`);
  if (!pkg.valid) return problems;
  for (const resource of pkg.resources) {
    try {
      await resource.read({ keyed: true, relations: true });
    } catch (error) {
      const e = error as TableSchemaError;
      const details = e.errors?.map((x) => x.message) ?? [];
      problems.push(
        ...(details.length > 0 ? details : [e.message]).map((m) => `${resource.name}: ${m}`),
      );
    }
  }
  return problems;
}
