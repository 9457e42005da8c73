import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial, RecordedEvent } from '@clientele/eventstore';
import { datedLeadEvents, leadScoresAsOf } from '@clientele/projections';
import { SCORER_LABELS } from '../analyze/backtestTables.js';
import type { Report } from './report.js';
import { column, nullable } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';
import { reasonText } from './scoresReport.js';

/** The columns of the conversion report. */
export const conversionShape: ReportShape = {
  name: 'conversion',
  description:
    'Probability that each open lead the reader may see converts within 30 days of its capture, as of the report date, with the model’s top reasons.',
  columns: [
    column(
      'text',
      'lead',
      'lead',
      'The lead id (a lead’s name is personal data and is not shown here).',
    ),
    column('code', 'source', 'source', 'The channel the lead came from.'),
    column('text', 'owner', 'owner', nullable('The owning rep’s id; null when unassigned.')),
    column('period', 'capturedOn', 'captured', 'The day the lead was captured.'),
    column(
      'percent',
      'probabilityPercent',
      'probability',
      'The probability shown: the model’s where it beat the source rate on this log’s own check, else the source’s conversion rate.',
    ),
    column('percent', 'modelPercent', 'model', 'The logistic regression’s probability.'),
    column(
      'percent',
      'sourcePercent',
      'source rate',
      'The conversion rate within 30 days of the training leads from the same source.',
    ),
    column(
      'text',
      'reasons',
      'top reasons (log-odds)',
      'The model’s three largest feature contributions, signed.',
    ),
  ],
  totalColumns: [column('count', 'leads', 'leads', 'Open leads scored.')],
};

const pct = (p: number) => Math.round(p * 10_000) / 100;

/** Conversion scores of the open leads as of the report date (`Lead.read`). */
export const conversionReport = async (
  { events, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, Report>> => {
  const all: RecordedEvent[] = [];
  for await (const event of events.readAll()) all.push(event);
  const scored = leadScoresAsOf(datedLeadEvents(all), options.asOf, access);
  if (E.isLeft(scored)) return scored;
  const { scores, shown, check } = scored.right;
  const figures = check.results
    .map((r) => `${r.scorer} AUC ${r.auc?.toFixed(3) ?? '—'}, Brier ${r.brier?.toFixed(3) ?? '—'}`)
    .join('; ');
  return E.right({
    name: 'conversion',
    title: 'Conversion probability of open leads (within 30 days of capture)',
    asOf: options.asOf,
    columns: conversionShape.columns,
    rows: scores.map((s) => ({
      lead: s.leadId,
      source: s.source,
      owner: s.ownerId,
      capturedOn: s.capturedOn,
      probabilityPercent: pct(s.probability),
      modelPercent: pct(s.modelProbability),
      sourcePercent: pct(s.sourceRate),
      reasons: s.reasons.map(reasonText).join('; '),
    })),
    totalColumns: conversionShape.totalColumns,
    totals: { leads: scores.length },
    chart: {
      kind: 'bars',
      title: 'Open leads by source, with the mean probability shown',
      bars: [...new Set(scores.map((s) => s.source))].sort().map((source) => {
        const mine = scores.filter((s) => s.source === source);
        const mean = mine.reduce((sum, s) => sum + s.probability, 0) / mine.length;
        return {
          label: source,
          key: source,
          value: mine.length,
          display: `${String(mine.length)} leads, mean ${pct(mean).toFixed(1)}%`,
        };
      }),
    },
    note: `Probability shown: ${SCORER_LABELS[shown] ?? shown}. Check on this log: trained to ${check.cutOffs.join(', ')}, scored on the ${String(check.results[0]?.cases ?? 0)} leads captured in the next 30 days (${figures}).`,
  });
};
