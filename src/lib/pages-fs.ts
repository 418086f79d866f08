/**
 * Build time only (Node): whether the site has a page, that is a route file
 * for it. Every page of the menu is routed in both languages by
 * `src/pages/[...lang]/`, as `<name>.astro` or `<name>/index.astro`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROUTES = join(process.cwd(), 'src', 'pages', '[...lang]');
/** Asked by every page's header: looked up once per path and build. */
const known = new Map<string, boolean>();

/** True if `path` ("evidence-map/", relative to the language root) has a route file. */
export function hasPage(path: string): boolean {
  let found = known.get(path);
  if (found === undefined) {
    const name = path.replace(/\/$/, '');
    const files = name === '' ? ['index.astro'] : [`${name}.astro`, `${name}/index.astro`];
    found = files.some((file) => existsSync(join(ROUTES, file)));
    known.set(path, found);
  }
  return found;
}
