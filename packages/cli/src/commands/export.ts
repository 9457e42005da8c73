import { closeSync, rmSync, writeSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import { exportCustomers } from '@clientele/projections';
import { ACTOR_HELP, actorOption, commandActor, refuseActor } from '../actor/commandLineActor.js';
import type { CliCommand, CommandInput } from '../command.js';
import type { CliIo } from '../io.js';
import { ExitCode } from '../exitCodes.js';
import { caughtUpReadAccess } from '../store/caughtUpReadAccess.js';
import { openReadSide } from '../store/openReadSide.js';
import { storeUrl } from '../store/openStore.js';
import { openPersonalDataFile } from '../output/personalDataFile.js';
import { tenantAccessRules } from '../store/tenantAccessRules.js';

const HELP = `Usage: clientele export customers --out FILE [--format csv|json] [--store URL] [--actor ID:ROLE]

Writes the customers the actor may export to FILE: id, kind, status, name, emails, phones,
industry, region, source, segment, tags and owner. A bulk export is itself a command: before the
file is written, a CustomersExported event records who exported, the scope (own, team or any),
how many customers, which ones, the format and the SHA-256 of the file, so every export shows
in the history (clientele audit exports, and each exported customer's audit timeline).

Exporting needs the Customer.export permission, granted by name (editing customers does not
include it): a manager exports their team's customers, an administrator everyone's; a rep is
refused, even for their own customers (exit 4, nothing is written or recorded).

  --out FILE            where to write the export (required)
  --format csv|json     csv (default) or json
  --store URL           the store (default sqlite:./clientele.db)
${ACTOR_HELP}`;

const FORMATS = ['csv', 'json'] as const;

/**
 * The export's format and file from the command line, or, having said what is wrong, the usage
 * exit code.
 */
const exportRequest = (
  { positionals, values }: CommandInput,
  io: CliIo,
): E.Either<ExitCode, { readonly format: (typeof FORMATS)[number]; readonly out: string }> => {
  const usage = (message: string) => {
    io.stderr(`clientele export: ${message}\nRun "clientele export --help" for the options.\n`);
    return E.left(ExitCode.usage);
  };
  if (positionals.length !== 1 || positionals[0] !== 'customers')
    return usage('say what to export: clientele export customers --out FILE');
  const format = FORMATS.find((f) => f === (values['format'] ?? 'csv'));
  if (format === undefined) return usage('--format must be csv or json');
  const out = values['out'];
  if (typeof out !== 'string' || out === '') return usage('--out FILE is required');
  return E.right({ format, out });
};

/** `clientele export customers`: a recorded, role-limited bulk export of customer data. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export customers to CSV or JSON, as a recorded command limited by role',
  help: HELP,
  options: {
    store: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    ...actorOption,
  },
  run: async ({ positionals, values }, io) => {
    const actor = await commandActor('export', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const request = exportRequest({ positionals, values }, io);
    if (E.isLeft(request)) return request.left;
    const { format, out } = request.right;
    const opened = await openReadSide(storeUrl(values['store'], io.env), io.cwd);
    if (E.isLeft(opened)) {
      io.stderr(`clientele export: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const readSide = opened.right;
    let file: number | undefined;
    try {
      await readSide.runner.catchUp();
      const now = new Date().toISOString();
      const access = await caughtUpReadAccess(
        readSide.readModels,
        actor.right,
        now.slice(0, 10),
        await tenantAccessRules(readSide.events, io.env),
      );
      const scope = access.scope('Customer.export');
      if (E.isLeft(scope)) return refuseActor('export', scope.left, io);
      // The file is opened before the export is recorded, so a path that cannot be written fails
      // here, and nothing is recorded that was never handed out.
      const opened = openPersonalDataFile(out, io.cwd);
      if (E.isLeft(opened)) {
        io.stderr(`clientele export: refused: ${opened.left}; nothing was written or recorded\n`);
        return ExitCode.failed;
      }
      file = opened.right.fd;
      const path = opened.right.path;
      const exportId = uuidv7();
      const exported = await exportCustomers({
        events: readSide.events,
        readModels: readSide.readModels,
        access,
        exportId,
        format,
        context: { commandId: uuidv7(), occurredAt: now },
      });
      if (E.isLeft(exported)) {
        closeSync(file);
        file = undefined;
        rmSync(path, { force: true });
        const failure = exported.left;
        if (failure.kind === 'Forbidden') return refuseActor('export', failure.denial, io);
        io.stderr(`clientele export: the export was not recorded: ${JSON.stringify(failure)}\n`);
        return ExitCode.failed;
      }
      writeSync(file, exported.right.content);
      const { count, scope: reach, contentSha256 } = exported.right.recorded;
      io.stdout(
        `exported ${count} customer${count === 1 ? '' : 's'} (${reach} scope, ${format}) to ${out}\nrecorded as export ${exportId} by ${actor.right.id} (${actor.right.role}), sha-256 ${contentSha256}\n`,
      );
      return ExitCode.ok;
    } finally {
      if (file !== undefined) closeSync(file);
      await readSide.close();
    }
  },
};
