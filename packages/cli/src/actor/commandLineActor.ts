import * as E from 'fp-ts/lib/Either.js';
import type { Actor, AuthorizationDenial } from '@clientele/eventstore';
import type { ProjectionNotBuilt } from '@clientele/projections';
import {
  Role,
  RoleName,
  authorize,
  defaultRolePolicy,
  noTeams,
  withDepartures,
} from '@clientele/domain';
import type { TenantAccessRules } from '../store/tenantAccessRules.js';
import { today } from '../store/tenantAccessRules.js';
import type { CommandInput } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { storeUrl } from '../store/openStore.js';
import { parseStoreLocation } from '../store/storeLocation.js';
import {
  TOKEN_ISSUER_VARIABLE,
  TOKEN_KEYS_VARIABLE,
  TOKEN_VARIABLE,
  tokenTrustFrom,
  verifyActorToken,
} from './actorToken.js';

/** The environment variable that names the actor when `--actor` is not given. */
export const ACTOR_VARIABLE = 'CLIENTELE_ACTOR';

const ROLES = Object.keys(Role.keys).join(', ');

/** The `--actor` and `--token` options, to spread into a command's `options`. */
export const actorOption = { actor: { type: 'string' }, token: { type: 'string' } } as const;

/** The lines a command's `--help` shows for `--actor` and `--token`, aligned like the other options. */
export const ACTOR_HELP = `  --actor ID:ROLE   who is acting, e.g. rep-ada:sales_rep (default: $${ACTOR_VARIABLE});
                    roles: ${ROLES}, or one the tenant defined (RoleDefined).
                    Asserted, not authenticated: accepted for local store files only
  --token JWT       a signed actor token (default: $${TOKEN_VARIABLE}), checked with the keys
                    in $${TOKEN_KEYS_VARIABLE} and the issuer $${TOKEN_ISSUER_VARIABLE};
                    required for a shared store (postgres://, esdb://)`;

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
  // A role the tenant defined in its log is a role too: whether it exists, and what it grants,
  // is the tenant's policy's to say when the command is checked ("… is not a role" there).
  if (E.isLeft(RoleName.decode(role)))
    return E.left(
      `${source} "${text}": "${role}" is not a role name (lower-case letters, digits and _); the built-in roles are ${ROLES}`,
    );
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

/** Whether a store location is shared (a server), where an asserted actor is not enough. */
const isSharedStore = (url: string, cwd: string): boolean => {
  const location = parseStoreLocation(url, cwd);
  // A location that is no store at all is left to the command, which says what is wrong with it.
  return (
    E.isRight(location) &&
    (location.right.engine === 'postgres' || location.right.engine === 'esdb')
  );
};

/** A store location as messages show it: no user, password or query (which may hold secrets). */
const shownStore = (url: string): string => (url.split('?')[0] ?? url).replace(/\/\/[^@/]*@/, '//');

const tokenText = (
  flag: string | boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined => {
  if (typeof flag === 'string') return flag;
  const fromEnv = env[TOKEN_VARIABLE];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
};

/** The actor a signed token names, checked with the trusted keys; a refusal says why. */
const tokenActor = async (token: string, io: CliIo): Promise<E.Either<string, Actor>> => {
  const trust = await tokenTrustFrom(io.env);
  return E.isLeft(trust) ? trust : verifyActorToken(token, trust.right);
};

/**
 * Who runs a command, as an exit code on failure (after printing `clientele <command>: <reason>`).
 * A signed token (`--token`, `CLIENTELE_TOKEN`) is checked and names the actor; without one,
 * the asserted `--actor` (or `CLIENTELE_ACTOR`, or the demo's fallback) is taken for a local
 * store file only, and a shared store is refused. Every command that spreads
 * {@link actorOption} into its options starts its `run` with this:
 *
 * ```ts
 * const actor = await commandActor('forget', input, io);
 * if (E.isLeft(actor)) return actor.left;
 * ```
 */
export const commandActor = async (
  commandName: string,
  input: Pick<CommandInput, 'values'>,
  io: CliIo,
  fallback?: Actor,
): Promise<E.Either<ExitCode, Actor>> => {
  const fail = (reason: string, code: ExitCode): E.Either<ExitCode, Actor> => {
    const hint =
      code === ExitCode.usage ? `\nRun "clientele ${commandName} --help" for the options.` : '';
    io.stderr(`clientele ${commandName}: ${reason}${hint}\n`);
    return E.left(code);
  };
  const token = tokenText(input.values['token'], io.env);
  if (token !== undefined) {
    if (typeof input.values['actor'] === 'string')
      return fail('give --token or --actor, not both', ExitCode.usage);
    const verified = await tokenActor(token, io);
    return E.isRight(verified) ? verified : fail(`refused: ${verified.left}`, ExitCode.forbidden);
  }
  const store = storeUrl(input.values['store'], io.env);
  if (isSharedStore(store, io.cwd))
    return fail(
      `refused: ${shownStore(store)} is a shared store, and --actor is asserted, not authenticated (it is accepted for local store files only); give a signed --token or set ${TOKEN_VARIABLE}`,
      ExitCode.forbidden,
    );
  const actor = resolveActor(input.values['actor'], io.env, fallback);
  return E.isRight(actor) ? actor : fail(actor.left, ExitCode.usage);
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

/** What {@link commandPermitted} is asked: may `actor` use `permission` for `commandName`? */
export interface PermissionAsked {
  readonly commandName: string;
  readonly actor: Actor;
  readonly permission: string;
  /** The tenant's roles and departures from the log; the built-in defaults when left out. */
  readonly rules?: TenantAccessRules | undefined;
}

/**
 * Whether `actor` holds an operator permission of the role policy (`ReadModels.rebuild`,
 * `Log.migrate`, `Log.audit`, `Data.import`: records of no owner); when not, the refusal is
 * printed and the answer is {@link ExitCode.forbidden}. With the tenant's `rules` read from the
 * log, a role the tenant defined counts, and a rep whose access ended is refused.
 */
export const commandPermitted = (
  { commandName, actor, permission, rules }: PermissionAsked,
  io: CliIo,
): E.Either<ExitCode, void> => {
  const policy = rules?.policy ?? defaultRolePolicy;
  const teams = rules === undefined ? noTeams : withDepartures(noTeams, rules.departures, today());
  const allowed = authorize({ policy, teams }, actor, permission, null);
  return E.isRight(allowed) ? allowed : E.left(refuseActor(commandName, allowed.left, io));
};
