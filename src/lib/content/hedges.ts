/**
 * Hedges and bounds: the words that keep a finding exactly as sure as its
 * source ("can contribute", "may wish to explore", "up to 3 billion"). This is
 * the one list of them, per language; the validator's hedge guard reads it
 * (a quotation with a hedge needs a hedged text, and a number the quotation
 * bounds keeps its bound) and so do its tests.
 */
import type { Lang } from '../../schemas/common';
import { readNumbers, showValue } from './numbers';

/**
 * Words of possibility, likelihood, part or condition. English ones are
 * whole words or phrases; Chinese ones are matched inside the text after the
 * words of `NOT_HEDGES` are taken out (会 in 会议, 可 in 可持续, 能 in 能源).
 */
const HEDGES: Record<Lang, readonly string[]> = {
  en: [
    'can',
    'could',
    'may',
    'might',
    'able to',
    'likely',
    'unlikely',
    'possible',
    'possibly',
    'potential',
    'potentially',
    'perhaps',
    'probably',
    'expected',
    'often',
    'sometimes',
    'some',
    'one of',
    'among',
    'if',
    'up to',
    'at most',
    'at least',
    'as much as',
    'as many as',
  ],
  zh: [
    '可能',
    '或许',
    '也许',
    '大概',
    '可以',
    '能够',
    '可',
    '能',
    '会',
    '不妨',
    '有望',
    '预计',
    '往往',
    '有时',
    '一些',
    '某些',
    '有些',
    '部分',
    '之一',
    '如果',
    '若',
    '最多',
    '至多',
    '多达',
    '至少',
  ],
};

