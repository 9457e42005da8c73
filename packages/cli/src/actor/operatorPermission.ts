import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '@clientele/eventstore';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { isMissingSqliteFile, openStore } from '../store/openStore.js';
import { tenantAccessRules } from '../store/tenantAccessRules.js';
import { commandPermitted } from './commandLineActor.js';

/** Where an operator command acts: the store whose tenant policy decides, and the command's io. */
export interface OperatorTarget {
  /** The store location (`sqlite:…`, `postgres://…`); for `migrate`, the source. */
  readonly location: string;
  readonly io: CliIo;
}

/**
 * Whether `actor` may run an operator command (`ReadModels.rebuild`, `Data.import`,
 * `Log.migrate`, `Log.audit`) under the tenant's policy as the store's log holds it now
 * (`CLIENTELE_TENANT`): the built-in defaults with the tenant's `RoleDefined`,
 * `PermissionGranted` and `PermissionRevoked` applied, and a departed rep refused. A SQLite file
 * that does not exist yet has no tenant changes, so the defaults decide (and nothing is created).
 * A refusal is printed naming the permission, with {@link ExitCode.forbidden}.
 */
export const operatorPermitted = async (
  commandName: string,
  actor: Actor,
  permission: string,
  { location, io }: OperatorTarget,
): Promise<E.Either<ExitCode, void>> => {
  if (isMissingSqliteFile(location, io.cwd))
    return commandPermitted({ commandName, actor, permission }, io);
  const opened = await openStore(location, io.cwd);
  if (E.isLeft(opened)) {
    io.stderr(`clientele ${commandName}: ${opened.left}\n`);
    return E.left(ExitCode.storeUnavailable);
  }
  try {
    const rules = await tenantAccessRules(opened.right.store, io.env);
    return commandPermitted({ commandName, actor, permission, rules }, io);
  } finally {
    await opened.right.store.close();
  }
};
