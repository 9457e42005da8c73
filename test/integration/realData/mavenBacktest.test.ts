import { readFileSync } from 'node:fs';
import type { DatasetBacktest } from '../../../packages/cli/src/analyze/index.js';
import { backtestDataset, backtestText } from '../../../packages/cli/src/analyze/index.js';
import { beats } from '@clientele/projections';
import { beforeAll, expect, it } from 'vitest';
import { datasetUrl, datasetsUnavailable } from '../../support/datasets.js';
import { describeWhenAvailable } from '../../support/requireService.js';

const DIR = datasetUrl('maven-crm-sales-opportunities/');
const DOC = new URL('../../../docs/analytics.md', import.meta.url);

let result: DatasetBacktest;

beforeAll(async () => {
  if (datasetsUnavailable() !== undefined) return;
  const run = await backtestDataset('maven', DIR.pathname);
  if (run._tag === 'Left') throw new Error(run.left);
  result = run.right;
}, 60_000);

describeWhenAvailable(
  'Maven backtests (time split over the imported log)',
  datasetsUnavailable(),
  () => {
    it('ships the forecast model only while it beats both naive baselines on MAPE', () => {
      const forecast = result.forecast!;
      expect(forecast.chosen).toBe('model');
      expect(forecast.mape.model!).toBeLessThan(forecast.mape.lastPeriod!);
      expect(forecast.mape.model!).toBeLessThan(forecast.mape.weightedPipeline!);
    });

    it('ships the stage default for win probability, as docs/analytics.md says, because the model does not beat it', () => {
      const win = result.winProbability!;
      const [model, ...baselines] = win.results;
      expect(win.chosen).toBe('stageDefault');
      expect(baselines.some((baseline) => !beats(model!, baseline))).toBe(true);
      // A constant baseline ranks nothing: its AUC is exactly one half.
      expect(win.results.find((r) => r.scorer === 'stageDefault')!.auc).toBe(0.5);
    });

    it('scores the deals open at each cut-off that the data later closes: 1,905 of them', () => {
      expect(result.winProbability!.results.map((r) => r.cases)).toEqual([1_905, 1_905, 1_905]);
      // The quarterly actuals are the won revenue by close quarter that maven.test.ts checks
      // against SQL over the CSVs.
      expect(result.forecast!.rows.map((row) => row.actual / 100)).toEqual([
        3_086_111, 2_982_255, 2_802_496,
      ]);
    });

    it('prints exactly the tables docs/analytics.md shows', () => {
      expect(readFileSync(DOC, 'utf8')).toContain(backtestText(result));
    });
  },
);