/** Chinese words that hold a hedge character without being a hedge. */
const NOT_HEDGES: readonly string[] = [
  // 会: meetings, society, opportunity, bodies
  '会议',
  '大会',
  '届会',
  '全会',
  '峰会',
  '年会',
  '研讨会',
  '讨论会',
  '博览会',
  '委员会',
  '理事会',
  '联合会',
  '基金会',
  '协会',
  '学会',
  '商会',
  '工会',
  '国会',
  '会员',
  '会晤',
  '会谈',
  '会见',
  '会上',
  '会期',
  '会场',
  '社会',
  '机会',
  '都会',
  '省会',
  '体会',
  // 可: sustainable, renewable, visible, feasible, reliable, approved
  '可持续',
  '可再生',
  '可见',
  '可视',
  '可操作',
  '可行',
  '可靠',
  '可信',
  '可观',
  '可比',
  '可及',
  '可负担',
  '认可',
  '许可',
  '不可',
  // 能: energy, capacity, function, skills
  '能源',
  '能力',
  '能效',
  '功能',
  '技能',
  '职能',
  '性能',
  '效能',
  '智能',
  '节能',
  '潜能',
  '动能',
  '赋能',
  '产能',
  '才能',
  '太阳能',
  '风能',
  '核能',
  '电能',
  '热能',
  // 部分: most (a word of quantity, not of part)
  '大部分',
  '绝大部分',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EN_HEDGE = new RegExp(`\\b(?:${HEDGES.en.map(escape).join('|')})\\b`, 'gi');
/** "May" the month is no hedge: "3 May", "May 2023". */
const EN_MONTH_MAY = /\b\d{1,2}\sMay\b|\bMay\s\d{4}\b/g;
const ZH_NOT_HEDGE = new RegExp(
  [...NOT_HEDGES]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|'),
  'g',
);
const ZH_HEDGE = new RegExp(
  [...HEDGES.zh]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|'),
  'g',
);

/** The hedges in a text, in order, as written. */
export function hedgesIn(text: string, lang: Lang): string[] {
  if (lang === 'en') {
    return [...text.replace(EN_MONTH_MAY, ' ').matchAll(EN_HEDGE)].map((m) => m[0].toLowerCase());
  }
  return [...text.replace(ZH_NOT_HEDGE, '　').matchAll(ZH_HEDGE)].map((m) => m[0]);
}

/** Which way a bound limits a number. */
export type Bound = 'upper' | 'lower' | 'about';

/**
 * Words before a number that bound it ("up to 3 billion", "最多"), and after it
 * ("10 million or more", "1,000 万以上"). A Chinese number followed by 多 or 余
 * ("30 多亿", "30 余") is bounded below.
 */
const BOUNDS: Record<
  Lang,
  { before: Record<Bound, readonly string[]>; after: Record<Bound, readonly string[]> }
> = {
  en: {
    before: {
      upper: [
        'up to',
        'at most',
        'as much as',
        'as many as',
        'no more than',
        'not more than',
        'less than',
        'fewer than',
        'smaller than',
        'lower than',
        'under',
        'below',
      ],
      lower: [
        'at least',
        'more than',
        'over',
        'in excess of',
        'no fewer than',
        'no less than',
        'upwards of',
        'exceeding',
        'larger than',
        'greater than',
        'higher than',
      ],
      about: [
        'about',
        'around',
        'approximately',
        'nearly',
        'almost',
        'close to',
        'roughly',
        'some',
        'estimated',
      ],
    },
    after: { upper: ['or less', 'or fewer'], lower: ['or more'], about: [] },
  },
  zh: {
    before: {
      upper: ['最多', '至多', '多达', '高达', '不超过', '不到', '少于', '小于', '低于'],
      lower: ['至少', '超过', '逾', '多于', '不少于', '不低于', '大于', '高于'],
      about: ['约', '大约', '近', '将近', '接近', '估计'],
    },
    after: { upper: ['以下', '以内'], lower: ['以上'], about: ['左右', '上下'] },
  },
};

/** How many characters may stand between a bound and its number: "最多将有 30", "up to USD 19". */
const REACH: Record<Lang, number> = { en: 12, zh: 5 };
const PUNCTUATION = /[.;:!?。；：！？，,]/;

/** Whether a bound word ends `lead` closely enough to bind the number that follows. */
function boundBefore(lead: string, word: string, lang: Lang): boolean {
  const at = lead.lastIndexOf(word);
  if (at < 0) return false;
  const gap = lead.slice(at + word.length);
  if (gap.length > REACH[lang] || PUNCTUATION.test(gap)) return false;
  if (lang === 'zh') return true;
  // whole words only: "over" is not in "moreover" or "overall"
  return !/[a-z]$/i.test(lead.slice(0, at)) && !/^[a-z]/i.test(gap);
}

/** The bounds each number of a text carries, by value. */
export function boundsIn(raw: string, lang: Lang): Map<number, Set<Bound>> {
  const text = raw.normalize('NFKC');
  const out = new Map<number, Set<Bound>>();
  let previous = 0;
  for (const q of readNumbers(text, lang).quantities) {
    const bounds = out.get(q.value) ?? new Set<Bound>();
    // the words since the previous number, at most a short phrase
    const lead = text.slice(Math.max(previous, q.start - 30), q.start).toLowerCase();
    const own = text.slice(q.start, q.end);
    const tail = text.slice(q.end, q.end + 30).toLowerCase();
    for (const bound of ['upper', 'lower', 'about'] as const) {
      const before = BOUNDS[lang].before[bound].some((w) => boundBefore(lead, w, lang));
      const after = BOUNDS[lang].after[bound].some((w) =>
        lang === 'zh'
          ? new RegExp(`^\\s?[^\\d，。；,.;]{0,3}?${w}`).test(tail)
          : new RegExp(`^[^\\d.;,]{0,25}\\b${w}\\b`).test(tail),
      );
      const plus = lang === 'zh' && bound === 'lower' && /\d\s?[多余]/.test(own);
      if (before || after || plus) bounds.add(bound);
    }
    out.set(q.value, bounds);
    previous = q.end;
  }
  return out;
}

/**
 * The hedge guard: a text is no surer than the quotation it paraphrases. If
 * the quotation carries a hedge, the text carries one too; if the quotation
 * bounds a number the text states, the text keeps that bound. Returns what is
 * missing, as "what was expected".
 */
export function hedgeGuard(text: string, quote: string, lang: Lang): string[] {
  const problems: string[] = [];
  const quoted = hedgesIn(quote, lang);
  if (quoted.length > 0 && hedgesIn(text, lang).length === 0) {
    problems.push(
      `a hedge, as the quotation has "${quoted[0]}" (the finding must not sound surer than its source)`,
    );
  }
  const textBounds = boundsIn(text, lang);
  for (const [value, bounds] of boundsIn(quote, lang)) {
    const kept = textBounds.get(value);
    if (kept === undefined) continue; // the text does not state this number
    const lost = [...bounds].filter((b) => !kept.has(b));
    if (lost.length > 0) {
      problems.push(
        `the ${lost.join(' and ')} bound the quotation puts on ${showValue(value)} (keep it: ${lost.map((b) => BOUNDS[lang].before[b].slice(0, 2).join(', ')).join('; ')})`,
      );
    }
  }
  return problems;
}
