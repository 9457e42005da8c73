import * as E from 'fp-ts/lib/Either.js';
import {
  ACTOR_HELP,
  actorOption,
  commandActor,
  commandPermitted,
} from '../actor/commandLineActor.js';
import type { CliCommand, CommandInput } from '../command.js';
import type { CliIo } from '../io.js';
import { trainAndRecordWinModel, trainWinModelIfDue } from '../analyze/trainWinModel.js';
import { openReadSide } from '../store/openReadSide.js';
import { storeUrl } from '../store/openStore.js';
import type { BacktestDataset } from '../analyze/backtestDataset.js';
import { BACKTEST_DATASETS, backtestDataset } from '../analyze/backtestDataset.js';
import { backtestText } from '../analyze/backtestTables.js';
import { ExitCode } from '../exitCodes.js';

const DEFAULT_FOLDERS: Record<BacktestDataset, string> = {
  maven: 'maven-crm-sales-opportunities',
  olist: 'olist-marketing-funnel',
};

const HELP = `Usage: clientele analyze backtest --dataset maven|olist [--data DIR] [--json]
       clientele analyze train [--store URL] [--as-of DAY] [--every DAYS]

Imports a public data set into a fresh in-memory log and backtests the analytical models on it
with a time split: each model learns from the log up to a cut-off and is scored on what happened
after it, beside its baselines (see docs/analytics.md). Prints the metrics tables, the model's
calibration table and which scorer ships as the default.

  --dataset NAME  maven (win probability, quarterly bookings forecast) or olist (lead conversion)
  --data DIR      the data set's folder; defaults to $CLIENTELE_DATASETS/<folder> or
                  ../shared/datasets/<folder> (maven-crm-sales-opportunities, olist-marketing-funnel)
  --json          print the full results as JSON instead of tables

train: trains the win model on the store's log up to --as-of (default: the latest day in the
data), checks it against its baselines on the deals closed in the 90 days before, and records it
as the model's next version (a ModelTrained event, happening at the end of that day). From then
on, clientele report scores uses the recorded model in force on its report date. Needs the
AnalyticsModel.RecordModelTraining permission (administrators).

With --every, train runs the retraining schedule instead: it trains only when the last recorded
training's cut-off is DAYS or more before today (or --as-of), up to the last scheduled day that
came, and otherwise records nothing, so running it daily from cron retrains every DAYS days and
running it twice records nothing twice.

  --store URL     the store (default sqlite:./clientele.db)
  --as-of DAY     the training's cut-off, YYYY-MM-DD (with --every: the day the schedule is run on)
  --every DAYS    retrain on a schedule, every DAYS days (a whole number, 1 or more)
${ACTOR_HELP}

Exit codes: 0 done; 1 the data could not be imported or the training not recorded; 2 bad
arguments; 3 store unavailable; 4 not allowed.`;

const isDataset = (value: unknown): value is BacktestDataset =>
  typeof value === 'string' && (BACKTEST_DATASETS as readonly string[]).includes(value);

/** The `--every` option: undefined when absent, else a whole number of days, 1 or more. */
const everyDays = (value: unknown): number | undefined | 'invalid' => {
  if (value === undefined) return undefined;
  const days = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : 0;
  return days >= 1 ? days : 'invalid';
};

/** `clientele analyze train`: trains the win model and records the training in the log. */
const train = async ({ values }: CommandInput, io: CliIo): Promise<ExitCode> => {
  const actor = await commandActor('analyze', { values }, io);
  if (E.isLeft(actor)) return actor.left;
  const permitted = commandPermitted(
    {
      commandName: 'analyze',
      actor: actor.right,
      permission: 'AnalyticsModel.RecordModelTraining',
    },
    io,
  );
  if (E.isLeft(permitted)) return permitted.left;
  const day = values['as-of'];
  if (day !== undefined && (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day))) {
    io.stderr(
      `clientele analyze train: --as-of takes a calendar day, YYYY-MM-DD (got ${String(day)})\n`,
    );
    return ExitCode.usage;
  }
  const every = everyDays(values['every']);
  if (every === 'invalid') {
    io.stderr(
      `clientele analyze train: --every takes a whole number of days, 1 or more (got ${String(values['every'])})\n`,
    );
    return ExitCode.usage;
  }
  const opened = await openReadSide(storeUrl(values['store'], io.env), io.cwd);
  if (E.isLeft(opened)) {
    io.stderr(`clientele analyze train: ${opened.left}\n`);
    return ExitCode.storeUnavailable;
  }
  try {
    const recorded =
      every === undefined
        ? await trainAndRecordWinModel(opened.right, actor.right, day)
        : await trainWinModelIfDue(opened.right, actor.right, { everyDays: every, day });
    if (E.isLeft(recorded)) {
      io.stderr(`clientele analyze train: ${recorded.left}\n`);
      return ExitCode.failed;
    }
    const r = recorded.right;
    if (r === null) {
      io.stdout(`No training due: the last one is less than ${String(every)} days old\n`);
      return ExitCode.ok;
    }
    io.stdout(
      `Recorded ${r.modelId} version ${String(r.version)}: trained up to ${r.trainedUpTo} on ${String(r.trainingCases)} cases; shows ${r.shown} (its own check's choice)\n`,
    );
    return ExitCode.ok;
  } finally {
    await opened.right.close();
  }
};

/** `clientele analyze`: backtests on the public data sets, and on-demand training of the win model. */
export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary:
    'backtest the analytical models on a public data set (analyze backtest --dataset maven|olist)',
  help: HELP,
  options: {
    dataset: { type: 'string' },
    data: { type: 'string' },
    json: { type: 'boolean' },
    store: { type: 'string' },
    'as-of': { type: 'string' },
    every: { type: 'string' },
    ...actorOption,
  },
  run: async ({ positionals, values }, io) => {
    if (positionals.length === 1 && positionals[0] === 'train')
      return train({ positionals, values }, io);
    if (positionals[0] !== 'backtest' || positionals.length !== 1) {
      io.stderr(
        'clientele analyze: expected the subcommand backtest or train (clientele analyze backtest --dataset maven)\n',
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
