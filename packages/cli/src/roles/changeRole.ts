import * as E from 'fp-ts/lib/Either.js';
import type { Actor, EventStore } from '@clientele/eventstore';
import type { AccessPolicyError } from '@clientele/domain';
import {
  accessPolicyAuthorizer,
  createAccessPolicyService,
  withDepartures,
  noTeams,
} from '@clientele/domain';
import type { CommandInput } from '../command.js';
import { commandContext, reportRefusal } from '../engagement/openEngagement.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import type { TenantAccessRules } from '../store/tenantAccessRules.js';
import { today } from '../store/tenantAccessRules.js';

/** A change as the command line gives it: decoded (and its values checked) by the entry point. */
export type RoleChange = Readonly<Record<string, unknown>> & { readonly kind: string };

type Values = CommandInput['values'];

/** How each action reads its arguments: the command it makes, or undefined when they do not fit. */
const ACTIONS: Readonly<
  Record<
    string,
    (role: string, permission: string | undefined, values: Values) => RoleChange | undefined
  >
> = {
  define: (role, permission, values) =>
    permission === undefined && typeof values['description'] === 'string'
      ? { kind: 'DefineRole', role, description: values['description'] }
      : undefined,
  grant: (role, permission, values) =>
    permission === undefined
      ? undefined
      : { kind: 'GrantPermission', role, permission, scope: values['scope'] ?? 'any' },
  revoke: (role, permission) =>
    permission === undefined ? undefined : { kind: 'RevokePermission', role, permission },
};

const USAGE: Readonly<Record<string, string>> = {
  define: 'roles define takes a ROLE and --description TEXT',
  grant: 'roles grant takes a ROLE and a PERMISSION, and --scope any|team|own',
  revoke: 'roles revoke takes a ROLE and a PERMISSION',
};

/** The change `roles define|grant|revoke` asks for, or what is wrong with the command line. */
export const roleChangeOf = (
  { positionals, values }: Pick<CommandInput, 'positionals' | 'values'>,
  tenantId: string,
): E.Either<string, RoleChange> => {
  const [action = '', role, permission, ...rest] = positionals;
  const read = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (read === undefined) return E.left('use roles list, define, grant or revoke');
  const change = role === undefined || rest.length > 0 ? undefined : read(role, permission, values);
  return change === undefined ? E.left(USAGE[action] ?? '') : E.right({ ...change, tenantId });
};

/** A rule of the tenant's roles that refused a change, said as a sentence. */
const ruleMessage = (error: AccessPolicyError): string => {
  switch (error.kind) {
    case 'RoleAlreadyExists':
      return `the role ${error.role} already exists`;
    case 'RoleNotFound':
      return `there is no role ${error.role}; define it first (clientele roles define)`;
    case 'PermissionNotHeld':
      return `${error.role} does not hold ${error.permission}`;
    case 'PermissionAlreadyHeld':
      return `${error.role} already holds ${error.permission} with scope ${error.scope}`;
    case 'AdministratorKeepsEverything':
      return 'the administrator’s * cannot be revoked: it is what changes roles, and the tenant would be locked out';
  }
};

const RULES = new Set([
  'RoleAlreadyExists',
  'RoleNotFound',
  'PermissionNotHeld',
  'PermissionAlreadyHeld',
  'AdministratorKeepsEverything',
]);

/**
 * Sends a change of the tenant's roles as `actor` through the AccessPolicy entry point, which
 * needs `AccessPolicy.<command>` under the tenant's policy as it stands (someone whose access
 * ended is refused), and prints what changed or why nothing was written.
 */
export const changeRole = async (
  store: EventStore,
  change: RoleChange,
  { actor, rules }: { readonly actor: Actor; readonly rules: TenantAccessRules },
  io: CliIo,
): Promise<ExitCode> => {
  const teams = withDepartures(noTeams, rules.departures, today());
  const service = createAccessPolicyService(store, { authorize: accessPolicyAuthorizer(teams) });
  const result = await service.handle(change, commandContext(actor));
  if (E.isRight(result)) {
    for (const { type, data } of result.right.events) {
      const { tenantId: _tenant, ...shown } = data;
      io.stdout(`${type} ${JSON.stringify(shown)}\n`);
    }
    if (result.right.events.length === 0) io.stdout('nothing changed\n');
    return ExitCode.ok;
  }
  if (RULES.has(result.left.kind)) {
    io.stderr(
      `clientele roles: refused, nothing was written: ${ruleMessage(result.left as AccessPolicyError)}\n`,
    );
    return ExitCode.failed;
  }
  return reportRefusal('roles', result.left, io);
};
