import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '@clientele/eventstore';
import {
  ACTOR_HELP,
  ACTOR_VARIABLE,
  actorOption,
  parseActor,
  resolveActor,
} from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { createAccessLogRecorder } from '@clientele/domain';
import { openReadSide } from '../store/openReadSide.js';
import { storeUrl } from '../store/openStore.js';

/** The environment variable holding the secret actor tokens are signed with. */
export const SECRET_VARIABLE = 'CLIENTELE_DASHBOARD_SECRET';

const HELP = `Usage: clientele serve [--store URL] [--port 3000] [--actor ID:ROLE]
       clientele serve --issue-token ID:ROLE [--hours 12]

Starts the dashboard on http://127.0.0.1:PORT (loopback only; every asset is bundled, nothing is
fetched from the network): the overview (headline figures and a chart of every report), the
records behind each figure, team pages, and each customer's timeline as of a chosen moment.
Open pages update within two seconds when another process appends events to the store. Stop it
with Ctrl-C.

Every request is made as an actor, with the same role rules as the other commands: the actor the
server was started with (--actor or $${ACTOR_VARIABLE}), or the one a signed token names. With
$${SECRET_VARIABLE} set (at least 32 characters), a browser signs in with a token at /sign-in
(kept in an HttpOnly cookie), and a script sends one as an "Authorization: Bearer" header;
--issue-token prints one signed with that secret and exits. A token that does not verify is refused; a query parameter never names an
actor.

Every customer timeline and drill-down list a page shows is recorded in the access log as the
actor's read ("dashboard customer", "dashboard drill <kind>"; ids only), written in the
background so pages stay fast. Administrators (Log.audit) see the access anomalies at
/anomalies; anyone else is refused with 403.

  --port N                 the port on 127.0.0.1 (default 3000; 0 picks a free one)
  --store URL              the store (default sqlite:./clientele.db)
  --issue-token ID:ROLE    print a token for ID:ROLE signed with $${SECRET_VARIABLE}, and exit
  --hours N                how long an issued token is valid (default 12)
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

/** `clientele serve`: the dashboard in the browser. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'the dashboard in a browser on 127.0.0.1: figures, drill-down, timelines, live',
  help: HELP,
  options: {
    store: { type: 'string' },
    port: { type: 'string' },
    'issue-token': { type: 'string' },
    hours: { type: 'string' },
    ...actorOption,
  },
  run: async ({ values }, io) => {
    const secret = io.env[SECRET_VARIABLE];
    // The dashboard (the server, its bundled app and the data layer) loads only for this command.
    const dashboard = await import('@clientele/dashboard');
    const { dashboardData } = await import('../dashboard/dashboardData.js');
    if (secret !== undefined && secret.length < dashboard.MIN_SECRET_LENGTH)
      return fail(
        io,
        `${SECRET_VARIABLE} must be at least ${dashboard.MIN_SECRET_LENGTH} characters`,
      );
    const issue = values['issue-token'];
    if (typeof issue === 'string') {
      if (secret === undefined) return fail(io, `set ${SECRET_VARIABLE} to issue tokens`);
      const actor = parseActor(issue, '--issue-token');
      if (E.isLeft(actor)) return fail(io, actor.left);
      const hours = Number(values['hours'] ?? '12');
      if (!(hours > 0 && hours <= 24 * 366))
        return fail(io, '--hours takes a number of hours, up to a year');
      io.stdout(`${await dashboard.signActorToken(actor.right, secret, hours)}\n`);
      return ExitCode.ok;
    }
    const port = Number(values['port'] ?? '3000');
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      return fail(io, '--port takes a port number, 0 to 65535');
    let startupActor: Actor | undefined;
    const named = resolveActor(values['actor'], io.env);
    if (E.isRight(named)) startupActor = named.right;
    else if (
      values['actor'] !== undefined ||
      io.env[ACTOR_VARIABLE] !== undefined ||
      secret === undefined
    )
      return fail(io, `${named.left}\nRun "clientele serve --help" for the options.`);
    const progress = { onBatch: (): void => undefined };
    const opened = await openReadSide(storeUrl(values['store'], io.env), io.cwd, () => {
      progress.onBatch();
    });
    if (E.isLeft(opened)) return fail(io, opened.left, ExitCode.storeUnavailable);
    const readSide = opened.right;
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
          data: dashboardData(readSide, progress, accessLog),
          port,
          onFollowError: (error) => {
            io.stderr(
              `clientele serve: stopped following the log, figures no longer update: ${error.message}\n`,
            );
          },
          startupActor,
          tokenSecret: secret,
        })
        .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      if (running instanceof Error)
        return fail(io, `cannot listen on 127.0.0.1:${port}: ${running.message}`, ExitCode.failed);
      io.stdout(
        `Dashboard on ${running.url}/ as ${startupActor === undefined ? 'the actor of each token' : `${startupActor.id} (${startupActor.role})`}; Ctrl-C stops it.\n`,
      );
      await untilStopped();
      await running.close();
      return ExitCode.ok;
    } finally {
      await accessLog.flush();
      await readSide.close();
    }
  },
};
