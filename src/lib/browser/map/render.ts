/**
 * DOM renderers for the map page: the details of a feature (side panel and
 * list) and a list item. Every text goes in with `textContent` and every link
 * with `href` set from a model the page built, never as HTML. The markup
 * mirrors `FeatureDetails.astro` and `LayerList.astro`, which render the same
 * models at build time.
 */
import { format } from '../../format';
import type { MapFeature } from '../../map/features';
import {
  listPage,
  panelModel,
  summaryLine,
  swatchOf,
  type MapLookup,
  type PanelLink,
  type PanelModel,
} from '../../map/panel';

/** Creates an element with a class and text. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link to an atlas page, or the bare label when the atlas has no such page. */
const anchor = (l: PanelLink): HTMLElement => {
  if (!l.href) return el('span', undefined, l.label);
  const a = el('a', undefined, l.label);
  a.href = l.href;
  return a;
};

const link = (l: PanelLink): HTMLElement => {
  const li = el('li');
  li.append(anchor(l));
  if (l.meta) li.append(el('span', 'meta', ` — ${l.meta}`));
  return li;
};

const list = (items: HTMLElement[]): HTMLUListElement => {
  const ul = el('ul');
  ul.append(...items);
  return ul;
};

/** Headings of the details, from the lookup's UI strings. */
type Ui = MapLookup['ui'];

/** The `<dl>` of a feature: kind, precision, countries, design, findings, area, targets, sources, initiatives, regions, note. */
export function renderDetails(m: PanelModel, ui: Ui): HTMLDListElement {
  const dl = el('dl', 'map-details');
  const row = (term: string, ...content: (Node | string)[]) => {
    const dd = el('dd');
    dd.append(...content);
    dl.append(el('dt', undefined, term), dd);
  };
  row(ui['map.panel.kind'], m.kind);
  const precision = el('dd');
  const label = el('strong', undefined, m.precision.label);
  precision.append(label, ` — ${m.precision.help}`);
  if (m.precision.note) precision.append(el('span', 'map-details__note', m.precision.note));
  if (m.schematic) precision.append(el('span', 'map-details__note', m.schematic));
  precision.dataset['precision'] = m.precision.exact ? 'exact' : 'approximate';
  dl.append(el('dt', undefined, ui['map.panel.precision']), precision);
  if (m.countries.length > 0) row(ui['map.panel.countries'], m.countries.join(', '));
  if (m.design) row(ui['map.panel.design'], m.design);
  if (m.findings) row(ui['map.panel.findings'], m.findings);
  if (m.area) row(ui['map.panel.area'], m.area);
  if (m.targets.length > 0) {
    row(
      ui['map.panel.targets'],
      list(
        m.targets.map((t) => {
          const li = el('li', undefined, `${t.text} (`);
          li.append(anchor(t.source), `, ${t.locator})`);
          return li;
        }),
      ),
    );
  }
  if (m.sources.length > 0) {
    const sources = list(m.sources.map(link));
    if (m.moreSources) {
      const more = el('li', 'map-details__more', m.moreSources.text);
      more.dataset['moreSources'] = '';
      if (m.moreSources.link?.href) more.append(' ', anchor(m.moreSources.link));
      sources.append(more);
    }
    row(ui['map.panel.sources'], sources);
  }
  if (m.initiatives.length > 0) row(ui['map.panel.initiatives'], list(m.initiatives.map(link)));
  if (m.regions.length > 0) row(ui['map.panel.regions'], list(m.regions.map(link)));
  if (m.note) row(ui['map.panel.note'], m.note);
  return dl;
}

/** A list item for a feature the build did not know (the list follows the data the map shows). */
export function renderListItem(feature: MapFeature, lookup: MapLookup): HTMLLIElement {
  const m = panelModel(feature.props, lookup);
  const li = el('li', 'map-list__item');
  li.dataset['featureId'] = feature.id;
  const swatch = el('span', `map-swatch map-swatch--${swatchOf(feature.props)}`);
  swatch.setAttribute('aria-hidden', 'true');
  const page = listPage(feature.props, m);
  const line = (name: HTMLElement) => [swatch, name, el('span', 'meta', ` ${summaryLine(m)}`)];
  let body: HTMLElement;
  if (page) {
    body = el('p', 'map-list__line');
    const name = anchor(page);
    name.className = 'map-list__name';
    name.textContent = m.name;
    body.append(...line(name));
  } else {
    body = el('details');
    const summary = el('summary');
    summary.append(...line(el('span', 'map-list__name', m.name)));
    body.append(summary, renderDetails(m, lookup.ui));
  }
  const show = el('button', 'map-list__show', lookup.ui['map.show']);
  show.type = 'button';
  show.dataset['show'] = feature.id;
  show.setAttribute('aria-label', format(lookup.ui['map.showNamed'], { name: m.name }));
  li.append(body, show);
  return li;
}
