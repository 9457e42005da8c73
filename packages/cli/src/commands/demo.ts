import { existsSync, rmSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { v5 as uuidv5 } from 'uuid';
import type { Actor, EventStore, Signer } from '@clientele/eventstore';
import {
  NO_STREAM,
  createHmacSigner,
  sealLog,
  withHashChain,
  withPersonalDataEncryption,
} from '@clientele/eventstore';
import { createSqliteDataKeyStore, createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { locateDomainPersonalData, withDomainUpcasting } from '@clientele/domain';
import {
  generateHistory,
  salesHistorySetup,
  salesHistorySteps,
  engagementHistory,
  productToCashHistory,
  serviceAndFinanceHistory,
} from '@clientele/domain/history';
import { allReadModels, createProjectionRunner, reportDate } from '@clientele/projections';
import { createSqliteReadModelStore } from '@clientele/projections/sqlite';
import { ACTOR_HELP, actorOption, commandActor } from '../actor/commandLineActor.js';
import { leftOut } from '../actor/readRefusal.js';
import { caughtUpReadAccess } from '../store/caughtUpReadAccess.js';
import type { CliCommand, CommandInput } from '../command.js';
import type { CliIo } from '../io.js';
import { ExitCode } from '../exitCodes.js';
import { signerFrom } from '../integrity/signingKey.js';
import { createProgressBar } from '../output/progressBar.js';
import { DEMO_REPORTS, reports } from '../reports/index.js';
import { renderReports } from '../reports/renderReports.js';
import { parseStoreLocation } from '../store/storeLocation.js';
import { storeUrl } from '../store/openStore.js';
import { tenantFrom } from '../store/tenant.js';

const HELP = `Usage: clientele demo [--store sqlite:FILE] [--seed N] [--steps N] [--actor ID:ROLE]

Creates a SQLite store (default ./clientele.db) and fills it with a year of CRM activity, sent as
commands through the domain's entry points with a fixed seed, so the output is the same on every
run; then prints what was written.

  --store   where to write (sqlite: only); an existing file is replaced only if an earlier
            demo wrote it, never a store of yours
  --seed    the random seed (default 2026)
  --steps   how many steps of activity (default 4500, about a year of business time)
${ACTOR_HELP}
            the demo is the one command that needs no actor: it acts as the administrator
            clientele-demo:administrator, and prints its reports as that administrator sees them`;

/** Who the demo acts as when no actor is given: an administrator it names. */
const DEMO_ACTOR: Actor = { id: 'clientele-demo', role: 'administrator' };

/** The stream that marks a file as written by the demo, so a rerun may replace it. */
const DEMO_MARKER = 'Demo-run';
const DEMO_NAMESPACE = '6f1c4c0e-5a8b-4f7e-9a43-2d7c6b1e8f10';

/** Whether `file` is a store an earlier demo wrote (anything else, even unreadable, is not). */
const isDemoFile = async (file: string): Promise<boolean> => {
  let store: EventStore | undefined;
  try {
    store = createSqliteEventStore({ file });
    return (await store.streamRevision(DEMO_MARKER)) !== NO_STREAM;
  } catch {
    return false;
  } finally {
    await store?.close();
  }
};

/**
 * The key the demo seals its log with when CLIENTELE_SIGNING_KEY is not set: printed, since a demo
 * has nothing to protect, so that \`clientele verify\` can check the demo's seal signature too.
 */
const DEMO_SIGNING_KEY = 'de'.repeat(32);

const removeStoreFiles = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
};

const markAsDemo = async (store: EventStore, seed: number): Promise<void> => {
  const result = await store.appendToStream(DEMO_MARKER, [
    {
      type: 'DemoGenerated',
      data: { seed },
      eventId: uuidv5(`demo-${seed}`, DEMO_NAMESPACE),
      metadata: {
        occurredAt: '2026-01-05T08:00:00.000Z',
        actor: DEMO_ACTOR,
        correlationId: 'demo',
        causationId: null,
        commandId: uuidv5(`demo-command-${seed}`, DEMO_NAMESPACE),
        schemaVersion: 1,
      },
    },
  ]);
  if (E.isLeft(result)) throw new Error(result.left.message);
};

const positiveInteger = (
  value: string | boolean | undefined,
  fallback: number,
): number | undefined => {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

/** What the demo writes: where, from which seed, how many steps, and its seal's signer if set. */
interface DemoPlan {
  readonly seed: number;
  readonly steps: number;
  readonly file: string;
  readonly signer: Signer | undefined;
}

/**
 * The demo's plan from its options and environment, its file cleared if an earlier demo wrote
 * it; or, having said why, the usage exit code.
 */
const prepareDemo = async (
  values: CommandInput['values'],
  io: CliIo,
): Promise<E.Either<ExitCode, DemoPlan>> => {
  const refuse = (message: string) => {
    io.stderr(`clientele demo: ${message}\n`);
    return E.left(ExitCode.usage);
  };
  const seed = positiveInteger(values['seed'], 2026);
  const steps = positiveInteger(values['steps'], 4500);
  if (seed === undefined || steps === undefined)
    return refuse('--seed and --steps take a positive whole number');
  const location = parseStoreLocation(storeUrl(values['store'], io.env), io.cwd);
  if (E.isLeft(location)) return refuse(location.left);
  if (location.right.engine !== 'sqlite')
    return refuse('the demo writes a SQLite file: use --store sqlite:FILE');
  const signer = signerFrom(io.env);
  if (E.isLeft(signer)) return refuse(signer.left);
  const { file } = location.right;
  if (existsSync(file)) {
    if (!(await isDemoFile(file)))
      return refuse(
        `${file} exists and was not written by the demo; choose another file with --store sqlite:FILE`,
      );
    removeStoreFiles(file);
  }
  return E.right({ seed, steps, file, signer: signer.right });
};

/** `clientele demo`: a reproducible year of CRM activity in a SQLite file. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'write a reproducible year of CRM activity to ./clientele.db and print the reports',
  help: HELP,
  options: {
    store: { type: 'string' },
    seed: { type: 'string' },
    steps: { type: 'string' },
    ...actorOption,
  },
  run: async ({ values }, io) => {
    const actor = await commandActor('demo', { values }, io, DEMO_ACTOR);
    if (E.isLeft(actor)) return actor.left;
    const prepared = await prepareDemo(values, io);
    if (E.isLeft(prepared)) return prepared.left;
    const { seed, steps, file, signer } = prepared.right;
    // The demo records each event at the business time of its step, so "as known at" and "as
    // effective at" tell a year's story instead of the few seconds the demo takes to run.
    let businessClock = new Date('2026-01-05T08:00:00.000Z');
    const engine = createSqliteEventStore({ file, now: () => businessClock });
    // Written as an app would: hash-chained, personal fields encrypted per person with keys in
    // the file's key table, so `clientele forget` works on the demo's people.
    const store = withDomainUpcasting(
      withPersonalDataEncryption(withHashChain(engine), {
        keys: createSqliteDataKeyStore({ database: engine.database }),
        locate: locateDomainPersonalData,
      }),
    );
    try {
      await markAsDemo(store, seed);
      const progress = createProgressBar(io, 'writing CRM activity');
      // Sales, service and finance together: campaigns, leads, deals, tickets, invoices,
      // payments, refunds, targets and commission, all sent as commands.
      const finance = serviceAndFinanceHistory(store, seed);
      // After conversion: activities, tasks with reminders and appointments.
      const engagement = engagementHistory(store, seed);
      // Catalog, quotes, orders, contracts and their renewals, scheduled invoices, expenses.
      const cash = productToCashHistory(store, seed);
      const world = await generateHistory({
        store,
        seed,
        steps,
        // The tenant the other commands act for, so `forget` releases the keys the demo claimed.
        ...tenantFrom(io.env),
        setup: [...salesHistorySetup, ...finance.setup, engagement.setup, ...cash.setup],
        stepKinds: [...salesHistorySteps, ...finance.steps, ...engagement.steps, ...cash.steps],
        onProgress: (done, total, businessTime) => {
          businessClock = new Date(businessTime);
          progress.update({ done, total, unit: 'steps' });
        },
      });
      await finance.services.accrual.catchUp();
      progress.finish({ done: steps, total: steps, unit: 'steps' });
      const head = await store.headPosition();
      const total = head === undefined ? 0n : head.commit;
      io.stdout(
        `\n${total.toLocaleString('en-US')} events in ${file} (seed ${seed}, business time up to ${world.today()})\n`,
      );
      // Sealed as an operator would after a load, so \`clientele verify\` has a seal to check.
      const sealed = await sealLog(
        store,
        signer ?? createHmacSigner('clientele-demo', Buffer.from(DEMO_SIGNING_KEY, 'hex')),
        () => businessClock,
        actor.right,
      );
      io.stdout(
        `sealed up to position ${sealed.position}${signer === undefined ? ` with the demo's own key: CLIENTELE_SIGNING_KEY=${DEMO_SIGNING_KEY} clientele verify checks it` : ''}\n\n`,
      );
      const projecting = createProgressBar(io, 'projecting read models');
      const readModels = createSqliteReadModelStore({ database: engine.database });
      const runner = createProjectionRunner({
        // The raw log: projections need no key, personal fields read as erased there.
        events: engine,
        readModels,
        projections: allReadModels,
        onProgress: (p) => {
          projecting.update({
            done: p.eventsDone,
            total: p.eventsDone + p.eventsLeft,
            unit: 'events',
          });
        },
      });
      const projected = await runner.catchUp();
      projecting.finish({ done: projected, total: projected, unit: 'events' });
      // The same rule as \`clientele report\`: the latest day on which something happened.
      const { asOf } = await reportDate(readModels, undefined, world.today());
      const options = {
        period: 'all' as const,
        by: 'team',
        asOf,
        from: undefined,
        to: undefined,
        detail: false,
      };
      const access = await caughtUpReadAccess(readModels, actor.right, asOf);
      const rendered = [];
      for (const name of DEMO_REPORTS) {
        const built = await reports[name].build({ readModels, events: store, access }, options);
        if (E.isRight(built)) rendered.push(built.right);
        else io.stderr(`\n${leftOut(name, built.left)}\n`);
      }
      io.stdout(`\n${renderReports(rendered, 'table', { asOf, subtitle: '' })}`);
      io.stdout(
        '\nNext: pnpm clientele report all --actor clientele-demo:administrator --format html --out report.html\n(and pnpm clientele --help; CLIENTELE_ACTOR=clientele-demo:administrator saves repeating --actor).\n',
      );
      return ExitCode.ok;
    } finally {
      await store.close();
    }
  },
};
