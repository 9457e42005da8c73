import * as E from 'fp-ts/lib/Either.js';
import type { RecordedEvent } from '@clientele/eventstore';
import type { ReadRefusal } from '@clientele/projections';
import type { Contribution, WinScores } from '@clientele/projections';
import {
  WIN_MODEL_ID,
  datedDealEvents,
  recordedModelAsOf,
  winScoresAsOf,
} from '@clientele/projections';
import type { ChartSpec } from '../html/charts.js';
import { SCORER_LABELS } from '../analyze/backtestTables.js';
import type { Report } from './report.js';
import { column } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';

const TOTALS = [
  column('count', 'deals', 'deals', 'Open deals scored.'),
  column('money', 'amount', 'amount', 'Sum of the deals’ amounts.'),
  column(
    'money',
    'expected',
    'expected',
    'Sum of amount × the probability shown, rounded once per deal to minor units.',
  ),
];

/** The columns of the scores report. */
export const scoresShape: ReportShape = {
  name: 'scores',
  description:
    'Win probability of every open deal the reader may see, as of the report date, with the model’s top reasons.',
  columns: [
    column('text', 'opportunity', 'opportunity', {
      description: 'The deal id.',
      machineOnly: true,
    }),
    column('text', 'deal', 'deal', 'The deal’s name.'),
    column('text', 'owner', 'owner', 'The owning rep’s id.'),
    column('code', 'stage', 'stage', 'The pipeline stage code.'),
    column('money', 'amount', 'amount', 'The deal’s amount.'),
    column(
      'percent',
      'probabilityPercent',
      'probability',
      'The probability shown: the model’s where it beat the baselines on this log’s own check, else the baseline’s (see the note).',
    ),
    column(
      'percent',
      'modelPercent',
      'model',
      'The logistic regression’s probability, trained on the log up to the report date.',
    ),
    column('percent', 'stagePercent', 'stage default', 'The stage’s default probability.'),
    column(
      'text',
      'reasons',
      'top reasons (log-odds)',
      'The model’s three largest feature contributions, signed: + raises the probability.',
    ),
  ],
  totalColumns: TOTALS,
};

const pct = (p: number) => Math.round(p * 10_000) / 100;

/** A contribution as people read it: `days in stage (log) = 3.2 (+0.31)`. */
export const reasonText = (c: Contribution): string =>
  `${c.feature} = ${c.value} (${c.logOdds >= 0 ? '+' : '−'}${Math.abs(c.logOdds).toFixed(2)})`;

const calibrationChart = (scores: WinScores): ChartSpec => {
  const shown = scores.check.results.find((r) => r.scorer === scores.shown);
  return {
    kind: 'bars',
    referenceLabel: 'the mean predicted probability (on it when calibrated)',
    title: `Calibration of the probability shown, on deals closed in the ${String(90)} days to ${scores.asOf} (observed win rate per predicted band)`,
    bars: (shown?.calibration ?? [])
      .filter((bin) => bin.cases > 0)
      .map((bin) => ({
        label: `${bin.from.toFixed(1)}–${bin.to.toFixed(1)} (${String(bin.cases)})`,
        value: pct(bin.observedRate ?? 0),
        reference: pct(bin.meanPredicted ?? 0),
        display: `observed ${pct(bin.observedRate ?? 0).toFixed(1)}%, predicted ${pct(bin.meanPredicted ?? 0).toFixed(1)}%`,
      })),
  };
};

const checkNote = (scores: WinScores): string => {
  const [model, ...baselines] = scores.check.results;
  const figures = [model, ...baselines]
    .filter((r) => r !== undefined)
    .map((r) => `${r.scorer} AUC ${r.auc?.toFixed(3) ?? '—'}, Brier ${r.brier?.toFixed(3) ?? '—'}`)
    .join('; ');
  const source =
    scores.recorded === null
      ? `The model was trained for this report up to ${scores.trainedUpTo} on ${String(scores.trainingCases)} cases and is not recorded (clientele analyze train records one).`
      : `The model is ${WIN_MODEL_ID} version ${String(scores.recorded.version)}, trained up to ${scores.trainedUpTo} on ${String(scores.trainingCases)} cases and recorded on ${scores.recorded.recordedOn}; the probability shown is the one its own check chose.`;
  return `Probability shown: ${SCORER_LABELS[scores.shown] ?? scores.shown}. Check on this log: trained to ${scores.check.cutOffs.join(', ')}, scored on the ${String(model?.cases ?? 0)} deals then open that closed by ${scores.asOf} (${figures}). ${source}`;
};

/**
 * Win scores of the open deals as of the report date (`Opportunity.read`: a rep sees their own
 * deals), each with the model's top reasons; the note says which probability is shown and why.
 */
export const scoresReport = async (
  { events, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const all: RecordedEvent[] = [];
  for await (const event of events.readAll()) all.push(event);
  const recorded = recordedModelAsOf(all, WIN_MODEL_ID, options.asOf);
  const scored = winScoresAsOf(datedDealEvents(all), options.asOf, access, recorded);
  if (E.isLeft(scored)) return scored;
  const scores = scored.right;
  const money = (currency: string, minor: number) => ({ [currency]: minor });
  const add = (sum: Record<string, number>, currency: string, minor: number) => ({
    ...sum,
    [currency]: (sum[currency] ?? 0) + minor,
  });
  let amount: Record<string, number> = {};
  let expected: Record<string, number> = {};
  for (const s of scores.scores) {
    amount = add(amount, s.currency, s.amountMinor);
    expected = add(expected, s.currency, Math.round(s.amountMinor * s.probability));
  }
  return E.right({
    name: 'scores',
    title: 'Win probability of open deals',
    asOf: options.asOf,
    columns: scoresShape.columns,
    rows: scores.scores.map((s) => ({
      opportunity: s.opportunityId,
      deal: s.name,
      owner: s.ownerId,
      stage: s.stageId,
      amount: money(s.currency, s.amountMinor),
      probabilityPercent: pct(s.probability),
      modelPercent: pct(s.modelProbability),
      stagePercent: pct(s.stageProbability),
      reasons: s.reasons.map(reasonText).join('; '),
    })),
    totalColumns: scoresShape.totalColumns,
    totals: { deals: scores.scores.length, amount, expected },
    chart: calibrationChart(scores),
    note: checkNote(scores),
  });
};
