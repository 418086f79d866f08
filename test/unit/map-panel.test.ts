import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLayer, type MapFeature } from '../../src/lib/map/features';
import { buildMapLookup, type LookupInput } from '../../src/lib/map/lookup';
import { MAX_SOURCES, own, panelModel, summaryLine } from '../../src/lib/map/panel';
import { buildStyle, layerFilter, STYLE_LAYERS } from '../../src/lib/map/style';

const layer = (name: 'regions' | 'initiatives' | 'sites'): MapFeature[] =>
  readLayer(JSON.parse(readFileSync(`test/fixtures/geo/map/${name}.geojson`, 'utf8')), name);
const features = [...layer('regions'), ...layer('initiatives'), ...layer('sites')];
const byId = (id: string): MapFeature => {
  const f = features.find((x) => x.id === id);
  if (!f) throw new Error(id);
  return f;
};

const input: LookupInput = {
  sources: [
    {
      id: 'iccd-cop15-18',
      data: {
        shortTitle: { en: 'ICCD/COP(15)/18', zh: 'ICCD/COP(15)/18（中文）' },
        type: 'session-document',
        bibliographic: { issued: '2022-02-21' },
      },
    },
    {
      id: 'iccd-cop17-8',
      data: {
        shortTitle: { en: 'ICCD/COP(17)/8', zh: 'ICCD/COP(17)/8（中文）' },
        type: 'secretariat-note',
        bibliographic: { issued: '2026-06-03' },
      },
    },
  ],
  initiatives: [
    {
      id: '3s-initiative',
      data: {
        name: { en: '3S Initiative', zh: '3S 倡议' },
        targets: [
          {
            label: { en: 'Land restored (test)', zh: '恢复土地（测试）' },
            value: 10000000,
            unit: { en: 'ha', zh: '公顷' },
            year: 2030,
            locator: { kind: 'paragraph', ref: '12' },
            source: { id: 'iccd-cop17-8' },
          },
        ],
      },
    },
  ],
  regions: [{ id: 'central-asia', data: { name: { en: 'Central Asia', zh: '中亚' } } }],
};
const en = buildMapLookup(input, features, 'en', '/atlas/');
const zh = buildMapLookup(input, features, 'zh', '/atlas/');

