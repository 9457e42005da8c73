import * as E from 'fp-ts/lib/Either.js';
import type { Context } from 'hono';
import type { Actor, AuthorizationDenial, EventStore, RecordedEvent } from '@clientele/eventstore';
import { parsePosition, positionsEqual, positionToString, streamName } from '@clientele/eventstore';
import type {
  AccessLogRecorder,
  ReadPermission,
  RolePolicy,
  TeamDirectory,
} from '@clientele/domain';
import { authorize, inReadScope, outsideReadScope, readScope } from '@clientele/domain';
import type { ReadModelStore, ReadRefusal } from '@clientele/projections';
import { customerList, readAccessOn } from '@clientele/projections';
import { requestActor } from './actor.js';
import type { PageRequest } from './pagination.js';
import { nextLink, pageOf, pageRequest } from './pagination.js';
import { entityTag } from './preconditions.js';
import type { Problem } from './problem.js';
import { jsonResponse, problem, problemResponse } from './problem.js';

/** What the read routes read from. */
export interface ReadSources {
  readonly store: EventStore;
  readonly policy: RolePolicy;
  readonly teams: TeamDirectory;
  readonly readModels: ReadModelStore;
  /** Brings the read models up to the log's head before a list is read. */
  readonly caughtUp: () => Promise<void>;
  /** Where reads of people's data are put on record (the access log), ids only. */
  readonly accessLog: AccessLogRecorder;
  readonly tenantId: string;
}

/**
 * Records that `actor` read these people's data through `through`, and waits until it is on
 * record: an answer holding personal data is sent only once its read is in the access log.
 */
const recordRead = async (
  sources: ReadSources,
  actor: Actor,
  through: string,
  subjects: readonly string[],
): Promise<void> => {
  sources.accessLog.record({ actor, through, subjects, tenantId: sources.tenantId });
  await sources.accessLog.flush();
};

/** One aggregate whose current state `GET /<path>/{id}` serves. */
export interface RecordCollection {
  readonly category: string;
  readonly permission: ReadPermission;
  /** The record's state, or undefined when it does not exist. */
  readonly load: (id: string) => Promise<{ readonly ownerId: string | null } | undefined>;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Runs a read for the actor the request names, answering any problem as problem details. */
const asActor =
  (read: (c: Context, actor: Actor) => Promise<E.Either<Problem, Response>>) =>
  async (c: Context): Promise<Response> => {
    const instance = c.req.path;
    const actor = requestActor(c);
    const answer = E.isLeft(actor) ? actor : await read(c, actor.right);
    return E.isLeft(answer) ? problemResponse(answer.left, instance) : answer.right;
  };

const refused = (denial: AuthorizationDenial): Problem =>
  problem('forbidden', denial.reason, { permission: denial.permission });

const readRefused = (refusal: ReadRefusal): Problem =>
  refusal.kind === 'AuthorizationDenied'
    ? refused(refusal)
    : problem('read-model-not-ready', refusal.message);

const pageOrProblem = (c: Context): E.Either<Problem, PageRequest> =>
  E.mapLeft((errors: Problem['errors']) =>
    problem('invalid-request', 'the page asked for is not valid', { errors: errors ?? [] }),
  )(pageRequest({ limit: c.req.query('limit'), after: c.req.query('after') }));

/**
 * `GET /<path>/{id}`: the record's current state, folded from its stream, to an actor whose role
 * may read it (its permission on the record's owner); `ETag` is the stream revision to send back
 * as `If-Match`. A record that does not exist is 404, whoever asks. The read is recorded in the
 * access log (`api GET /customers/:id`, the id) before the answer goes out.
 */
export const recordRoute = (collection: RecordCollection, sources: ReadSources) =>
  asActor(async (c, actor) => {
    const id = c.req.param('id') ?? '';
    const state = await collection.load(id);
    if (state === undefined) {
      return E.left(problem('not-found', `no ${collection.category.toLowerCase()} ${id}`));
    }
    const scope = readScope(sources.policy, sources.teams, actor, collection.permission);
    if (E.isLeft(scope)) return E.left(refused(scope.left));
    if (!inReadScope(scope.right, state.ownerId)) {
      const record = `${collection.category.toLowerCase()} ${id}`;
      return E.left(refused(outsideReadScope(scope.right, actor, record, state.ownerId)));
    }
    await recordRead(sources, actor, `api GET /${collection.category.toLowerCase()}s/:id`, [id]);
    const revision = await sources.store.streamRevision(streamName(collection.category, id));
    const etag: Record<string, string> =
      typeof revision === 'bigint' ? { etag: entityTag(revision) } : {};
    return E.right(jsonResponse(200, state, etag));
  });

/**
 * `GET /customers?limit=&after=`: the customers read model, within the actor's `Customer.read`
 * scope, in pages ordered by customer id; `next` (and the `Link` header) is the next page's
 * cursor. The page's customers are recorded in the access log (`api GET /customers`) first.
 */
export const customerListRoute = (sources: ReadSources) =>
  asActor(async (c, actor) => {
    const request = pageOrProblem(c);
    if (E.isLeft(request)) return request;
    await sources.caughtUp();
    const today = new Date().toISOString().slice(0, 10);
    const access = await readAccessOn(sources.readModels, actor, today, sources.policy);
    if (E.isLeft(access)) return E.left(readRefused(access.left));
    const customers = await customerList(sources.readModels, access.right);
    if (E.isLeft(customers)) return E.left(readRefused(customers.left));
    const sorted = [...customers.right].sort((a, b) => byCodeUnits(a.customerId, b.customerId));
    const page = pageOf(sorted, (customer) => customer.customerId, request.right);
    const shown = page.items.map((customer) => customer.customerId);
    await recordRead(sources, actor, 'api GET /customers', shown);
    return E.right(jsonResponse(200, page, nextLink('/customers', page, request.right.limit)));
  });

/** An event as the log page shows it: its position as the string a cursor takes. */
const logEntry = (event: RecordedEvent) => ({
  ...event,
  position: positionToString(event.position),
});

/**
 * `GET /events?limit=&after=`: a page of the raw log in position order, for an actor with
 * `Log.audit` (the log holds every customer, so reading it is an audit). `after` is a position.
 */
export const logRoute = (sources: ReadSources) =>
  asActor(async (c, actor) => {
    const allowed = authorize(
      { policy: sources.policy, teams: sources.teams },
      actor,
      'Log.audit',
      null,
    );
    if (E.isLeft(allowed)) return E.left(refused(allowed.left));
    const request = pageOrProblem(c);
    if (E.isLeft(request)) return request;
    const { after, limit } = request.right;
    const from = after === undefined ? E.right(undefined) : parsePosition(after);
    if (E.isLeft(from)) {
      const errors = [{ field: 'after', reason: from.left }];
      return E.left(problem('invalid-request', 'the page asked for is not valid', { errors }));
    }
    const events: ReturnType<typeof logEntry>[] = [];
    const start = from.right;
    // readAll includes the event at fromPosition, which the previous page already showed.
    const read = sources.store.readAll({
      ...(start === undefined ? {} : { fromPosition: start }),
      maxCount: limit + 2,
    });
    for await (const event of read) {
      if (start !== undefined && positionsEqual(event.position, start)) continue;
      events.push(logEntry(event));
    }
    const items = events.slice(0, limit);
    const page = {
      items,
      next: events.length > limit ? (items.at(-1)?.position ?? null) : null,
    };
    return E.right(jsonResponse(200, page, nextLink('/events', page, limit)));
  });
