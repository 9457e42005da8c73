import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { EventStore } from '@clientele/eventstore';
import type { RolePolicy, TeamDirectory } from '@clientele/domain';
import {
  CustomerCommand,
  CustomerEvent,
  LeadCommand,
  LeadEvent,
  createAccessLogRecorder,
  createCustomerService,
  createLeadService,
  defaultRolePolicy,
  noTeams,
  salesAuthorizers,
} from '@clientele/domain';
import type { ReadModelStore } from '@clientele/projections';
import { allReadModels, createProjectionRunner } from '@clientele/projections';
import type { CommandEntryPoint } from './commandRoute.js';
import { commandRoute } from './commandRoute.js';
import { actorTokens } from './actor.js';
import type { TokenTrust } from '@clientele/cli';
import { openApiDocument } from './openApi.js';
import { withPreconditions } from './preconditions.js';
import type { ProblemType } from './problem.js';
import { PROBLEM_TYPES, jsonResponse, problem, problemResponse } from './problem.js';
import { customerListRoute, logRoute, recordRoute } from './readRoutes.js';

/** Options of {@link createCrmApp}. */
export interface CrmAppOptions {
  readonly store: EventStore;
  /** Where the read models live: beside the log (the SQLite file, a PostgreSQL schema). */
  readonly readModels: ReadModelStore;
  readonly tenantId: string;
  /** Keyed hash secret for duplicate checks; from the app's secret store in production. */
  readonly tenantKey: string;
  /** Who may do and read what; defaults to the domain's default role policy. */
  readonly policy?: RolePolicy;
  /** Who manages whom, for `team` scopes; defaults to no teams. */
  readonly teams?: TeamDirectory;
  /** The largest request body, in bytes; defaults to 64 KiB (a command is a few hundred). */
  readonly maxBodyBytes?: number;
  /**
   * Signed actor tokens: when given, every request must carry `Authorization: Bearer <token>`
   * signed by one of these keys (see `clientele --token` and docs/security.md), and `X-Actor` is
   * ignored. Without it the app trusts `X-Actor`, as set by an authenticating proxy.
   */
  readonly tokenTrust?: TokenTrust;
  /** Where faults of the machine are reported; defaults to `console.error`. */
  readonly reportFault?: (error: unknown) => void;
}

/**
 * The CRM service as a Hono app: commands as `POST /customers/{id}/commands` and
 * `POST /leads/{id}/commands`, states as `GET /customers/{id}` and `GET /leads/{id}`, the
 * customers read model as `GET /customers`, the log as `GET /events`, the API as
 * `GET /openapi.json`. Every read of a customer or a lead is recorded in the access log
 * (`PersonalDataRead`, ids only) before it is answered. Serve it with `@hono/node-server` (see `main.ts`) or any runtime Hono runs on.
 */
export const createCrmApp = (options: CrmAppOptions): Hono => {
  const policy = options.policy ?? defaultRolePolicy;
  const teams = options.teams ?? noTeams;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const reportFault =
    options.reportFault ??
    ((error: unknown) => {
      console.error(error);
    });
  const preconditioned = withPreconditions(options.store);
  const store = preconditioned.store;
  const authorizers = salesAuthorizers(policy, teams);
  const customers = createCustomerService(store, {
    tenantId: options.tenantId,
    tenantKey: options.tenantKey,
    authorize: authorizers.customer,
  });
  const leads = createLeadService(store, { authorize: authorizers.lead });
  const collections = [
    {
      path: 'customers',
      category: 'Customer',
      idField: 'customerId',
      commands: CustomerCommand,
      events: CustomerEvent,
      entry: customers as CommandEntryPoint,
      permission: 'Customer.read' as const,
      load: async (id: string) => {
        const state = await customers.load(id);
        return 'registered' in state ? state : undefined;
      },
    },
    {
      path: 'leads',
      category: 'Lead',
      idField: 'leadId',
      commands: LeadCommand,
      events: LeadEvent,
      entry: leads as CommandEntryPoint,
      permission: 'Lead.read' as const,
      load: async (id: string) => {
        const state = await leads.load(id);
        return 'captured' in state ? state : undefined;
      },
    },
  ];
  // Projections read the engine itself; one catch-up at a time, since a runner is one writer.
  const runner = createProjectionRunner({
    events: options.store,
    readModels: options.readModels,
    projections: allReadModels,
  });
  let catchingUp: Promise<unknown> = Promise.resolve();
  const sources = {
    store,
    policy,
    teams,
    readModels: options.readModels,
    // Reads are recorded on the engine itself: a read is no command, so no Idempotency-Key.
    accessLog: createAccessLogRecorder(options.store),
    tenantId: options.tenantId,
    caughtUp: async () => {
      catchingUp = catchingUp.then(
        () => runner.catchUp(),
        () => runner.catchUp(),
      );
      await catchingUp;
    },
  };
  const document = openApiDocument(collections);

  const app = new Hono();
  if (options.tokenTrust !== undefined) app.use('*', actorTokens(options.tokenTrust));
  app.use(
    '*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        problemResponse(
          problem('body-too-large', `the limit is ${maxBodyBytes} bytes`),
          c.req.path,
        ),
    }),
  );
  for (const collection of collections) {
    app.post(`/${collection.path}/:id/commands`, commandRoute(collection, preconditioned));
    app.get(`/${collection.path}/:id`, recordRoute(collection, sources));
  }
  app.get('/customers', customerListRoute(sources));
  app.get('/events', logRoute(sources));
  app.get('/openapi.json', () => jsonResponse(200, document));
  app.get('/problems/:type', (c) => {
    const type = c.req.param('type');
    const known = type in PROBLEM_TYPES ? PROBLEM_TYPES[type as ProblemType] : undefined;
    return known === undefined
      ? problemResponse(problem('not-found', `no problem type ${type}`), c.req.path)
      : c.text(`${known.status} ${known.title}: ${known.description}\n`);
  });
  app.notFound((c) =>
    problemResponse(problem('not-found', `no route for ${c.req.method} ${c.req.path}`), c.req.path),
  );
  app.onError((error, c) => {
    reportFault(error);
    return problemResponse(problem('server-fault', 'see the service log'), c.req.path);
  });
  return app;
};
