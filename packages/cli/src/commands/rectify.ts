import * as E from 'fp-ts/lib/Either.js';
import { ACTOR_HELP, actorOption, commandActor, refuseActor } from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import { createProgressBar } from '../output/progressBar.js';
import { formatTable } from '../output/table.js';
import { openPrivacy, requestContext } from '../store/openPrivacy.js';
import { recordId } from '../commandLine/recordId.js';

const HELP = `Usage: clientele rectify <subjectId> [--name NAME] [--email EMAIL] [--phone PHONE] [--store URL] [--actor ID:ROLE]

Corrects a person's name, email or phone wherever they appear (the GDPR right to rectification),
as new events: the customer that is the person (UpdateCustomerProfile), customers where they are
a contact (CorrectCustomerContact), their leads (CorrectLeadContact), invoices
(CorrectBillingContact) and activities about them (CorrectActivity, the name). History keeps what was held before. Streams it cannot correct are listed
with the reason (a ticket's text records what was said; a customer with several emails needs to
be told which). The request is recorded in DataSubject-<subjectId>. Refused once forgotten.
Exits 1 when an aggregate refused a correction (an invalid email, say), listed in the table.

Needs DataSubject.RecordRectification (administrators by default) and each correction's own
permission.

  --name NAME, --email EMAIL, --phone PHONE   the corrected values (at least one)
  --store URL   the store (default sqlite:./clientele.db)
${ACTOR_HELP}`;

/** `clientele rectify`: the right to rectification, as correcting events. */
export const rectifyCommand: CliCommand = {
  name: 'rectify',
  summary: "correct a person's name, email or phone everywhere, as new events, recorded",
  help: HELP,
  options: {
    store: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    phone: { type: 'string' },
    ...actorOption,
  },
  run: async ({ positionals, values }, io) => {
    const actor = await commandActor('rectify', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const subjectId = positionals[0];
    if (positionals.length !== 1 || subjectId === undefined || subjectId.trim() === '') {
      io.stderr('clientele rectify: name one person: clientele rectify <subjectId> --name NAME\n');
      return ExitCode.usage;
    }
    const text = (option: string) =>
      typeof values[option] === 'string' ? values[option] : undefined;
    const correction = { name: text('name'), email: text('email'), phone: text('phone') };
    if (Object.values(correction).every((value) => value === undefined)) {
      io.stderr('clientele rectify: give at least one of --name, --email, --phone\n');
      return ExitCode.usage;
    }
    const id = recordId(subjectId, 'person');
    if (E.isLeft(id)) {
      io.stderr(`clientele rectify: refused: ${id.left}; nothing was done\n`);
      return ExitCode.usage;
    }
    const opened = await openPrivacy('rectify', values, io);
    if (E.isLeft(opened)) return opened.left;
    const { stack, privacy } = opened.right;
    try {
      const bar = createProgressBar(io, 'looking for their data');
      let read = 0;
      const steps = await privacy.rectifyPerson(
        subjectId,
        Object.fromEntries(Object.entries(correction).filter(([, v]) => v !== undefined)),
        requestContext(actor.right),
        (done) => {
          read = done;
          bar.update({ done, unit: 'events' });
        },
      );
      bar.finish({ done: read, unit: 'events' });
      if (E.isLeft(steps)) {
        const failure = steps.left;
        if (failure.kind === 'Forbidden') return refuseActor('rectify', failure.denial, io);
        io.stderr(`clientele rectify: nothing was corrected: ${JSON.stringify(failure)}\n`);
        return ExitCode.failed;
      }
      io.stdout(
        `${formatTable(
          ['stream', 'correction'],
          steps.right.map((step) => [step.streamName, step.command ?? `skipped: ${step.skipped}`]),
        )}\n`,
      );
      // A skip for a reason is an answer; a correction an aggregate refused is a failure.
      return steps.right.some((step) => step.skipped?.startsWith('refused') === true)
        ? ExitCode.failed
        : ExitCode.ok;
    } finally {
      await stack.close();
    }
  },
};
