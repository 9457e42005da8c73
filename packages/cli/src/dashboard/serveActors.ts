import * as E from 'fp-ts/lib/Either.js';
import type { ActorSource, ActorTokenVerifier } from '@clientele/dashboard';
import { ACTOR_VARIABLE, commandActor } from '../actor/commandLineActor.js';
import type { TokenTrust } from '../actor/actorToken.js';
import {
  TOKEN_ISSUER_VARIABLE,
  TOKEN_KEYS_VARIABLE,
  TOKEN_VARIABLE,
  tokenTrustFrom,
  verifyActorToken,
} from '../actor/actorToken.js';
import type { CommandInput } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';

type Env = Readonly<Record<string, string | undefined>>;

const isSet = (value: string | boolean | undefined): boolean => value !== undefined && value !== '';

/**
 * The dashboard's token check: the command line's own ({@link verifyActorToken}: the trusted
 * keys, the issuer, the expiry, one role, never `system`), so one issuer token works for both.
 * A refusal is the reason, which the dashboard answers with 401.
 */
export const dashboardTokenVerifier =
  (trust: TokenTrust): ActorTokenVerifier =>
  async (token) => {
    const verified = await verifyActorToken(token, trust);
    return E.isRight(verified)
      ? { kind: 'actor', actor: verified.right }
      : { kind: 'unknown', reason: `refused: ${verified.left}` };
  };

/** The trusted keys and issuer when the environment names them; none when it names neither. */
const trustOf = async (env: Env): Promise<E.Either<string, TokenTrust | undefined>> =>
  isSet(env[TOKEN_KEYS_VARIABLE]) || isSet(env[TOKEN_ISSUER_VARIABLE])
    ? tokenTrustFrom(env)
    : E.right(undefined);

/**
 * Who the dashboard's requests are made as: the startup actor, resolved as every command resolves
 * its actor (a signed `--token`, or an asserted `--actor` for a local store file only), and the
 * issuer's tokens each request may carry, checked with `CLIENTELE_TOKEN_KEYS` and
 * `CLIENTELE_TOKEN_ISSUER`. Without a startup actor every request must bring a token, so one of
 * the two is required. On failure the reason is printed and the exit code returned.
 */
export const serveActors = async (
  input: Pick<CommandInput, 'values'>,
  io: CliIo,
): Promise<E.Either<ExitCode, ActorSource>> => {
  const trust = await trustOf(io.env);
  if (E.isLeft(trust)) {
    io.stderr(`clientele serve: ${trust.left}\n`);
    return E.left(ExitCode.usage);
  }
  const verifyToken = trust.right === undefined ? undefined : dashboardTokenVerifier(trust.right);
  const { values } = input;
  const named =
    isSet(values['actor']) ||
    isSet(values['token']) ||
    isSet(io.env[ACTOR_VARIABLE]) ||
    isSet(io.env[TOKEN_VARIABLE]);
  if (!named && verifyToken !== undefined) return E.right({ verifyToken });
  if (!named) {
    io.stderr(
      `clientele serve: say who is acting: --actor ID:ROLE (local store files only) or --token JWT, or set ${TOKEN_KEYS_VARIABLE} and ${TOKEN_ISSUER_VARIABLE} so that each request signs in with the issuer's token\nRun "clientele serve --help" for the options.\n`,
    );
    return E.left(ExitCode.usage);
  }
  const startupActor = await commandActor('serve', input, io);
  return E.isLeft(startupActor)
    ? startupActor
    : E.right({ startupActor: startupActor.right, verifyToken });
};
