import * as E from 'fp-ts/lib/Either.js';
import { sealLog, withHashChain } from '@clientele/eventstore';
import { ACTOR_HELP, actorOption, commandActor } from '../actor/commandLineActor.js';
import { operatorPermitted } from '../actor/operatorPermission.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import { signerFrom } from '../integrity/signingKey.js';
import { openStore, storeUrl } from '../store/openStore.js';

const HELP = `Usage: clientele seal [--store URL] [--actor ID:ROLE]

Records a seal: a signed statement "up to this position the log held N events whose running hash
is H", kept in the Seal-log stream and continuing from the last seal. clientele verify checks every
seal; anyone who later rewrites, inserts or deletes history before a seal is caught. Seal after
each import or close of a period, or run the library's sealing process (runLogSealer).

The signing key is read from CLIENTELE_SIGNING_KEY (64 hex characters, kept outside the store) and
its id from CLIENTELE_SIGNING_KEY_ID (default "default"); without a key nothing is sealed.
Exit codes: 0 sealed; 1 nothing to seal or the log cannot be sealed; 2 bad arguments or no key;
3 store unavailable; 4 the actor may not seal: it needs the Log.audit permission.
${ACTOR_HELP}`;

/** `clientele seal`: records a signed seal over the log as it is now. */
export const sealCommand: CliCommand = {
  name: 'seal',
  summary: 'record a signed seal over the whole log, which clientele verify checks later',
  help: HELP,
  options: { store: { type: 'string' }, ...actorOption },
  run: async ({ values }, io) => {
    const actor = await commandActor('seal', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const permitted = await operatorPermitted('seal', actor.right, 'Log.audit', {
      location: storeUrl(values['store'], io.env),
      io,
    });
    if (E.isLeft(permitted)) return permitted.left;
    const signer = signerFrom(io.env);
    if (E.isLeft(signer) || signer.right === undefined) {
      io.stderr(
        `clientele seal: ${E.isLeft(signer) ? signer.left : 'set CLIENTELE_SIGNING_KEY (64 hex characters) to sign the seal'}\n`,
      );
      return ExitCode.usage;
    }
    const opened = await openStore(storeUrl(values['store'], io.env), io.cwd);
    if (E.isLeft(opened)) {
      io.stderr(`clientele seal: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    // The seal event is chained like any other, so the next seal and verify cover it too.
    const store = withHashChain(opened.right.store);
    try {
      const seal = await sealLog(store, signer.right, () => new Date(), actor.right);
      io.stdout(
        `sealed: ${BigInt(seal.count).toLocaleString('en-US')} events up to position ${seal.position}, log hash ${seal.logHash.slice(0, 16)}…, key ${seal.keyId}\n`,
      );
      return ExitCode.ok;
    } catch (error) {
      // An empty log, an event without a chain value, or a sealer racing this one.
      io.stderr(`clientele seal: ${error instanceof Error ? error.message : String(error)}\n`);
      return ExitCode.failed;
    } finally {
      await store.close();
    }
  },
};
