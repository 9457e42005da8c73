import type { ForecastBacktest, ProbabilityBacktest, ScorerResult } from '@clientele/projections';
import { formatTable } from '../output/table.js';
import type { DatasetBacktest } from './backtestDataset.js';

/** What each scorer's code means in a table. */
export const SCORER_LABELS: Readonly<Record<string, string>> = {
  model: 'model (logistic regression)',
  stageDefault: "baseline: stage's default probability",
  overallRate: 'baseline: overall win rate by the cut-off',
  sourceRate: "baseline: conversion rate of the lead's source",
  forecastModel: 'model (calibrated pipeline + run rate)',
  lastPeriod: 'baseline: last quarter’s bookings',
  weightedPipeline: 'baseline: pipeline weighted by stage defaults',
};

const fixed = (value: number | null, digits: number): string | null =>
  value === null ? null : value.toFixed(digits);

const percent = (value: number | null): string | null =>
  value === null ? null : `${(value * 100).toFixed(1)} %`;

const dollars = (minor: number): string => Math.round(minor / 100).toLocaleString('en-US');

const label = (code: string) => SCORER_LABELS[code] ?? code;

const shipped = (result: ScorerResult, chosen: string) => (result.scorer === chosen ? 'yes' : '');

/** The metrics table of a probability backtest: AUC, Brier score, and which scorer ships. */
export const probabilityTable = (backtest: ProbabilityBacktest): string =>
  formatTable(
    ['scorer', 'cases', 'AUC', 'Brier', 'default'],
    backtest.results.map((result) => [
      label(result.scorer),
      result.cases,
      fixed(result.auc, 4),
      fixed(result.brier, 4),
      shipped(result, backtest.chosen),
    ]),
    [false, true, true, true, false],
  );

/** The calibration table of one scorer of a probability backtest (bins with cases only). */
export const calibrationTableText = (backtest: ProbabilityBacktest, scorer: string): string => {
  const result = backtest.results.find((candidate) => candidate.scorer === scorer);
  return formatTable(
    ['predicted', 'cases', 'mean predicted', 'observed'],
    (result?.calibration ?? [])
      .filter((bin) => bin.cases > 0)
      .map((bin) => [
        `${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`,
        bin.cases,
        fixed(bin.meanPredicted, 3),
        fixed(bin.observedRate, 3),
      ]),
    [false, true, true, true],
  );
};

/** The quarter-by-quarter forecast table, whole currency units, and the MAPE line. */
export const forecastTable = (backtest: ForecastBacktest): string => {
  const rows = backtest.rows.map((row) => [
    `${row.from} → ${row.to}`,
    dollars(row.actual),
    dollars(row.model),
    `${dollars(row.low)} – ${dollars(row.high)}`,
    dollars(row.lastPeriod),
    dollars(row.weightedPipeline),
  ]);
  const mape = [
    'MAPE',
    '',
    percent(backtest.mape.model),
    '',
    percent(backtest.mape.lastPeriod),
    percent(backtest.mape.weightedPipeline),
  ];
  return formatTable(
    ['quarter', 'actual', 'model', 'model 80 % interval', 'last quarter', 'weighted pipeline'],
    [...rows, mape],
    [false, true, true, true, true, true],
  );
};

/** Every table of a data set's backtest, as `clientele analyze backtest` prints them. */
export const backtestText = (result: DatasetBacktest): string => {
  const parts = [`Backtest of ${result.dataset} (${String(result.events)} events imported)`];
  const probability = (title: string, backtest: ProbabilityBacktest) => {
    parts.push(
      `\n${title}, time split at ${backtest.cutOffs.join(' and ')}`,
      probabilityTable(backtest),
      `\nCalibration of the model`,
      calibrationTableText(backtest, 'model'),
      `\nShips as the default: ${label(backtest.chosen)}`,
    );
  };
  if (result.winProbability !== undefined)
    probability('Win probability of open deals', result.winProbability);
  if (result.leadConversion !== undefined)
    probability('Lead conversion within 30 days of capture', result.leadConversion);
  if (result.forecast !== undefined)
    parts.push(
      `\nNext-quarter bookings (${result.forecast.currency})`,
      forecastTable(result.forecast),
      `\nActuals inside the model's 80 % interval: ${percent(result.forecast.intervalCoverage) ?? '—'}`,
      `Ships as the default: ${label(result.forecast.chosen === 'model' ? 'forecastModel' : result.forecast.chosen)}`,
    );
  return `${parts.join('\n')}\n`;
};
