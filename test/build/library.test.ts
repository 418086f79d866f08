import { describe, expect, it } from 'vitest';
import type { FindingRecords } from '../../src/lib/citation-formats';
import { htmlPages, listFiles, read } from '../support/dist';

/** The sources the evidence library must cover (issue "Evidence library"). */
const REQUIRED = [
  'iccd-cop17-8',
  'iccd-cop15-18',
  'ldn-tsp2-call-2023',
  'unhabitat-gc25-2015',
  'unccd-central-asia-study-2023',
  'groundswell-2021',
  'groundswell-2018',
  'fao-sofa-2025',
  'g7-2026-desertification-security',
  'glo-connectivity-2025',
  'natural-fit-2025',
  'urban-rural-primer-2024',
  'flows-to-action-note',
  'ggw-status-2020',
  '3s-rising-africa',
  'iom-unccd-mou-2014',
  'iom-unccd-nexus-study-2019',
  'decision-28-cop13',
  'decision-22-cop14',
  'decision-22-cop15',
  'decision-23-cop16',
];

const sourcePages = htmlPages().filter((p) => /^(zh\/)?sources\/[^/]+\/index\.html$/.test(p));

describe('the evidence library', () => {
  it('has a page for every required source in both languages', () => {
    for (const id of REQUIRED) {
      expect(sourcePages).toContain(`sources/${id}/index.html`);
      expect(sourcePages).toContain(`zh/sources/${id}/index.html`);
    }
  });

  it('keeps the home page short: the twelve newest sources, then a link to all of them', () => {
    const english = sourcePages.filter((p) => !p.startsWith('zh/')).length;
    for (const [page, prefix, all] of [
      ['index.html', '/', `All ${english} sources`],
      ['zh/index.html', '/zh/', `全部 ${english} 个来源`],
    ] as const) {
      const html = read(page);
      const listed = [...html.matchAll(new RegExp(`href="${prefix}sources/([^/"]+)/"`, 'g'))];
      expect(listed.length, page).toBe(Math.min(12, english));
      expect(html, page).toContain(`href="${prefix}sources/">${all}</a>`);
    }
  });

  it.each(sourcePages)('%s shows located findings with a verification badge', (page) => {
    const html = read(page);
    const findings = html.match(/<section class="finding"[\s\S]*?<\/section>/g) ?? [];
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding).toMatch(/class="badge badge--(primary|secondary|unverified)"/);
      // The locator is the first text of the finding's heading.
      expect(finding).toMatch(
        /<h3[^>]*>[\s\S]*?(¶|p\.|footnote|criterion|第|脚注|标准|[A-Za-z\u4e00-\u9fff])/,
      );
    }
  });

  it('offers APA, Harvard and three downloads on every source page', () => {
    for (const page of sourcePages) {
      const html = read(page);
      expect(html, page).toContain('id="ref-apa"');
      expect(html, page).toContain('id="ref-harvard1"');
      for (const ext of ['bib', 'ris', 'json'])
        expect(html, page).toMatch(new RegExp(`/cite/[^"]+\\.${ext}"`));
    }
  });

  it('writes the citation files of every source and finding, and not the list they come from', () => {
    const sources = sourcePages.filter((p) => !p.startsWith('zh/'));
    const files = listFiles().filter((f) => f.startsWith('cite/'));
    for (const page of sources) {
      const id = page.split('/')[1] ?? '';
      for (const ext of ['bib', 'ris', 'json']) expect(files).toContain(`cite/${id}.${ext}`);
      const findings = [
        ...read(page).matchAll(/<section class="finding"[^>]* id="finding-([^"]+)"/g),
      ];
      expect(findings.length, page).toBeGreaterThan(0);
      // One file of the source's findings' records, not three per finding.
      expect(files).toContain(`cite/findings/${id}.json`);
      const records = JSON.parse(read(`cite/findings/${id}.json`)) as FindingRecords;
      expect(Object.keys(records).sort(), page).toEqual(findings.map(([, f]) => f).sort());
    }
    expect(files.filter((f) => f.startsWith('cite/finding/'))).toEqual([]);
    expect(files).not.toContain('cite/files.json');
  });

  it('computes "cited by" from the citing side', () => {
    const groundswell = read('sources/groundswell-2021/index.html');
    const citedBy = groundswell.slice(groundswell.indexOf('Sources that cite it'));
    expect(citedBy).toContain('href="/sources/iccd-cop17-8/"');
  });

  it('keeps the UN symbol in the formatted reference', () => {
    const html = read('sources/iccd-cop15-18/index.html');
    const apa = /<p class="citation" id="ref-apa">([^<]+)<\/p>/.exec(html)?.[1] ?? '';
    expect(apa).toContain('ICCD/COP(15)/18');
  });

  it('lists the COP decisions and notes on migration in date order on the timeline', () => {
    const html = read('timeline/index.html');
    const order = [
      'decision-28-cop13',
      'decision-22-cop14',
      'iccd-cop15-18',
      'decision-23-cop16',
      'iccd-cop17-8',
    ].map((id) => html.indexOf(`/sources/${id}/`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
