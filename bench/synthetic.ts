/**
 * Synthetic evidence sources for the benchmark: valid under the real schema,
 * of the length of a real entry (two-paragraph summaries in English and
 * Chinese, a coded link, five to eight located findings), deterministic for a
 * given seed. They are never committed: the benchmark writes them into a
 * temporary copy of the project.
 */

/** A word that only source 1 contains: the rare query. */
export const RARE_WORD = 'quillwort';
/** A word that every synthetic source contains: the common query. */
export const COMMON_WORD = 'migration';

const THEMES = [
  'desertification',
  'land-degradation',
  'drought',
  'climate-change',
  'livelihoods',
  'food-security',
  'water-scarcity',
  'crop-productivity',
  'restoration',
  'governance',
] as const;
const PATHWAYS = ['livelihoods', 'food-security', 'water-scarcity', 'crop-productivity'] as const;
const SCALES = ['household', 'local', 'national', 'regional'] as const;
const TYPES = ['study', 'report', 'session-document', 'secretariat-note'] as const;
/**
 * A sixth of the synthetic sources are research entries, every finding coded
 * with an effect: about as many coded findings as sources. A few values of the
 * coding vocabularies (src/schemas/research.ts, which Node cannot load here);
 * the build rejects any value that drifts from them.
 */
export const RESEARCH_EVERY = 6;
const DESIGNS = [
  'meta-analysis',
  'systematic-review',
  'cross-country-panel',
  'household-survey',
  'qualitative',
] as const;
const DRIVERS = [
  'drought',
  'rainfall-deficit',
  'aridity',
  'land-degradation',
  'desertification',
  'temperature',
] as const;
const OUTCOMES = [
  'migration',
  'internal',
  'international',
  'rural-urban',
  'temporary',
  'immobility',
] as const;
const DIRECTIONS = [
  'increases',
  'decreases',
  'mixed',
  'no-significant-effect',
  'not-assessed',
] as const;
const COUNTRIES = [
  'SEN',
  'MLI',
  'NER',
  'BFA',
  'TCD',
  'ETH',
  'KEN',
  'KAZ',
  'UZB',
  'KGZ',
  'TJK',
  'MAR',
  'TUN',
  'IND',
  'PAK',
  'BGD',
  'MEX',
  'GTM',
  'HND',
  'CHN',
  'MNG',
  'ALB',
  'SRB',
] as const;

const EN_SUBJECTS = [
  'Rural households',
  'Smallholder farmers',
  'Pastoralist communities',
  'Young people in dryland villages',
  'Women-headed households',
  'Seasonal workers',
  'Farming families',
  'Herders',
];
const EN_VERBS = [
  'move to nearby towns',
  'send one member abroad',
  'diversify their income',
  'migrate seasonally',
  'leave degraded land',
  'rely on remittances',
  'sell livestock before moving',
  'return after good rains',
];
const EN_CAUSES = [
  'when drought reduces harvests',
  'as soil fertility declines',
  'after repeated crop failures',
  'where water becomes scarce',
  'as grazing land degrades',
  'when food prices rise after dry years',
  'where land restoration has stalled',
  'as desertification advances',
];
const EN_QUALIFIERS = [
  'according to the survey',
  'in the districts studied',
  'in the cases reviewed',
  'over the decade observed',
  'in both wet and dry years',
  'across the sites compared',
];
const ZH_SUBJECTS = [
  '农村家庭',
  '小农户',
  '牧民社区',
  '旱地村庄的年轻人',
  '女性户主家庭',
  '季节性工人',
  '农户',
  '牧民',
];
const ZH_VERBS = [
  '迁往附近城镇',
  '派一名成员出国',
  '使收入来源多样化',
  '进行季节性迁移',
  '离开退化的土地',
  '依靠汇款',
  '在迁移前出售牲畜',
  '在雨水充足后返回',
];
const ZH_CAUSES = [
  '在干旱导致收成减少时',
  '随着土壤肥力下降',
  '在作物连续歉收之后',
  '在水资源变得稀缺的地方',
  '随着草场退化',
  '在干旱年份粮价上涨时',
  '在土地恢复停滞的地方',
  '随着荒漠化推进',
];
const ZH_QUALIFIERS = [
  '据调查显示',
  '在所研究的地区',
  '在所审查的案例中',
  '在观察的十年间',
  '无论丰水年还是枯水年',
  '在所比较的各个地点',
];

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T =>
  list[Math.floor(r() * list.length)] as T;
const some = <T>(r: () => number, list: readonly T[], n: number): T[] => [
  ...new Set(Array.from({ length: n }, () => pick(r, list))),
];

function enSentence(r: () => number): string {
  return `${pick(r, EN_SUBJECTS)} ${pick(r, EN_VERBS)} ${pick(r, EN_CAUSES)}, ${pick(r, EN_QUALIFIERS)}.`;
}
function zhSentence(r: () => number): string {
  return `${pick(r, ZH_QUALIFIERS)}，${pick(r, ZH_CAUSES)}，${pick(r, ZH_SUBJECTS)}会${pick(r, ZH_VERBS)}。`;
}
const enParagraph = (r: () => number, n: number) =>
  Array.from({ length: n }, () => enSentence(r)).join(' ');
