import * as E from 'fp-ts/lib/Either.js';
import type { Actor, AuthorizationDenial } from '@clientele/eventstore';
import type { RolePolicy } from '@clientele/domain';
import type { ProjectionNotBuilt } from '@clientele/projections';
import { Role, authorize, defaultRolePolicy, noTeams } from '@clientele/domain';
import type { CommandInput } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';

/** The environment variable that names the actor when `--actor` is not given. */
export const ACTOR_VARIABLE = 'CLIENTELE_ACTOR';

const ROLES = Object.keys(Role.keys).join(', ');

/** The `--actor` option, to spread into a command's `options`. */
export const actorOption = { actor: { type: 'string' } } as const;

/** The lines a command's `--help` shows for `--actor`, aligned like the other options. */
export const ACTOR_HELP = `  --actor ID:ROLE   who is acting, e.g. rep-ada:sales_rep (default: $${ACTOR_VARIABLE});
                    roles: ${ROLES}`;

/**
 * Parses `ID:ROLE` (the text of `--actor` or `CLIENTELE_ACTOR`) into an actor. The role is after
 * the last colon, so an id may itself hold colons (`sso:ada@example.com:sales_rep`). A failure is
 * a sentence that names where the text came from and what is wrong with it.
 */
export const parseActor = (text: string, source: string): E.Either<string, Actor> => {
  const colon = text.lastIndexOf(':');
  if (colon < 0)
    return E.left(`${source} "${text}" is not ID:ROLE, e.g. rep-ada:sales_rep (roles: ${ROLES})`);
  const id = text.slice(0, colon).trim();
  const role = text.slice(colon + 1).trim();
  if (id === '' || /[\s\p{Cc}]/u.test(id))
    return E.left(`${source} "${text}" needs an id without spaces before the colon`);
  if (!Role.is(role))
    return E.left(`${source} "${text}": "${role}" is not a role; the roles are ${ROLES}`);
  return E.right({ id, role });
};

/**
 * Who runs a command: `--actor`, else `CLIENTELE_ACTOR`, else `fallback` (only the demo has one).
 * With neither and no fallback the answer is an error: reads and exports are filtered by the
 * actor's role, so nobody is assumed.
 */
export const resolveActor = (
  flag: string | boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  fallback?: Actor,
): E.Either<string, Actor> => {
  if (typeof flag === 'string') return parseActor(flag, '--actor');
  const fromEnv = env[ACTOR_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== '') return parseActor(fromEnv, ACTOR_VARIABLE);
  if (fallback !== undefined) return E.right(fallback);
  return E.left(
    `say who is acting: --actor ID:ROLE (e.g. --actor rep-ada:sales_rep) or set ${ACTOR_VARIABLE}`,
  );
};

/**
 * A command's actor from its parsed input and environment, or, when it is missing or malformed,
 * the usage exit code after printing `clientele <command>: <reason>` to stderr. Every command
 * that spreads {@link actorOption} into its options starts its `run` with this:
 *
 * ```ts
 * const actor = commandActor('forget', input, io);
 * if (E.isLeft(actor)) return actor.left;
 * ```
 */
export const commandActor = (
  commandName: string,
  input: Pick<CommandInput, 'values'>,
  io: CliIo,
  fallback?: Actor,
): E.Either<ExitCode, Actor> => {
  const actor = resolveActor(input.values['actor'], io.env, fallback);
  if (E.isRight(actor)) return actor;
  io.stderr(
    `clientele ${commandName}: ${actor.left}\nRun "clientele ${commandName} --help" for the options.\n`,
  );
  return E.left(ExitCode.usage);
};

/**
 * Prints a refusal (`clientele <command>: refused: <reason>`, naming the missing permission) and
 * returns {@link ExitCode.forbidden}, so a script can tell "not allowed" from "no data". A read
 * model without a build is printed as it is, with {@link ExitCode.failed}.
 */
export const refuseActor = (
  commandName: string,
  denial: AuthorizationDenial | ProjectionNotBuilt,
  io: CliIo,
): ExitCode => {
  // The commands catch up before they read, so a projection without a build is a fault.
  if (denial.kind === 'ProjectionNotBuilt') {
    io.stderr(`clientele ${commandName}: ${denial.message}\n`);
    return ExitCode.failed;
  }
  io.stderr(
    `clientele ${commandName}: refused: ${denial.actorId} (${denial.role}) lacks ${denial.permission}: ${denial.reason}\n`,
  );
  return ExitCode.forbidden;
};

/**
 * Whether `actor` holds an operator permission of the role policy (`ReadModels.rebuild`,
 * `Log.migrate`, `Log.audit`, `Data.import`: records of no owner); when not, the refusal is
 * printed and the answer is {@link ExitCode.forbidden}.
 */
export const commandPermitted = (
  commandName: string,
  actor: Actor,
  permission: string,
  io: CliIo,
  policy: RolePolicy = defaultRolePolicy,
): E.Either<ExitCode, void> => {
  const allowed = authorize(policy, noTeams, actor, permission, null);
  return E.isRight(allowed) ? allowed : E.left(refuseActor(commandName, allowed.left, io));
};
