import { closeSync, writeFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { createAccessLogRecorder } from '@clientele/domain';
import { ACTOR_HELP, actorOption, commandActor, refuseActor } from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { openPersonalDataFile, personalDataTarget } from '../output/personalDataFile.js';
import { createProgressBar } from '../output/progressBar.js';
import { openPrivacy, requestContext } from '../store/openPrivacy.js';
import { recordId } from '../commandLine/recordId.js';

const HELP = `Usage: clientele access <subjectId> --out FILE [--store URL] [--actor ID:ROLE]

Exports everything held about a person (the GDPR right of access) as JSON to FILE: every event
holding their personal data with its stream, revision, time and author, their own fields
decrypted (or erased, if they were forgotten), other people's fields in the same records withheld,
and any retention hold. The export is recorded in DataSubject-<subjectId>, and as a read in the
access log ("access export"), before it is written.

Needs DataSubject.RecordPersonalDataExport (administrators by default).

  --out FILE    where to write the JSON (required: it holds personal data, so never to a terminal)
  --store URL   the store (default sqlite:./clientele.db)
${ACTOR_HELP}`;

/**
 * The person and the file of a right-of-access request, or the exit code after saying what is
 * wrong. The file is checked here, before the request is recorded: a refused path leaves no
 * record and no file.
 */
const accessRequest = (
  positionals: readonly string[],
  out: string | boolean | undefined,
  io: CliIo,
): E.Either<ExitCode, { readonly subjectId: string; readonly out: string }> => {
  const fail = (message: string, code: ExitCode) => {
    io.stderr(`clientele access: ${message}\n`);
    return E.left(code);
  };
  const [subjectId] = positionals;
  if (positionals.length !== 1 || subjectId === undefined || subjectId.trim() === '')
    return fail('name one person: clientele access <subjectId> --out FILE', ExitCode.usage);
  if (typeof out !== 'string' || out === '') return fail('--out FILE is required', ExitCode.usage);
  const id = recordId(subjectId, 'person');
  if (E.isLeft(id)) return fail(`refused: ${id.left}; nothing was done`, ExitCode.usage);
  const allowed = personalDataTarget(out, io.cwd);
  if (E.isLeft(allowed))
    return fail(`refused: ${allowed.left}; nothing was written or recorded`, ExitCode.failed);
  return E.right({ subjectId, out });
};

/** `clientele access`: the right of access, as a recorded export of one person's data. */
export const accessCommand: CliCommand = {
  name: 'access',
  summary: 'export everything held about one person (right of access), recorded',
  help: HELP,
  options: { store: { type: 'string' }, out: { type: 'string' }, ...actorOption },
  run: async ({ positionals, values }, io) => {
    const actor = await commandActor('access', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const request = accessRequest(positionals, values['out'], io);
    if (E.isLeft(request)) return request.left;
    const { subjectId, out } = request.right;
    const opened = await openPrivacy('access', values, io);
    if (E.isLeft(opened)) return opened.left;
    const { stack, privacy } = opened.right;
    try {
      const bar = createProgressBar(io, 'looking for their data');
      let read = 0;
      const exported = await privacy.exportPersonalData(
        subjectId,
        requestContext(actor.right),
        (done) => {
          read = done;
          bar.update({ done, unit: 'events' });
        },
      );
      bar.finish({ done: read, unit: 'events' });
      if (E.isLeft(exported)) {
        const failure = exported.left;
        if (failure.kind === 'Forbidden') return refuseActor('access', failure.denial, io);
        io.stderr(`clientele access: the export was not recorded: ${JSON.stringify(failure)}\n`);
        return ExitCode.failed;
      }
      // Besides its DataSubject record, the export is a read of the person's data: on record
      // in the access log too, so "who looked at this person?" and the anomaly rules see it.
      const accessLog = createAccessLogRecorder(stack.store);
      accessLog.record({ actor: actor.right, through: 'access export', subjects: [subjectId] });
      await accessLog.flush();
      const target = openPersonalDataFile(out, io.cwd);
      if (E.isLeft(target)) {
        io.stderr(`clientele access: refused: ${target.left}; nothing was written\n`);
        return ExitCode.failed;
      }
      const file = target.right.path;
      try {
        writeFileSync(target.right.fd, `${JSON.stringify(exported.right, null, 2)}\n`);
      } finally {
        closeSync(target.right.fd);
      }
      io.stdout(
        `wrote ${exported.right.records.length} record(s) about ${subjectId} to ${file}${exported.right.forgotten ? ' (forgotten: their fields read as erased)' : ''}\n`,
      );
      return ExitCode.ok;
    } finally {
      await stack.close();
    }
  },
};
