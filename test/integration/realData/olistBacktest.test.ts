import { readFileSync } from 'node:fs';
import type { DatasetBacktest } from '../../../packages/cli/src/analyze/index.js';
import { backtestDataset, backtestText } from '../../../packages/cli/src/analyze/index.js';
import { beats } from '@clientele/projections';
import { beforeAll, expect, it } from 'vitest';
import { datasetUrl, datasetsUnavailable } from '../../support/datasets.js';
import { describeWhenAvailable } from '../../support/requireService.js';

const DIR = datasetUrl('olist-marketing-funnel/');
const DOC = new URL('../../../docs/analytics.md', import.meta.url);

let result: DatasetBacktest;

beforeAll(async () => {
  if (datasetsUnavailable() !== undefined) return;
  const run = await backtestDataset('olist', DIR.pathname);
  if (run._tag === 'Left') throw new Error(run.left);
  result = run.right;
}, 60_000);

describeWhenAvailable(
  'Olist backtest (time split over the imported log)',
  datasetsUnavailable(),
  () => {
    it("ships the source's conversion rate, as docs/analytics.md says, because the model does not beat it", () => {
      const conversion = result.leadConversion!;
      const [model, baseline] = conversion.results;
      expect(conversion.chosen).toBe('sourceRate');
      expect(beats(model!, baseline!)).toBe(false);
    });

    it('scores the leads captured in the 30 days after each cut-off: 2,629 of them', () => {
      expect(result.leadConversion!.results.map((r) => r.cases)).toEqual([2_629, 2_629]);
    });

    it('ranks leads better than chance with the source alone', () => {
      expect(result.leadConversion!.results[1]!.auc!).toBeGreaterThan(0.6);
    });

    it('prints exactly the tables docs/analytics.md shows', () => {
      expect(readFileSync(DOC, 'utf8')).toContain(backtestText(result));
    });
  },
);
