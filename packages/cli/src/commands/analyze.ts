import type { CliCommand } from '../command.js';
import type { BacktestDataset } from '../analyze/backtestDataset.js';
import { BACKTEST_DATASETS, backtestDataset } from '../analyze/backtestDataset.js';
import { backtestText } from '../analyze/backtestTables.js';
import { ExitCode } from '../exitCodes.js';

const DEFAULT_FOLDERS: Record<BacktestDataset, string> = {
  maven: 'maven-crm-sales-opportunities',
  olist: 'olist-marketing-funnel',
};

const HELP = `Usage: clientele analyze backtest --dataset maven|olist [--data DIR] [--json]

Imports a public data set into a fresh in-memory log and backtests the analytical models on it
with a time split: each model learns from the log up to a cut-off and is scored on what happened
after it, beside its baselines (see docs/analytics.md). Prints the metrics tables, the model's
calibration table and which scorer ships as the default.

  --dataset NAME  maven (win probability, quarterly bookings forecast) or olist (lead conversion)
  --data DIR      the data set's folder; defaults to $CLIENTELE_DATASETS/<folder> or
                  ../shared/datasets/<folder> (maven-crm-sales-opportunities, olist-marketing-funnel)
  --json          print the full results as JSON instead of tables

Exit codes: 0 the backtest ran; 1 the data could not be imported; 2 bad arguments.`;

const isDataset = (value: unknown): value is BacktestDataset =>
  typeof value === 'string' && (BACKTEST_DATASETS as readonly string[]).includes(value);

/** `clientele analyze backtest`: reproduces the backtest tables of docs/analytics.md. */
export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary:
    'backtest the analytical models on a public data set (analyze backtest --dataset maven|olist)',
  help: HELP,
  options: {
    dataset: { type: 'string' },
    data: { type: 'string' },
    json: { type: 'boolean' },
  },
  run: async ({ positionals, values }, io) => {
    if (positionals[0] !== 'backtest' || positionals.length !== 1) {
      io.stderr(
        'clientele analyze: expected the subcommand backtest (clientele analyze backtest --dataset maven)\n',
      );
      return ExitCode.usage;
    }
    const dataset = values['dataset'];
    if (!isDataset(dataset)) {
      io.stderr(
        `clientele analyze backtest: --dataset must be one of ${BACKTEST_DATASETS.join(', ')}\n`,
      );
      return ExitCode.usage;
    }
    const root = io.env['CLIENTELE_DATASETS'] ?? '../shared/datasets';
    const data = values['data'];
    const dir = typeof data === 'string' ? data : `${root}/${DEFAULT_FOLDERS[dataset]}`;
    const result = await backtestDataset(dataset, dir);
    if (result._tag === 'Left') {
      io.stderr(`clientele analyze backtest: ${result.left}\n`);
      return ExitCode.failed;
    }
    io.stdout(
      values['json'] === true
        ? `${JSON.stringify(result.right, null, 2)}\n`
        : backtestText(result.right),
    );
    return ExitCode.ok;
  },
};
