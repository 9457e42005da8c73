import * as E from 'fp-ts/lib/Either.js';
import { ACTOR_HELP, actorOption, commandActor, refuseActor } from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import { createProgressBar } from '../output/progressBar.js';
import { openPrivacy, requestContext } from '../store/openPrivacy.js';
import { recordId } from '../commandLine/recordId.js';

const HELP = `Usage: clientele forget <subjectId> [--store URL] [--actor ID:ROLE]

Forgets a person (GDPR erasure by crypto-shredding): erases the customers that are the person and
releases their duplicate-check keys, destroys the person's data key so every copy of their
personal fields reads as erased, drops snapshots that held them, records PersonForgotten in
DataSubject-<subjectId>, then runs the engine's purge (SQLite: secure_delete, WAL checkpoint and
truncate, VACUUM; PostgreSQL: VACUUM FULL of the key and snapshot tables). Invoices keep their
billing contact until the retention hold printed here ends (10 years after the latest invoice by
default). Running it again does nothing more.

Needs DataSubject.ForgetPerson (administrators by default) and, for a person who is a customer,
Customer.EraseCustomerPersonalData. Set CLIENTELE_TENANT and CLIENTELE_TENANT_KEY to the duplicate-check secret your
app uses (as for import), so the released keys are the ones it claimed.

  --store URL   the store (default sqlite:./clientele.db)
${ACTOR_HELP}`;

/** `clientele forget`: erases a person by destroying their key, recorded and purged. */
export const forgetCommand: CliCommand = {
  name: 'forget',
  summary: 'forget a person: destroy their key, release their keys, record it, purge the files',
  help: HELP,
  options: { store: { type: 'string' }, ...actorOption },
  run: async ({ positionals, values }, io) => {
    const actor = await commandActor('forget', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const id =
      positionals.length === 1
        ? recordId(positionals[0], 'person')
        : E.left('name one person: clientele forget <subjectId>');
    if (E.isLeft(id)) {
      io.stderr(`clientele forget: refused: ${id.left}; nothing was done\n`);
      return ExitCode.usage;
    }
    const subjectId = id.right;
    const opened = await openPrivacy('forget', values, io);
    if (E.isLeft(opened)) return opened.left;
    const { stack, privacy } = opened.right;
    try {
      const bar = createProgressBar(io, 'looking for their data');
      let read = 0;
      const outcome = await privacy.forgetPerson(subjectId, requestContext(actor.right), (done) => {
        read = done;
        bar.update({ done, unit: 'events' });
      });
      bar.finish({ done: read, unit: 'events' });
      if (E.isLeft(outcome)) {
        const failure = outcome.left;
        if (failure.kind === 'Forbidden') return refuseActor('forget', failure.denial, io);
        io.stderr(`clientele forget: nothing was destroyed: ${JSON.stringify(failure)}\n`);
        return ExitCode.failed;
      }
      const forgotten = outcome.right;
      io.stdout(
        forgotten.alreadyForgotten
          ? `${subjectId} was forgotten before; purging again\n`
          : `forgot ${subjectId}: their data was in ${forgotten.streams.length} stream(s); customers erased: ${forgotten.customersErased.join(', ') || 'none'}; snapshots dropped for ${forgotten.streams.length} stream(s)\n`,
      );
      for (const hold of forgotten.retentionHolds) {
        io.stdout(
          `kept until ${hold.until} (${hold.reason}): the ${hold.retentionClass} fields of ${hold.streams.join(', ')}\n`,
        );
      }
      const purged = await stack.purge();
      if (E.isLeft(purged)) {
        io.stderr(
          `clientele forget: recorded, but ${purged.left}; run clientele forget ${subjectId} again when the store is idle\n`,
        );
        return ExitCode.failed;
      }
      io.stdout(`purged: ${purged.right}\n`);
      return ExitCode.ok;
    } finally {
      await stack.close();
    }
  },
};
