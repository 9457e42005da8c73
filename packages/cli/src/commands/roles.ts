import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '@clientele/eventstore';
import {
  ACTOR_HELP,
  actorOption,
  commandActor,
  commandPermitted,
} from '../actor/commandLineActor.js';
import type { CliCommand, CommandInput } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { formatTable } from '../output/table.js';
import { changeRole, roleChangeOf } from '../roles/changeRole.js';
import type { ListedRole } from '../roles/roleListing.js';
import { listRoles } from '../roles/roleListing.js';
import { openExistingStore, storeUrl } from '../store/openStore.js';
import { openProtectedStore } from '../store/protectedStore.js';
import { tenantFrom } from '../store/tenant.js';
import type { TenantAccessRules } from '../store/tenantAccessRules.js';
import { tenantAccessRules } from '../store/tenantAccessRules.js';

const HELP = `Usage: clientele roles list [--format table|json] [--store URL] [--actor ID:ROLE]
       clientele roles define ROLE --description TEXT [--store URL] [--actor ID:ROLE]
       clientele roles grant ROLE PERMISSION [--scope any|team|own] [--store URL] [--actor ID:ROLE]
       clientele roles revoke ROLE PERMISSION [--store URL] [--actor ID:ROLE]

The tenant's roles (CLIENTELE_TENANT, default "default"), kept as events in its own log
(AccessPolicy-<tenant>) over the built-in defaults: define a role of the tenant's own, grant a
role a permission with a scope (replacing the scope it had for it), take one away. Every later
command and read, of any user, is checked against the policy as it is then.

  list      every role with its permissions, and who changed it last and when (needs
            AccessPolicy.read: administrators and auditors by default)
  define    a new role, holding nothing until granted (needs AccessPolicy.DefineRole)
  grant     a permission to a role, built-in or defined (needs AccessPolicy.GrantPermission)
  revoke    a permission from a role (needs AccessPolicy.RevokePermission); the administrator's
            * cannot be revoked, so the tenant cannot lock itself out

  ROLE           lower-case letters, digits and _ (system is reserved)
  PERMISSION     Aggregate.action, Aggregate.*, *.read or *, e.g. ReadModels.rebuild, Lead.*
  --scope S      any (default), team or own: whose records the permission reaches
  --description  what the role is for
  --format       table (default) or json
  --store URL    the store (default sqlite:./clientele.db)

Exit codes: 0 done; 1 refused by a rule of the roles (nothing written); 2 bad arguments; 3 store
unavailable; 4 the actor may not change or list roles (the refusal names the permission).
${ACTOR_HELP}`;

const scopeText = (role: ListedRole): string =>
  role.grants.map((grant) => `${grant.permission} (${grant.scope})`).join(', ');

/** Prints the tenant's roles as a table or as JSON. */
const printRoles = (roles: readonly ListedRole[], format: string, io: CliIo): void => {
  if (format === 'json') {
    io.stdout(`${JSON.stringify(roles, null, 2)}\n`);
    return;
  }
  io.stdout(
    `${formatTable(
      ['role', 'origin', 'permissions', 'changed by', 'changed at'],
      roles.map((role) => [
        role.role,
        role.origin,
        scopeText(role) === '' ? null : scopeText(role),
        role.lastChange === undefined
          ? null
          : `${role.lastChange.actorId} (${role.lastChange.actorRole})`,
        role.lastChange?.at ?? null,
      ]),
    )}\n`,
  );
};

/** Runs `list`, or a change, on the opened store as `actor`. */
const rolesOn = async (
  store: Parameters<typeof tenantAccessRules>[0],
  input: Pick<CommandInput, 'positionals' | 'values'>,
  { actor, rules }: { readonly actor: Actor; readonly rules: TenantAccessRules },
  io: CliIo,
): Promise<ExitCode> => {
  const { tenantId } = tenantFrom(io.env);
  if (input.positionals[0] === 'list') {
    const permitted = commandPermitted(
      { commandName: 'roles', actor, permission: 'AccessPolicy.read', rules },
      io,
    );
    if (E.isLeft(permitted)) return permitted.left;
    printRoles(
      await listRoles(store, tenantId),
      input.values['format'] === 'json' ? 'json' : 'table',
      io,
    );
    return ExitCode.ok;
  }
  const change = roleChangeOf(input, tenantId);
  if (E.isLeft(change)) {
    io.stderr(`clientele roles: ${change.left}\nRun "clientele roles --help" for the options.\n`);
    return ExitCode.usage;
  }
  return changeRole(store, change.right, { actor, rules }, io);
};

/** `clientele roles`: list, define, grant and revoke the tenant's roles. */
export const rolesCommand: CliCommand = {
  name: 'roles',
  summary: 'list the tenant’s roles, define one, grant or revoke a permission (as events)',
  help: HELP,
  options: {
    store: { type: 'string' },
    description: { type: 'string' },
    scope: { type: 'string' },
    format: { type: 'string' },
    ...actorOption,
  },
  run: async (input, io) => {
    const actor = await commandActor('roles', input, io);
    if (E.isLeft(actor)) return actor.left;
    const format = input.values['format'] ?? 'table';
    if (format !== 'table' && format !== 'json') {
      io.stderr('clientele roles: --format takes table or json\n');
      return ExitCode.usage;
    }
    const opened = await openProtectedStore(
      openExistingStore(storeUrl(input.values['store'], io.env), io.cwd),
    );
    if (E.isLeft(opened)) {
      io.stderr(`clientele roles: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const { stack } = opened.right;
    try {
      const rules = await tenantAccessRules(stack.store, io.env);
      return await rolesOn(stack.store, input, { actor: actor.right, rules }, io);
    } finally {
      await stack.close();
    }
  },
};