describe('the panel model of a feature', () => {
  it('says what a pilot placed only by country is, and links its source', () => {
    const m = panelModel(byId('pilot:ethiopia-urban-rural').props, en);
    expect(m).toMatchObject({
      name: 'Ethiopia urban–rural pilot',
      kind: 'Pilot site',
      precision: {
        label: 'Country only',
        note: 'Exact sites not published: drawn at a point inside Ethiopia',
        exact: false,
      },
      countries: ['Ethiopia'],
      area: null,
      targets: [],
      sources: [
        {
          href: '/atlas/sources/iccd-cop15-18/',
          label: 'ICCD/COP(15)/18',
          meta: 'Session document, 2022',
        },
      ],
    });
    expect(summaryLine(m)).toBe('Pilot site · Country only');
  });

  it('is written in Chinese for the Chinese page, with Chinese links', () => {
    const m = panelModel(byId('pilot:ethiopia-urban-rural').props, zh);
    expect(m.name).toBe('埃塞俄比亚城乡试点');
    expect(m.precision.note).toBe('确切地点未公布：绘制在埃塞俄比亚境内的一点');
    expect(m.countries).toEqual(['埃塞俄比亚']);
    expect(m.sources[0]?.href).toBe('/atlas/zh/sources/iccd-cop15-18/');
  });

  it('gives an initiative its targets, area and initiative link', () => {
    const m = panelModel(byId('initiative:3s-initiative').props, en);
    expect(m.area).toBe('2,500,000 km²');
    expect(m.targets).toEqual([
      {
        text: 'Land restored (test): 10,000,000 ha by 2030',
        locator: '¶12',
        source: {
          href: '/atlas/sources/iccd-cop17-8/',
          label: 'ICCD/COP(17)/8',
          meta: 'Secretariat note, 2026',
        },
      },
    ]);
    expect(m.initiatives).toEqual([
      { href: '/atlas/initiatives/3s-initiative/', label: '3S Initiative' },
    ]);
  });

  it('marks a schematic corridor and gives it the targets of its initiative', () => {
    const m = panelModel(byId('initiative:3s-initiative:corridor').props, en);
    expect(m.schematic).toMatch(/^Schematic/);
    expect(m.targets).toHaveLength(1);
  });

  it('says what a precision means for an area, not for a point', () => {
    const region = panelModel(byId('region:central-asia').props, en);
    const pilot = panelModel(byId('pilot:ethiopia-urban-rural').props, en);
    expect(pilot.precision.help).toMatch(/point stands inside the country/);
    expect(region.precision.help).toMatch(/^Drawn as the region/);
    expect(panelModel(byId('initiative:3s-initiative').props, en).precision.help).toMatch(
      /^Drawn as whole countries/,
    );
  });

  it('gives no targets to a region or a site', () => {
    expect(panelModel(byId('region:central-asia').props, en).targets).toEqual([]);
    expect(panelModel(byId('region:central-asia').props, en).regions).toEqual([
      { href: '/atlas/regions/central-asia/', label: 'Central Asia' },
    ]);
  });

  it('lists a feature’s first sources, and counts the rest with a link to the page listing all', () => {
    const region = byId('region:central-asia');
    const many = Array.from({ length: MAX_SOURCES + 2 }, (_, i) => `iccd-cop17-8-${i}`);
    const m = panelModel({ ...region.props, sources: many }, en);
    expect(m.sources.map((l) => l.label)).toEqual(many.slice(0, MAX_SOURCES));
    expect(m.moreSources).toEqual({
      text: 'and 2 more:',
      link: { href: '/atlas/regions/central-asia/', label: 'All sources of Central Asia' },
    });
    expect(panelModel({ ...region.props, sources: many }, zh).moreSources).toEqual({
      text: '另有 2 个：',
      link: { href: '/atlas/zh/regions/central-asia/', label: '中亚的全部来源' },
    });
    expect(panelModel(region.props, en).moreSources).toBeNull();
    // A site has no page of its own that lists sources: the rest are counted only.
    const site = byId('pilot:ethiopia-urban-rural');
    expect(panelModel({ ...site.props, sources: many }, en).moreSources).toEqual({
      text: 'and 2 more:',
      link: null,
    });
  });

  it('names in the lookup only the sources the list and panel show, and the targets’ sources', () => {
    const region = byId('region:central-asia');
    const many = [...Array.from({ length: MAX_SOURCES }, (_, i) => `s${i}`), 'iccd-cop15-18'];
    const lookup = buildMapLookup(
      input,
      [{ ...region, props: { ...region.props, sources: many } }],
      'en',
      '/',
    );
    // iccd-cop15-18 is the eleventh source of the only feature; iccd-cop17-8 states a target.
    expect(Object.keys(lookup.sources)).toEqual(['iccd-cop17-8']);
    expect(Object.keys(buildMapLookup(input, features, 'en', '/').sources).sort()).toEqual([
      'iccd-cop15-18',
      'iccd-cop17-8',
    ]);
  });

  it('shows an entry the atlas does not have as its id, without a link', () => {
    const m = panelModel(byId('venue:cop13-ordos').props, en);
    expect(m.sources).toEqual([{ href: null, label: 'decision-28-cop13' }]);
  });

  it('never looks ids up on the prototype', () => {
    const p = { ...byId('venue:cop13-ordos').props, sources: ['constructor', 'hasOwnProperty'] };
    expect(panelModel(p, en).sources.map((s) => s.href)).toEqual([null, null]);
    expect(own({}, 'toString')).toBeUndefined();
  });

  it('keeps a hostile name as plain text', () => {
    const p = { ...byId('venue:cop13-ordos').props, name_en: '<img src=x onerror=alert(1)>' };
    expect(panelModel(p, en).name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('the map style', () => {
  const style = buildStyle({
    geoBase: 'http://127.0.0.1/atlas/geo/',
    shownIds: ['region:sahel'],
    selected: null,
  });

  it('asks for no glyphs, sprite or tiles, and has no text layer', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
  });

  it('has MapLibre fetch every layer file itself, under the base', () => {
    expect(
      Object.fromEntries(
        Object.entries(style.sources).map(([id, s]) => [id, 'data' in s ? s.data : undefined]),
      ),
    ).toEqual({
      land: 'http://127.0.0.1/atlas/geo/land.geojson',
      countries: 'http://127.0.0.1/atlas/geo/countries.geojson',
      regions: 'http://127.0.0.1/atlas/geo/regions.geojson',
      initiatives: 'http://127.0.0.1/atlas/geo/initiatives.geojson',
      studies: 'http://127.0.0.1/atlas/geo/studies.geojson',
      sites: 'http://127.0.0.1/atlas/geo/sites.geojson',
    });
  });

  it('has a style layer for every name the page toggles, with its own source', () => {
    const ids = style.layers.map((l) => l.id);
    for (const [layerId, names] of Object.entries(STYLE_LAYERS)) {
      for (const name of names) {
        expect(ids).toContain(name);
        const l = style.layers.find((x) => x.id === name);
        expect(l && 'source' in l ? l.source : undefined).toBe(layerId);
      }
    }
  });

  it('draws exact sites filled and approximate ones as rings', () => {
    const exact = style.layers.find((l) => l.id === 'sites-exact');
    const approx = style.layers.find((l) => l.id === 'sites-approx');
    expect(exact?.paint).toMatchObject({ 'circle-radius': 6 });
    expect(approx?.paint).toMatchObject({ 'circle-stroke-width': 2.5, 'circle-opacity': 0.35 });
  });

  it('filters by shown ids, and selection layers by the selected id', () => {
    expect(JSON.stringify(layerFilter('regions-fill', ['region:sahel'], null))).toContain(
      '["literal",["region:sahel"]]',
    );
    expect(layerFilter('sites-selected', [], 'pilot:x')).toContainEqual([
      '==',
      ['get', 'id'],
      'pilot:x',
    ]);
  });
});

describe('a study area', () => {
  const region = byId('region:central-asia');
  const study: MapFeature = {
    ...region,
    id: 'study:roe-2021',
    props: {
      ...region.props,
      id: 'study:roe-2021',
      layer: 'studies',
      kind: 'study-area',
      precision: 'country',
      findings: 3,
      design: 'household-survey',
    },
  };
  const withStudy = [...features, study];

  it('says its design and its number of findings, in the panel and in the list line', () => {
    const m = panelModel(study.props, buildMapLookup(input, withStudy, 'en', '/atlas/'));
    expect(m.kind).toBe('Study area');
    expect(m.design).toBe('Household survey');
    expect(m.findings).toBe('3 coded findings');
    expect(summaryLine(m)).toBe('Study area · Country only · 3 coded findings');
    const one = panelModel(
      { ...study.props, findings: 1 },
      buildMapLookup(input, withStudy, 'en', '/atlas/'),
    );
    expect(one.findings).toBe('1 coded finding');
  });

  it('says them in Chinese on the Chinese map', () => {
    const m = panelModel(study.props, buildMapLookup(input, withStudy, 'zh', '/atlas/'));
    expect(m.design).toBe('住户调查');
    expect(m.findings).toBe('3 条已编码结论');
  });

  it('has neither for other features', () => {
    const m = panelModel(region.props, en);
    expect([m.design, m.findings]).toEqual([null, null]);
    expect(summaryLine(m)).toBe(`${m.kind} · ${m.precision.label}`);
  });
});