const zhParagraph = (r: () => number, n: number) =>
  Array.from({ length: n }, () => zhSentence(r)).join('');
/** A YAML double-quoted string. */
const q = (s: string) => JSON.stringify(s);

export interface SyntheticOptions {
  regions: readonly string[];
  initiatives: readonly string[];
}

/** The id of synthetic source `i` (1-based). */
export const syntheticId = (i: number) => `bench-${String(i).padStart(5, '0')}`;

/** The markdown file of synthetic source `i`. */
export function syntheticSource(i: number, { regions, initiatives }: SyntheticOptions): string {
  const r = rng(i * 7919);
  const year = 2000 + (i % 26);
  const research = i % RESEARCH_EVERY === 0;
  const findings = Array.from({ length: 5 + (i % 4) }, (_, k) => {
    const rare = i === 1 && k === 0 ? ` The ${RARE_WORD} meadows were the first to dry out.` : '';
    const coded = research
      ? [
          `    readAt: { url: 'https://example.org/bench/${i}/abstract', part: abstract }`,
          `    effect: { driver: ${pick(r, DRIVERS)}, outcome: ${pick(r, OUTCOMES)}, direction: ${pick(r, DIRECTIONS)}, scale: national }`,
        ]
      : [];
    return [
      `  - id: finding-${k + 1}`,
      `    text:`,
      `      en: ${q(`${enParagraph(r, 2)}${rare}`)}`,
      `      zh: ${q(zhParagraph(r, 2))}`,
      `    locator: { kind: paragraph, ref: '${k * 3 + 2}' }`,
      `    status: primary`,
      `    themes: [${pick(r, THEMES)}]`,
      ...coded,
    ].join('\n');
  });
  return [
    '---',
    'title:',
    `  en: ${q(`Synthetic study ${i} on land degradation and ${COMMON_WORD} in drylands`)}`,
    `  zh: ${q(`关于旱地土地退化与移民的合成研究 ${i}`)}`,
    'shortTitle:',
    `  en: ${q(`Synthetic study ${i} (${year})`)}`,
    `  zh: ${q(`合成研究 ${i}（${year} 年）`)}`,
    research ? 'type: journal-article' : `type: ${pick(r, TYPES)}`,
    ...(research
      ? [
          'study:',
          `  design: ${pick(r, DESIGNS)}`,
          `  sample: { en: ${q(enSentence(r))}, zh: ${q(zhSentence(r))} }`,
          `  data: { en: ${q(enSentence(r))}, zh: ${q(zhSentence(r))} }`,
        ]
      : []),
    'bibliographic:',
    `  authors: [{ family: Author${i}, given: Alex }, { literal: Benchmark Institute }]`,
    `  issued: '${year}-0${1 + (i % 9)}'`,
    '  publisher: Benchmark Institute',
    ...(research ? ['  container: Journal of Benchmark Studies'] : []),
    '  place: Bonn',
    `  url: https://example.org/bench/${i}`,
    '  originalLanguage: en',
    'summary:',
    '  en: |',
    `    This synthetic study looks at ${COMMON_WORD} from drylands. ${enParagraph(r, 4)}`,
    '',
    `    ${enParagraph(r, 4)}`,
    '  zh: |',
    `    这项合成研究考察旱地的人口迁移。${zhParagraph(r, 4)}`,
    '',
    `    ${zhParagraph(r, 4)}`,
    'dlddLink:',
    `  direction: ${pick(r, ['increases', 'indirect', 'decreases'] as const)}`,
    `  pathways: [${some(r, PATHWAYS, 2).join(', ')}]`,
    `  scale: [${some(r, SCALES, 2).join(', ')}]`,
    '  rationale:',
    `    en: ${q(enParagraph(r, 2))}`,
    `    zh: ${q(zhParagraph(r, 2))}`,
    'findings:',
    ...findings,
    `themes: [${some(r, THEMES, 3).join(', ')}]`,
    `countries: [${some(r, COUNTRIES, 3).join(', ')}]`,
    `regions: [${some(r, regions, 2).join(', ')}]`,
    `initiatives: [${some(r, initiatives, 1).join(', ')}]`,
    i > 1 ? `cites: [${syntheticId(Math.max(1, i - 1 - (i % 7)))}]` : 'cites: []',
    `added: '${year}-01-15'`,
    '---',
    '',
  ].join('\n');
}

/** A plain markdown page of about the same text, for the bare Astro baseline. */
export function plainPage(i: number): string {
  const r = rng(i * 7919);
  const paragraphs = Array.from({ length: 8 }, () => enParagraph(r, 4));
  return [
    '---',
    `title: ${q(`Plain page ${i} about ${COMMON_WORD}`)}`,
    'layout: ../../layouts/Plain.astro',
    '---',
    '',
    `# Plain page ${i}`,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
  ].join('\n');
}
