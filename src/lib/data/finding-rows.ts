/**
 * The finding table (`findings.csv`, `findings.json`): one row per located
 * finding, with its source, citation, locator, status and coding.
 */
import { locator as locatorSchema, themeIds, verification } from '../../schemas/common';
import {
  designTier,
  designTiers,
  drivers,
  effectDirections,
  effectScale,
  outcomes,
  readParts,
} from '../../schemas/research';
import { citeFinding, citeReported, locatorText } from '../finding-citations';
import { locatorDocument } from '../finding-locator';
import {
  bilingual,
  HTTPS_URL,
  ISO3,
  opt,
  PAGE_URL,
  SOURCE_COLUMNS_SHARED as SHARED,
  type Column,
  type DataContext,
  type DataSource,
  type FindingInput,
} from './columns';

const locatorKinds = locatorSchema.shape.kind.options;

/** Columns of the coded effect of a research finding, each from its vocabulary (empty for UN documents). */
const effectColumns = (
  fields: readonly (readonly [
    'driver' | 'outcome' | 'direction' | 'scale',
    readonly string[],
    string,
  ])[],
): Column<FindingInput>[] =>
  fields.map(([field, vocabulary, description]) => ({
    name: field,
    type: 'string',
    vocabulary,
    description,
    value: (x) => opt(x.finding.effect?.[field]),
  }));

/** The columns of `findings.csv`, in order. */
export const FINDING_COLUMNS: readonly Column<FindingInput>[] = [
  SHARED.sourceId,
  {
    name: 'finding_id',
    type: 'string',
    required: true,
    description: 'Id of the finding, unique within its source.',
    value: (x) => x.finding.id,
  },
  SHARED.shortCitation,
  {
    name: 'citation',
    type: 'string',
    required: true,
    description:
      'In-text citation of the finding with its locator, APA style, e.g. "(UNCCD secretariat, 2026, para. 9)".',
    value: (x) =>
      x.locatedIn === undefined
        ? citeFinding(x.csl, x.finding.locator, 'apa')
        : citeReported(x.csl, x.finding.locator, 'apa', x.locatedIn),
  },
  SHARED.year,
  { ...SHARED.type, name: 'source_type' },
  SHARED.design,
  {
    name: 'design_tier',
    type: 'string',
    required: true,
    vocabulary: designTiers,
    description: 'Synthesis, primary study, or policy document (no design).',
    value: (x) => designTier(x.source.study?.design),
  },
  ...bilingual<FindingInput>(
    'text',
    (language) => `The finding in ${language}, in the atlas's words.`,
    (x) => x.finding.text,
    true,
  ),
  {
    name: 'locator_kind',
    type: 'string',
    required: true,
    vocabulary: locatorKinds,
    description: 'Kind of place in the source where the finding is stated.',
    value: (x) => x.finding.locator.kind,
  },
  {
    name: 'locator_ref',
    type: 'string',
    required: true,
    description: 'The paragraph, page, section, footnote, table or figure.',
    value: (x) => x.finding.locator.ref,
  },
  {
    name: 'locator',
    type: 'string',
    required: true,
    description:
      'The locator as a citation writes it, e.g. "para. 9", "p. 12"; for a finding read in another document, that document first: "ICCD/COP(17)/8, para. 10".',
    value: (x) =>
      x.locatedIn === undefined
        ? locatorText(x.finding.locator)
        : `${x.locatedIn}, ${locatorText(x.finding.locator)}`,
  },
  {
    name: 'status',
    type: 'string',
    required: true,
    vocabulary: verification.options,
    description:
      'How the atlas knows it: read in the source (primary), in another source (secondary), or unverified.',
    value: (x) => x.finding.status,
  },
  {
    name: 'via_url',
    type: 'string',
    pattern: HTTPS_URL,
    description: 'Where a secondary finding was read.',
    value: (x) => opt(x.finding.via?.url),
  },
  ...effectColumns([
    ['driver', drivers, 'Environmental driver of a research finding; empty for UN documents.'],
    ['outcome', outcomes, 'Mobility outcome of a research finding; empty for UN documents.'],
    [
      'direction',
      effectDirections,
      'Direction of the effect of the driver on the outcome, as the source reports it.',
    ],
  ]),
  ...bilingual<FindingInput>(
    'subgroup',
    (language) => `Population or condition the effect holds for, in ${language}.`,
    (x) => x.finding.effect?.subgroup,
  ),
  ...effectColumns([['scale', effectScale.options, 'Scale of a research finding.']]),
  {
    name: 'countries',
    type: 'string',
    list: true,
    pattern: ISO3,
    description:
      "Countries of the finding (ISO 3166-1 alpha-3, separated by ;): the finding's own, or else the source's.",
    value: (x) => x.finding.effect?.countries ?? x.source.countries,
  },
  SHARED.regions,
  {
    name: 'themes',
    type: 'string',
    list: true,
    vocabulary: themeIds,
    description: 'Themes of the finding, separated by ;.',
    value: (x) => x.finding.themes ?? [],
  },
  {
    name: 'read_part',
    type: 'string',
    vocabulary: readParts,
    description: 'Which part of a research source the atlas read.',
    value: (x) => opt(x.finding.readAt?.part),
  },
  {
    name: 'read_url',
    type: 'string',
    pattern: HTTPS_URL,
    description: 'The copy of a research source the atlas read.',
    value: (x) => opt(x.finding.readAt?.url),
  },
  {
    name: 'permalink',
    type: 'string',
    pattern: PAGE_URL,
    required: true,
    description: "The finding on the atlas's source page.",
    value: (x) => `${x.pageUrl}#finding-${x.finding.id}`,
  },
];

/** The inputs of the finding rows, sources in the order given, findings in content order. */
export function findingInputs(sources: readonly DataSource[], ctx: DataContext): FindingInput[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return sources.flatMap((source) => {
    const csl = ctx.csl(source);
    const pageUrl = ctx.pageUrl(source);
    return source.findings.map((finding) => ({
      source,
      finding,
      csl,
      pageUrl,
      locatedIn: locatorDocument(finding, 'en', (id) => byId.get(id)),
    }));
  });
}
