import * as E from 'fp-ts/lib/Either.js';
import type { ActorSource } from '@clientele/dashboard';
import { createAccessLogRecorder } from '@clientele/domain';
import { TOKEN_ISSUER_VARIABLE, TOKEN_KEYS_VARIABLE } from '../actor/actorToken.js';
import { ACTOR_HELP, actorOption } from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import { serveActors } from '../dashboard/serveActors.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import type { ReadSide } from '../store/openReadSide.js';
import { openReadSide } from '../store/openReadSide.js';
import { storeUrl } from '../store/openStore.js';
import { tenantAccessRules } from '../store/tenantAccessRules.js';

const HELP = `Usage: clientele serve [--store URL] [--port 3000] [--actor ID:ROLE | --token JWT]

Starts the dashboard on http://127.0.0.1:PORT (loopback only; every asset is bundled, nothing is
fetched from the network): the overview (headline figures and a chart of every report), the
records behind each figure, team pages, and each customer's timeline as of a chosen moment.
Open pages update within two seconds when another process appends events to the store. Stop it
with Ctrl-C.

Every request is made as an actor, with the same role rules as the other commands: the one the
issuer's signed token names, or else the actor the server was started with (--token, or --actor
for a local store file only, as every command takes them). With $${TOKEN_KEYS_VARIABLE} and
$${TOKEN_ISSUER_VARIABLE} set, a request may carry the same signed actor token the command line
takes, checked the same way: as an "Authorization: Bearer" header, or in an HttpOnly cookie a
browser gets by signing in at /sign-in. A token that does not verify is answered 401 with the
reason (expired, wrong issuer, signature does not match…), never with the startup actor; a token
in the query string is refused. Without a startup actor every request must bring a token.

Every customer timeline and drill-down list a page shows is recorded in the access log as the
actor's read ("dashboard customer", "dashboard drill <kind>"; ids only), written in the
background so pages stay fast. Administrators (Log.audit) see the access anomalies at
/anomalies; anyone else is refused with 403.

  --port N                 the port on 127.0.0.1 (default 3000; 0 picks a free one)
  --store URL              the store (default sqlite:./clientele.db)
${ACTOR_HELP}`;

const fail = (io: CliIo, message: string, code: ExitCode = ExitCode.usage): ExitCode => {
  io.stderr(`clientele serve: ${message}\n`);
  return code;
};

const untilStopped = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

/** What the dashboard serves, on which port and as whom. */
interface Serving {
  readonly port: number;
  readonly actors: ActorSource;
  readonly progress: { onBatch: () => void };
}

const servedAs = (actors: ActorSource): string =>
  actors.startupActor === undefined
    ? 'the actor of each token'
    : `${actors.startupActor.id} (${actors.startupActor.role})${actors.verifyToken === undefined ? '' : ', or the actor of each token'}`;

/** Serves the dashboard over an opened read side until Ctrl-C, recording reads in the access log. */
const serveUntilStopped = async (
  readSide: ReadSide,
  { port, actors, progress }: Serving,
  io: CliIo,
): Promise<ExitCode> => {
  // The dashboard (the server, its bundled app and the data layer) loads only for this command.
  const dashboard = await import('@clientele/dashboard');
  const { dashboardData } = await import('../dashboard/dashboardData.js');
  // Reads are recorded off the request's path; one that cannot be is said, not hidden.
  const accessLog = createAccessLogRecorder(readSide.events, {
    onError: (error) => {
      io.stderr(`clientele serve: a read was not recorded in the access log: ${error.message}\n`);
    },
  });
  try {
    await readSide.runner.catchUp();
    const running = await dashboard
      .startDashboard({
        ...actors,
        data: dashboardData(readSide, progress, accessLog, () =>
          tenantAccessRules(readSide.events, io.env),
        ),
        port,
        onFollowError: (error) => {
          io.stderr(
            `clientele serve: stopped following the log, figures no longer update: ${error.message}\n`,
          );
        },
      })
      .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    if (running instanceof Error)
      return fail(io, `cannot listen on 127.0.0.1:${port}: ${running.message}`, ExitCode.failed);
    io.stdout(`Dashboard on ${running.url}/ as ${servedAs(actors)}; Ctrl-C stops it.\n`);
    await untilStopped();
    await running.close();
    return ExitCode.ok;
  } finally {
    await accessLog.flush();
    await readSide.close();
  }
};

/** `clientele serve`: the dashboard in the browser. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'the dashboard in a browser on 127.0.0.1: figures, drill-down, timelines, live',
  help: HELP,
  options: {
    store: { type: 'string' },
    port: { type: 'string' },
    ...actorOption,
  },
  run: async ({ values }, io) => {
    const port = Number(values['port'] ?? '3000');
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      return fail(io, '--port takes a port number, 0 to 65535');
    const actors = await serveActors({ values }, io);
    if (E.isLeft(actors)) return actors.left;
    const progress = { onBatch: (): void => undefined };
    const opened = await openReadSide(storeUrl(values['store'], io.env), io.cwd, () => {
      progress.onBatch();
    });
    if (E.isLeft(opened)) return fail(io, opened.left, ExitCode.storeUnavailable);
    return serveUntilStopped(opened.right, { port, actors: actors.right, progress }, io);
  },
};
