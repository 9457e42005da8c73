import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { RecordedEvent } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import type { ForecastBacktest, ProbabilityBacktest } from '@clientele/projections';
import {
  backtestBookingsForecast,
  backtestLeadConversion,
  backtestWinProbability,
  datedDealEvents,
  datedLeadEvents,
} from '@clientele/projections';
import { DATASET_IMPORTS } from '../importing/datasetImports.js';

/** The data sets `clientele analyze backtest` knows, each with its fixed time split. */
export const BACKTEST_DATASETS = ['maven', 'olist'] as const;
/** A data set `clientele analyze backtest` knows. */
export type BacktestDataset = (typeof BACKTEST_DATASETS)[number];

/** The backtests of one data set; a data set has the ones its data supports. */
export interface DatasetBacktest {
  readonly dataset: BacktestDataset;
  readonly events: number;
  readonly winProbability?: ProbabilityBacktest;
  readonly leadConversion?: ProbabilityBacktest;
  readonly forecast?: ForecastBacktest;
}

/**
 * The time splits, fixed so that the tables in docs/analytics.md are reproducible. Maven's deals
 * close from 2017-03-01 to 2017-12-31: the win model is cut at the ends of Q2 and Q3 and scored on
 * the deals then open that the data later closes; the forecast runs quarter by quarter from Q2
 * (Q1 has no previous quarter with closed deals to calibrate on). Olist's leads are captured up to
 * 2018-05-31 and conversions only begin in December 2017: cut-offs at the ends of March and April
 * 2018, each scoring the next 30 days of captures on conversion within 30 days.
 */
export const BACKTEST_SPLITS = {
  maven: {
    winCutOffs: ['2017-06-30', '2017-09-30'],
    quarters: [
      { previousFrom: '2016-12-31', from: '2017-03-31', to: '2017-06-30' },
      { previousFrom: '2017-03-31', from: '2017-06-30', to: '2017-09-30' },
      { previousFrom: '2017-06-30', from: '2017-09-30', to: '2017-12-31' },
    ],
    currency: 'USD',
  },
  olist: { conversionCutOffs: ['2018-03-31', '2018-04-30'], holdoutDays: 30 },
} as const;

const FIRST_FILE: Record<BacktestDataset, string> = {
  maven: 'sales_pipeline.csv',
  olist: 'olist_marketing_qualified_leads_dataset.csv',
};

/** Imports a data set's CSV files from `dir` into a fresh in-memory log. */
const importDataset = async (
  dataset: BacktestDataset,
  dir: string,
): Promise<E.Either<string, RecordedEvent[]>> => {
  const mapping = DATASET_IMPORTS.find((candidate) => candidate.name === dataset);
  if (mapping === undefined) return E.left(`no import mapping is named ${dataset}`);
  const file = join(dir, FIRST_FILE[dataset]);
  if (!existsSync(file))
    return E.left(`no ${FIRST_FILE[dataset]} in ${dir} (give the data set's folder with --data)`);
  const store = createInMemoryEventStore();
  const report = await mapping.run(file, {
    store,
    tenant: { tenantId: dataset, tenantKey: `${dataset}-backtest` },
    csv: {},
    onCommand: () => undefined,
  });
  if (E.isLeft(report)) return report;
  if (report.right.rejected.length > 0)
    return E.left(
      `${String(report.right.rejected.length)} rows of ${dataset} were rejected; run clientele import to see them`,
    );
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return E.right(events);
};

/**
 * Imports the data set from its CSV files into a fresh in-memory log and runs its backtests on
 * that log: the models see the data only as events, exactly as they would in a live store.
 */
export const backtestDataset = async (
  dataset: BacktestDataset,
  dir: string,
): Promise<E.Either<string, DatasetBacktest>> => {
  const imported = await importDataset(dataset, dir);
  if (E.isLeft(imported)) return imported;
  const events = imported.right;
  if (dataset === 'maven') {
    const deals = datedDealEvents(events);
    const split = BACKTEST_SPLITS.maven;
    return E.right({
      dataset,
      events: events.length,
      winProbability: backtestWinProbability(deals, split.winCutOffs),
      forecast: backtestBookingsForecast(deals, split.quarters, split.currency),
    });
  }
  const split = BACKTEST_SPLITS.olist;
  return E.right({
    dataset,
    events: events.length,
    leadConversion: backtestLeadConversion(
      datedLeadEvents(events),
      split.conversionCutOffs,
      split.holdoutDays,
    ),
  });
};
