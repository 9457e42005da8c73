import { ExitCode } from '../exitCodes.js';

/** Network error codes of Node and its drivers that mean "the server is not there". */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

interface NetworkError {
  readonly code?: unknown;
  readonly address?: unknown;
  readonly port?: unknown;
  readonly hostname?: unknown;
  readonly message?: unknown;
}

const hostOf = (error: NetworkError): string => {
  const host =
    typeof error.address === 'string'
      ? error.address
      : typeof error.hostname === 'string'
        ? error.hostname
        : 'the server';
  return typeof error.port === 'number' ? `${host}:${error.port}` : host;
};

/** The first network error inside an error (drivers wrap one per address they tried). */
const networkCause = (error: unknown): NetworkError | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as NetworkError & { errors?: unknown; cause?: unknown };
  if (typeof candidate.code === 'string' && UNREACHABLE.has(candidate.code)) return candidate;
  if (Array.isArray(candidate.errors))
    for (const inner of candidate.errors as unknown[]) {
      const found = networkCause(inner);
      if (found !== undefined) return found;
    }
  return candidate.cause === undefined ? undefined : networkCause(candidate.cause);
};

/**
 * EventStoreDB's client reports a refused connection as gRPC status 14 (`14 UNAVAILABLE: … connect
 * ECONNREFUSED 127.0.0.1:2113 …`): the host and the cause are only in its text.
 */
const esdbUnavailable = (error: unknown): { host: string; cause: string } | undefined => {
  if (
    !(error instanceof Error) ||
    !/\bUNAVAILABLE\b|DeadlineExceeded/.test(`${error.name} ${error.message}`)
  )
    return undefined;
  const found = /\b(E[A-Z_]+) (\S+:\d+)/.exec(error.message);
  return found === null
    ? { host: 'the EventStoreDB server', cause: 'unavailable' }
    : { host: found[2] ?? '', cause: found[1] ?? '' };
};

/**
 * What to tell a user about a failure nothing else caught, in one line, and the exit code: an
 * unreachable server is exit 3 naming the host and the cause; anything else is exit 1 with the
 * error's own message. A stack trace is for developers: `CLIENTELE_DEBUG=1` prints it.
 */
export const describeFault = (
  error: unknown,
  env: Readonly<Record<string, string | undefined>> = {},
): { readonly message: string; readonly exitCode: ExitCode } => {
  const debug = env['CLIENTELE_DEBUG'] === '1' && error instanceof Error ? `\n${error.stack}` : '';
  const network = networkCause(error);
  if (network !== undefined)
    return {
      message: `cannot reach ${hostOf(network)}: ${String(network.code)} (is the server running, and the store URL right?)${debug}`,
      exitCode: ExitCode.storeUnavailable,
    };
  const esdb = esdbUnavailable(error);
  if (esdb !== undefined)
    return {
      message: `cannot reach ${esdb.host}: ${esdb.cause} (is the server running, and the store URL right?)${debug}`,
      exitCode: ExitCode.storeUnavailable,
    };
  const message = error instanceof Error ? error.message : String(error);
  return { message: `${message.split('\n')[0] ?? message}${debug}`, exitCode: ExitCode.failed };
};
