import * as E from 'fp-ts/lib/Either.js';
import { migrate } from '@clientele/eventstore';
import { ACTOR_HELP, actorOption, commandActor } from '../actor/commandLineActor.js';
import { operatorPermitted } from '../actor/operatorPermission.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import { createProgressBar } from '../output/progressBar.js';
import { openExistingStore, openStore } from '../store/openStore.js';

const HELP = `Usage: clientele migrate --from URL --to URL

Copies every event from one store to another, in global order, keeping stream names, revisions,
event ids, types, data and metadata (positions and recorded times are the target engine's own),
then checks that both logs hold the same number of events with the same content hash.
Interrupted? Run the same command again: it continues after the target's last event.

  --from URL   the source store, e.g. sqlite:./clientele.db
  --to URL     the target store, e.g. postgres://postgres@127.0.0.1/crm?schema=clientele
${ACTOR_HELP}

Exit codes: 0 copied and verified; 1 the target diverged or verification failed; 2 bad arguments;
3 a store could not be opened; 4 the actor may not migrate. It copies every event, customer data
included, so it needs the Log.migrate permission (administrators by default).`;

/** `clientele migrate`: move a whole log between engines, resumably, with a verified hash. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'copy every event to another store (another engine), resumably, and verify the copy',
  help: HELP,
  options: { from: { type: 'string' }, to: { type: 'string' }, ...actorOption },
  run: async ({ values }, io) => {
    const actor = await commandActor('migrate', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const from = values['from'];
    const to = values['to'];
    if (typeof from !== 'string' || typeof to !== 'string') {
      io.stderr('clientele migrate: give both --from URL and --to URL\n');
      return ExitCode.usage;
    }
    if (from === to) {
      io.stderr('clientele migrate: --from and --to are the same store\n');
      return ExitCode.usage;
    }
    // The source's tenant policy decides: it is the log whose every event is copied.
    const permitted = await operatorPermitted('migrate', actor.right, 'Log.migrate', {
      location: from,
      io,
    });
    if (E.isLeft(permitted)) return permitted.left;
    const source = await openExistingStore(from, io.cwd);
    if (E.isLeft(source)) {
      io.stderr(`clientele migrate: --from: ${source.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const target = await openStore(to, io.cwd);
    if (E.isLeft(target)) {
      await source.right.store.close();
      io.stderr(`clientele migrate: --to: ${target.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const bar = createProgressBar(io, 'migrating');
    try {
      const result = await migrate(source.right.store, target.right.store, {
        onProgress: (progress) => {
          bar.update({ done: progress.copied + progress.alreadyPresent, unit: 'events' });
        },
      });
      if (E.isLeft(result)) {
        io.stdout(`FAILED (${result.left.kind}): ${result.left.message}\n`);
        return ExitCode.failed;
      }
      const report = result.right;
      bar.finish({ done: report.eventCount, total: report.eventCount, unit: 'events' });
      io.stdout(
        `migrated ${report.eventCount.toLocaleString('en-US')} events (${report.copied.toLocaleString('en-US')} copied now, ${report.alreadyPresent.toLocaleString('en-US')} already there); content hash ${report.contentHash} on both sides\n`,
      );
      return ExitCode.ok;
    } finally {
      await Promise.all([source.right.store.close(), target.right.store.close()]);
    }
  },
};
