import { readFileSync, writeFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, IntegrityBreak, LogSeal, Signer } from '@clientele/eventstore';
import {
  LogSeal as LogSealCodec,
  exportLogHead,
  formatValidationErrors,
  positionToString,
  verifyLog,
} from '@clientele/eventstore';
import { ACTOR_HELP, actorOption, commandActor } from '../actor/commandLineActor.js';
import { operatorPermitted } from '../actor/operatorPermission.js';
import type { CliCommand, CommandInput } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { checkReadability } from '../integrity/schemaReadability.js';
import { signerFrom } from '../integrity/signingKey.js';
import { openExistingStore, storeUrl } from '../store/openStore.js';

const HELP = `Usage: clientele verify [--store URL] [--head FILE] [--export-head FILE]

Walks the whole log and checks every event's hash-chain link, every seal recorded in it (see
clientele seal), and (with --head) a head exported earlier, which is checked but not counted as a
seal. Reports the first broken link with its stream, revision and position. Then reads every
domain event as this release will, through its upcasters and codecs, and reports the first one
it cannot read (run it after an upgrade, before the app).

  --head FILE         a signed head exported earlier and kept outside the store
  --export-head FILE  after a clean verification, write the signed head of the log as it is now

The signing key is read from CLIENTELE_SIGNING_KEY (64 hex characters, kept outside the store);
without it, seal signatures are not checked and no head can be exported.
Exit codes: 0 the log verifies; 1 a broken link or an unreadable event was found; 2 bad arguments; 3 store unavailable;
4 the actor may not verify: it needs the Log.audit permission (auditors and administrators by
default).
${ACTOR_HELP}`;

const readHead = (file: string): E.Either<string, LogSeal> => {
  const parsed = E.tryCatch(
    () => JSON.parse(readFileSync(file, 'utf8')) as unknown,
    (error) => `cannot read ${file}: ${String(error)}`,
  );
  if (E.isLeft(parsed)) return parsed;
  return E.mapLeft(
    (errors: Parameters<typeof formatValidationErrors>[0]) =>
      `${file} is not an exported head: ${formatValidationErrors(errors).join('; ')}`,
  )(LogSealCodec.decode(parsed.right));
};

/** Prints the first broken link: its anchor, where it is, and why. */
const printBreak = (broken: IntegrityBreak, io: CliIo): void => {
  const where =
    broken.streamName === undefined
      ? ''
      : ` at ${broken.streamName}@${String(broken.streamRevision)} (position ${broken.position === undefined ? '?' : positionToString(broken.position)})`;
  io.stdout(`BROKEN (${broken.anchor})${where}: ${broken.reason}\n`);
};

/**
 * Reads every domain event as this release will and prints what it found (after the chain's own
 * line); false when one cannot be read.
 */
const printReadability = async (store: EventStore, io: CliIo): Promise<boolean> => {
  const readable = await checkReadability(store);
  if (E.isLeft(readable)) {
    const { event, problem } = readable.left;
    io.stdout(
      `UNREADABLE at ${event.streamName}@${event.streamRevision} (position ${positionToString(event.position)}): ${event.type} version ${String(event.metadata.schemaVersion)} does not decode with this release's codecs and upcasters: ${problem}\n`,
    );
    return false;
  }
  const { domainEvents, upcast } = readable.right;
  io.stdout(
    `schemas: ${domainEvents.toLocaleString('en-US')} domain events readable by this release (${upcast.toLocaleString('en-US')} written in an older shape, read through the upcasters)\n`,
  );
  return true;
};

/** What a verification checks against and writes: the signer, a trusted head, the head's file. */
interface VerifyOptions {
  readonly signer: Signer | undefined;
  readonly head: LogSeal | undefined;
  readonly exportTo: string | undefined;
}

const usage = (io: CliIo, message: string): E.Either<ExitCode, never> => {
  io.stderr(`clientele verify: ${message}\n`);
  return E.left(ExitCode.usage);
};

/** The signing key, the head to check against and where to export one, or a usage error. */
const verifyOptions = (
  values: CommandInput['values'],
  io: CliIo,
): E.Either<ExitCode, VerifyOptions> => {
  const signer = signerFrom(io.env);
  if (E.isLeft(signer)) return usage(io, signer.left);
  const head = typeof values['head'] === 'string' ? readHead(values['head']) : E.right(undefined);
  if (E.isLeft(head)) return usage(io, head.left);
  const exportTo = typeof values['export-head'] === 'string' ? values['export-head'] : undefined;
  if (exportTo !== undefined && signer.right === undefined)
    return usage(io, '--export-head needs CLIENTELE_SIGNING_KEY to sign the head');
  return E.right({ signer: signer.right, head: head.right, exportTo });
};

/** Verifies the chain, the seals, the head and the schemas, then exports a head if asked. */
const verifyStore = async (
  store: EventStore,
  { signer, head, exportTo }: VerifyOptions,
  io: CliIo,
): Promise<ExitCode> => {
  const result = await verifyLog(store, { signer, trustedHead: head });
  if (E.isLeft(result)) {
    printBreak(result.left, io);
    return ExitCode.failed;
  }
  const report = result.right;
  io.stdout(
    `OK: ${report.events} events in ${report.streams} streams, ${report.sealsChecked} seal(s) in the log checked${signer === undefined ? ' (signatures not checked: no CLIENTELE_SIGNING_KEY)' : ''}${report.headChecked ? ', and the exported head matched' : ''}\n`,
  );
  if (!(await printReadability(store, io))) return ExitCode.failed;
  if (exportTo !== undefined && signer !== undefined && report.events > 0) {
    writeFileSync(exportTo, `${JSON.stringify(await exportLogHead(store, signer), null, 2)}\n`);
    io.stdout(`signed head written to ${exportTo}: keep it outside this system\n`);
  }
  return ExitCode.ok;
};

/** `clientele verify`: checks the tamper-evident history. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check the hash chain, the seals and an exported head; report the first broken link',
  help: HELP,
  options: {
    store: { type: 'string' },
    head: { type: 'string' },
    'export-head': { type: 'string' },
    ...actorOption,
  },
  run: async ({ values }, io) => {
    const actor = await commandActor('verify', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const location = storeUrl(values['store'], io.env);
    const permitted = await operatorPermitted('verify', actor.right, 'Log.audit', { location, io });
    if (E.isLeft(permitted)) return permitted.left;
    const options = verifyOptions(values, io);
    if (E.isLeft(options)) return options.left;
    const opened = await openExistingStore(location, io.cwd);
    if (E.isLeft(opened)) {
      io.stderr(`clientele verify: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    try {
      return await verifyStore(opened.right.store, options.right, io);
    } finally {
      await opened.right.store.close();
    }
  },
};
