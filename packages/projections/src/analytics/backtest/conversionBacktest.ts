import type { LeadEvent } from '@clientele/domain';
import type { DatedEvent } from '../history/datedEvents.js';
import { lastDay, shiftDay } from '../history/datedEvents.js';
import { leadsAsOf } from '../history/leadHistory.js';
import type { ConversionModelOptions } from '../conversion/conversionModel.js';
import {
  DEFAULT_CONVERSION_MODEL_OPTIONS,
  conversionTrainingCases,
  convertedWithin,
  trainConversionModel,
} from '../conversion/conversionModel.js';
import type { ScoredCase } from './comparison.js';
import { chooseDefault, judgeScorer } from './comparison.js';
import type { ProbabilityBacktest } from './winBacktest.js';

/** The conversion rate of each source among the training cases, and of all of them. */
const sourceRates = (cases: readonly { item: { source: string }; outcome: 0 | 1 }[]) => {
  const bySource = new Map<string, { converted: number; leads: number }>();
  let converted = 0;
  for (const { item, outcome } of cases) {
    const counts = bySource.get(item.source) ?? { converted: 0, leads: 0 };
    bySource.set(item.source, { converted: counts.converted + outcome, leads: counts.leads + 1 });
    converted += outcome;
  }
  const overall = cases.length === 0 ? 0 : converted / cases.length;
  return (source: string): number => {
    const counts = bySource.get(source);
    return counts === undefined ? overall : counts.converted / counts.leads;
  };
};

/**
 * Backtests lead conversion with a time split at each cut-off: the model and the baseline learn
 * from the leads whose horizon was over by the cut-off; the leads captured in the
 * `holdoutDays` after the cut-off (those whose horizon the log covers) are scored at capture and
 * compared with whether they converted within the horizon. The baseline (`sourceRate`) is the
 * conversion rate of the lead's source among the training leads. Holdouts are pooled.
 */
export const backtestLeadConversion = (
  events: readonly DatedEvent<LeadEvent>[],
  cutOffs: readonly string[],
  holdoutDays: number,
  options: ConversionModelOptions = DEFAULT_CONVERSION_MODEL_OPTIONS,
): ProbabilityBacktest => {
  const end = lastDay(events) ?? '';
  const final = leadsAsOf(events, end);
  const cases: ScoredCase[] = [];
  for (const cutOff of cutOffs) {
    const model = trainConversionModel(events, cutOff, options);
    const baseline = sourceRates(conversionTrainingCases(events, cutOff, options));
    const holdoutEnd = shiftDay(cutOff, holdoutDays);
    for (const lead of final.values()) {
      if (lead.capturedOn <= cutOff || lead.capturedOn > holdoutEnd) continue;
      if (shiftDay(lead.capturedOn, options.horizonDays) > end) continue;
      // Scored as captured: the lead as known on its capture day.
      const captured = { ...lead, outcome: 'open' as const, closedOn: null, ownerId: null };
      cases.push({
        outcome: convertedWithin(lead, options.horizonDays),
        scores: { model: model.score(captured), sourceRate: baseline(lead.source) },
      });
    }
  }
  const model = judgeScorer('model', cases);
  const baselines = [judgeScorer('sourceRate', cases)];
  return { cutOffs, results: [model, ...baselines], chosen: chooseDefault(model, baselines) };
};
