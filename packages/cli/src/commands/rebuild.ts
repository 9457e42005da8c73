import * as E from 'fp-ts/lib/Either.js';
import { allReadModels } from '@clientele/projections';
import { ACTOR_HELP, actorOption, commandActor } from '../actor/commandLineActor.js';
import { operatorPermitted } from '../actor/operatorPermission.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import { createProgressBar } from '../output/progressBar.js';
import { formatTable } from '../output/table.js';
import { openReadSide } from '../store/openReadSide.js';
import { storeUrl } from '../store/openStore.js';

const names = allReadModels.map((projection) => projection.name);

/**
 * Threads a rebuild uses unless told: one. Each thread reads the whole log (of the events its
 * projections want) and loads the code anew, so on this workload two threads cost about twice
 * the CPU of one (docs/performance.md): more threads pay only where cores are idle.
 */
const DEFAULT_THREADS = 1;

const HELP = `Usage: clientele rebuild <projection...|all> [--store URL] [--threads N]

Rebuilds read models from the raw log: each named projection is run from position 0 into a new
build while the current one keeps serving, then the new build replaces it. A progress bar shows
events done, events per second and time left; a summary follows.

On SQLite, --threads N (default 1) splits the projections between N threads, each reading the log
on its own connection; every projection is still folded by one thread, so the documents are those
a single thread writes. It pays only on idle cores. Other engines rebuild on one thread.

Projections: ${names.join(', ')}

Needs the ReadModels.rebuild permission (administrators by default).
${ACTOR_HELP}`;

/** The `--threads` value, or undefined when it is not a whole number from 1 to 64. */
const threadCount = (value: string | boolean | undefined): number | undefined => {
  if (value === undefined) return DEFAULT_THREADS;
  const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(count) && count >= 1 && count <= 64 ? count : undefined;
};

/** `clientele rebuild`: rebuilds projections from position 0, then switches. */
export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  summary: 'rebuild read models from the raw log, with a progress bar, then switch to them',
  help: HELP,
  options: { store: { type: 'string' }, threads: { type: 'string' }, ...actorOption },
  run: async ({ positionals, values }, io) => {
    const actor = await commandActor('rebuild', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const permitted = await operatorPermitted('rebuild', actor.right, 'ReadModels.rebuild', {
      location: storeUrl(values['store'], io.env),
      io,
    });
    if (E.isLeft(permitted)) return permitted.left;
    if (positionals.length === 0) {
      io.stderr(
        `clientele rebuild: name the projections to rebuild, or all (${names.join(', ')})\n`,
      );
      return ExitCode.usage;
    }
    const chosen = positionals.includes('all') ? names : positionals;
    const unknown = chosen.filter((name) => !names.includes(name));
    if (unknown.length > 0) {
      io.stderr(
        `clientele rebuild: no projection named ${unknown.join(', ')}; there are ${names.join(', ')}\n`,
      );
      return ExitCode.usage;
    }
    const threads = threadCount(values['threads']);
    if (threads === undefined) {
      io.stderr(`clientele rebuild: --threads needs a whole number from 1 to 64\n`);
      return ExitCode.usage;
    }
    const bar = createProgressBar(io, 'rebuilding');
    let last = { done: 0, total: 0 };
    const opened = await openReadSide(
      storeUrl(values['store'], io.env),
      io.cwd,
      (progress) => {
        last = { done: progress.eventsDone, total: progress.eventsDone + progress.eventsLeft };
        bar.update({ ...last, unit: 'events' });
      },
      threads,
    );
    if (E.isLeft(opened)) {
      io.stderr(`clientele rebuild: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const readSide = opened.right;
    try {
      const started = performance.now();
      const events = await readSide.runner.rebuild(chosen);
      bar.finish({ done: events, total: events, unit: 'events' });
      const seconds = (performance.now() - started) / 1000;
      const statuses = (await readSide.runner.status()).filter(
        (status) => chosen.includes(status.name) && status.active,
      );
      io.stdout(
        `\nrebuilt ${chosen.length} projection(s) from ${events.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s (${Math.round(events / Math.max(seconds, 1e-3)).toLocaleString('en-US')} events/s)\n\n`,
      );
      io.stdout(
        `${formatTable(
          ['projection', 'build', 'events behind the head'],
          statuses.map((s) => [s.name, s.build, Number(s.lag)]),
        )}\n`,
      );
      return ExitCode.ok;
    } finally {
      await readSide.close();
    }
  },
};
