/**
 * DOM rendering of the evidence map: a cell's contents (the same markup as
 * `components/EvidenceMap/Cell.astro`, from the same `CellView`) and the
 * items of a panel's list. Texts from data are only ever set with
 * `textContent`.
 */
import type { CellView, Mark } from '../../evidence-map/cell-view';
import type { EvidenceConfig } from '../../evidence-map/config';
import type { FindingDetails, SourceDetails } from '../../evidence-map/model';
import { DIRECTION_GLYPHS, TIER_GLYPHS } from '../../evidence-map/model';
import { format } from '../../format';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof HTMLElementTagNameMap>(
  name: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(name);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const hidden = (text: string) => el('span', 'visually-hidden', text);

function marks(kind: 'dir' | 'tier', list: readonly Mark[], labels: Record<string, string>) {
  const wrap = el('span', `em-marks em-marks--${kind}`);
  for (const m of list) {
    const mark = el('span', `em-mark em-mark--${m.id}`);
    const glyph = el('span', undefined, m.glyph);
    glyph.setAttribute('aria-hidden', 'true');
    mark.append(glyph, hidden(`${labels[m.id] ?? m.id} `), String(m.count));
    wrap.append(mark);
  }
  return wrap;
}

/** Replaces the contents of a table cell with `view`. */
export function renderCell(cell: HTMLElement, view: CellView, config: EvidenceConfig): void {
  const { labels, strings } = config;
  const parts: Node[] = [];
  const total = el('span', 'em-total');
  total.append(
    el('strong', undefined, String(view.total)),
    hidden(` ${strings['evidence.cell.findings']}`),
  );
  parts.push(total);
  if (view.segments.length > 0) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'em-bar');
    svg.setAttribute('aria-hidden', 'true');
    for (const s of view.segments) {
      const rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('class', `em-seg em-seg--${s.direction}`);
      rect.setAttribute('x', `${s.x}%`);
      rect.setAttribute('y', '0');
      rect.setAttribute('width', `${s.width}%`);
      rect.setAttribute('height', '100%');
      svg.append(rect);
    }
    parts.push(svg);
  }
  if (view.directions.length > 0) parts.push(marks('dir', view.directions, labels.directions));
  if (view.tiers.length > 0) parts.push(marks('tier', view.tiers, labels.tiers));
  if (view.state !== 'evidence')
    parts.push(el('span', 'em-flag', strings[`evidence.flag.${view.state}`]));
  cell.dataset['state'] = view.state;
  cell.replaceChildren(...parts);
}

/** What a list item shows of a finding. */
export interface ListedFinding {
  details: FindingDetails;
  source: { id: string; year: number; tier: string } & SourceDetails;
  direction: string | null;
  status: string;
}

/** One item of a panel's list: direction, tier and design, the finding, its subgroup and its place. */
export function findingItem(f: ListedFinding, config: EvidenceConfig): HTMLLIElement {
  const { labels, strings } = config;
  const item = el('li', 'em-finding');
  const meta = el('p', 'em-finding__meta');
  const direction = el('span', `em-finding__dir em-mark--${f.direction ?? 'none'}`);
  if (f.direction) {
    const glyph = el(
      'span',
      undefined,
      `${DIRECTION_GLYPHS[f.direction as keyof typeof DIRECTION_GLYPHS] ?? ''} `,
    );
    glyph.setAttribute('aria-hidden', 'true');
    direction.append(glyph, labels.directions[f.direction] ?? f.direction);
  } else {
    direction.textContent = strings['evidence.panel.noEffect'];
  }
  const tier = el('span', 'em-finding__tier');
  const tierGlyph = el(
    'span',
    undefined,
    `${TIER_GLYPHS[f.source.tier as keyof typeof TIER_GLYPHS] ?? ''} `,
  );
  tierGlyph.setAttribute('aria-hidden', 'true');
  const design = f.source.design ? labels.designs[f.source.design] : undefined;
  tier.append(tierGlyph, design ?? labels.tiers[f.source.tier] ?? f.source.tier);
  const status = el('span', `badge badge--${f.status}`, labels.statuses[f.status] ?? f.status);
  meta.append(direction, ' · ', tier, ' · ', status);
  item.append(meta, el('p', 'em-finding__text', f.details.text));
  if (f.details.subgroup)
    item.append(
      el('p', 'meta', format(strings['evidence.panel.for'], { subgroup: f.details.subgroup })),
    );
  if (f.details.countries.length > 0) {
    const names = f.details.countries.map((c) => labels.countries[c] ?? c).join(', ');
    item.append(el('p', 'meta', format(strings['evidence.panel.countries'], { countries: names })));
  }
  const place = el('p', 'em-finding__source');
  const link = el('a', undefined, `${f.source.title} — ${f.details.locator}`);
  link.href = `${config.root}sources/${f.source.id}/${f.details.id ? `#finding-${f.details.id}` : ''}`;
  place.append(link);
  item.append(place);
  return item;
}
