import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import * as E from 'fp-ts/lib/Either.js';
import type { Actor, AuthorizationDenial, CommandContext, EventStore } from '@clientele/eventstore';
import { positionToString } from '@clientele/eventstore';
import type { ReadPermission, RolePolicy, TeamDirectory } from '@clientele/domain';
import {
  authorize,
  createCustomerService,
  createLeadService,
  defaultRolePolicy,
  inReadScope,
  noTeams,
  outsideReadScope,
  readScope,
} from '@clientele/domain';
import { failureStatus } from './failureStatus.js';
import { readJson, sendJson } from './httpJson.js';

/** Options of {@link createCrmApp}. */
export interface CrmAppOptions {
  readonly store: EventStore;
  readonly tenantId: string;
  /** Keyed hash secret for duplicate checks; from the app's secret store in production. */
  readonly tenantKey: string;
  /** The business time of a command when the client sends none; tests pin it. */
  readonly now?: () => Date;
  /** Who may read what; defaults to the domain's default role policy. */
  readonly policy?: RolePolicy;
  /** Who manages whom, for `team` scopes; defaults to no teams. */
  readonly teams?: TeamDirectory;
}

/** What the router needs from an aggregate's entry point. */
interface CommandEndpoint {
  handle(
    input: unknown,
    context: CommandContext,
  ): Promise<
    E.Either<
      { readonly kind: string },
      { readonly duplicate: boolean; readonly events: readonly unknown[]; readonly state: unknown }
    >
  >;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller, from the headers an authenticating proxy sets. */
const callerOf = (request: IncomingMessage): E.Either<string, Actor> => {
  const actorId = request.headers['x-actor-id'];
  const role = request.headers['x-actor-role'];
  return typeof actorId === 'string' && typeof role === 'string'
    ? E.right({ id: actorId, role })
    : E.left('X-Actor-Id and X-Actor-Role headers are required');
};

/**
 * Who is calling, from headers an authenticating proxy would set, and the idempotency key: a
 * client retrying after a timeout sends the same `Idempotency-Key` and nothing is done twice.
 */
const commandContext = (
  request: IncomingMessage,
  now: () => Date,
): E.Either<string, CommandContext> => {
  const commandId = request.headers['idempotency-key'];
  const actorId = request.headers['x-actor-id'];
  const role = request.headers['x-actor-role'];
  if (typeof commandId !== 'string' || !UUID.test(commandId))
    return E.left('Idempotency-Key header: a uuid is required');
  if (typeof actorId !== 'string' || typeof role !== 'string')
    return E.left('X-Actor-Id and X-Actor-Role headers are required');
  const occurredAt = request.headers['x-occurred-at'];
  return E.right({
    commandId,
    actor: { id: actorId, role },
    occurredAt: typeof occurredAt === 'string' ? occurredAt : now().toISOString(),
  });
};

/**
 * A small CRM service: `POST /customers/commands` and `POST /leads/commands` take a command as
 * JSON; `GET /customers/:id` and `GET /leads/:id` return current state to a caller whose role may
 * read that record (`Customer.read` / `Lead.read` on its owner); `GET /events` returns a page of
 * the log to a caller with `Log.audit`. It shows the whole embedding: decode at the boundary,
 * idempotency by header, reads by role, failures as statuses (a read refused is 403 naming the
 * permission).
 */
export const createCrmApp = (options: CrmAppOptions): Server => {
  const now = options.now ?? (() => new Date());
  const policy = options.policy ?? defaultRolePolicy;
  const teams = options.teams ?? noTeams;
  /** Whether the caller may read a record owned by `ownerId` (null: unowned, needs `any`). */
  const readable = (
    actor: Actor,
    permission: ReadPermission,
    record: string,
    ownerId: string | null,
  ): E.Either<AuthorizationDenial, void> => {
    const scope = readScope(policy, teams, actor, permission);
    if (E.isLeft(scope)) return scope;
    return inReadScope(scope.right, ownerId)
      ? E.right(undefined)
      : E.left(outsideReadScope(scope.right, actor, record, ownerId));
  };
  const customers = createCustomerService({
    store: options.store,
    tenantId: options.tenantId,
    tenantKey: options.tenantKey,
  });
  const leads = createLeadService({ store: options.store });
  // Both entry points seen through what the HTTP layer needs of them.
  const services: Record<'customers' | 'leads', CommandEndpoint> = { customers, leads };

  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const [, collection, id] = url.pathname.split('/');
    const route = async (): Promise<void> => {
      if (
        request.method === 'POST' &&
        id === 'commands' &&
        (collection === 'customers' || collection === 'leads')
      ) {
        const context = commandContext(request, now);
        if (E.isLeft(context)) return sendJson(response, 400, { error: context.left });
        const outcome = await services[collection].handle(await readJson(request), context.right);
        if (E.isLeft(outcome)) return sendJson(response, failureStatus(outcome.left), outcome.left);
        return sendJson(response, outcome.right.duplicate ? 200 : 201, {
          duplicate: outcome.right.duplicate,
          events: outcome.right.events,
          state: outcome.right.state,
        });
      }
      if (request.method !== 'GET') {
        return sendJson(response, 404, { error: `no route for ${request.method} ${url.pathname}` });
      }
      const caller = callerOf(request);
      if (E.isLeft(caller)) return sendJson(response, 400, { error: caller.left });
      const refused = (denial: AuthorizationDenial) =>
        sendJson(response, 403, { kind: 'Forbidden', denial });
      if (collection === 'customers' && id !== undefined) {
        const state = await customers.load(id);
        const owner = 'registered' in state ? state.ownerId : null;
        const allowed = readable(caller.right, 'Customer.read', `customer ${id}`, owner);
        return E.isLeft(allowed) ? refused(allowed.left) : sendJson(response, 200, state);
      }
      if (collection === 'leads' && id !== undefined) {
        const state = await leads.load(id);
        const owner = 'captured' in state ? state.ownerId : null;
        const allowed = readable(caller.right, 'Lead.read', `lead ${id}`, owner);
        return E.isLeft(allowed) ? refused(allowed.left) : sendJson(response, 200, state);
      }
      if (collection === 'events') {
        // The raw log holds every customer: reading it is an audit.
        const allowed = authorize(policy, teams, caller.right, 'Log.audit', null);
        if (E.isLeft(allowed)) return refused(allowed.left);
        const events = [];
        for await (const event of options.store.readAll({ maxCount: 100 })) {
          events.push({ ...event, position: positionToString(event.position) });
        }
        return sendJson(response, 200, events);
      }
      return sendJson(response, 404, { error: `no route for ${request.method} ${url.pathname}` });
    };
    route().catch((error: unknown) =>
      error instanceof SyntaxError
        ? sendJson(response, 400, { error: `the body is not JSON: ${error.message}` })
        : sendJson(response, 500, {
            error: error instanceof Error ? error.message : String(error),
          }),
    );
  });
};
