import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { Context } from 'hono';
import type {
  AuthorizationDenial,
  CommandContext,
  CommandOutcome,
  EventStore,
  WrongExpectedRevision,
} from '@clientele/eventstore';
import type { InvalidCommand } from '@clientele/domain';
import { parseJson, streamName } from '@clientele/eventstore';
import { requestActor } from './actor.js';
import { decodeCommandBody, oneReasonPerField } from './commandFields.js';
import type { Precondition, PreconditionedStore } from './preconditions.js';
import { entityTag, ifMatchRevision } from './preconditions.js';
import type { FieldError, Problem } from './problem.js';
import { jsonResponse, problem, problemResponse } from './problem.js';

/** What the route needs of an aggregate's entry point (`createCustomerService`, `createLeadService`). */
export interface CommandEntryPoint {
  handle(
    input: unknown,
    context: CommandContext,
  ): Promise<E.Either<{ readonly kind: string }, CommandOutcome<unknown, unknown>>>;
}

/** One aggregate served at `POST /<path>/{id}/commands`. */
export interface CommandCollection {
  /** `customers`. */
  readonly path: string;
  /** The stream category, `Customer`. */
  readonly category: string;
  /** The command field the path's id fills, `customerId`. */
  readonly idField: string;
  readonly commands: t.UnionType<t.Mixed[]>;
  readonly entry: CommandEntryPoint;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a command request says besides its body, or every header that is wrong. */
const requestHeaders = (c: Context) => {
  const errors: FieldError[] = [];
  const actor = requestActor(c);
  if (E.isLeft(actor)) errors.push(...(actor.left.errors ?? []));
  const key = c.req.header('idempotency-key');
  if (key === undefined || !UUID.test(key)) {
    errors.push({ field: 'Idempotency-Key', reason: 'required: a uuid, the same on every retry' });
  }
  const ifMatch = ifMatchRevision(c.req.header('if-match'));
  if (E.isLeft(ifMatch)) errors.push({ field: 'If-Match', reason: ifMatch.left });
  return E.isRight(actor) && key !== undefined && E.isRight(ifMatch) && errors.length === 0
    ? E.right({ actor: actor.right, commandId: key, revision: ifMatch.right })
    : E.left(errors);
};

/** The body with the path's id in its id field; a different id in the body is an error. */
const bodyFor = async (
  c: Context,
  idField: string,
  id: string,
): Promise<E.Either<FieldError[], unknown>> => {
  const parsed = parseJson(await c.req.text());
  if (E.isLeft(parsed)) return E.left([{ field: '(body)', reason: `not JSON: ${parsed.left}` }]);
  const body = parsed.right;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return E.right(body);
  const given = (body as Record<string, unknown>)[idField];
  if (given !== undefined && given !== id) {
    return E.left([{ field: idField, reason: `must be the id in the path, ${id}` }]);
  }
  return E.right({ ...body, [idField]: id });
};

/** The failures of the entry point itself, as opposed to the aggregate's own rule errors. */
type EntryPointFailure =
  | InvalidCommand
  | { readonly kind: 'Forbidden'; readonly denial: AuthorizationDenial }
  | { readonly kind: 'Conflict'; readonly conflict: WrongExpectedRevision };

const ENTRY_POINT_FAILURES: ReadonlySet<string> = new Set([
  'InvalidCommand',
  'Forbidden',
  'Conflict',
]);

const isEntryPointFailure = (failure: { readonly kind: string }): failure is EntryPointFailure =>
  ENTRY_POINT_FAILURES.has(failure.kind);

/** Why a command appended nothing, as a problem. */
const failureProblem = async (
  failure: { readonly kind: string },
  stream: string,
  precondition: Precondition | undefined,
  store: EventStore,
): Promise<Problem> => {
  const revision = await store.streamRevision(stream);
  const current = typeof revision === 'bigint' ? { currentRevision: revision.toString() } : {};
  if (!isEntryPointFailure(failure)) {
    return problem('rule-refused', `${failure.kind}: the command was refused`, {
      refusal: failure,
      ...current,
    });
  }
  switch (failure.kind) {
    case 'InvalidCommand':
      return problem('invalid-request', 'the command does not decode', {
        errors: oneReasonPerField(failure.problems),
      });
    case 'Forbidden':
      return problem('forbidden', failure.denial.reason, {
        permission: failure.denial.permission,
      });
    case 'Conflict':
      // With If-Match, the store refuses every append to a stream past that revision.
      return precondition?.streamName === failure.conflict.streamName
        ? problem(
            'precondition-failed',
            `If-Match names revision ${precondition.revision}`,
            current,
          )
        : problem('concurrent-writers', failure.conflict.message, current);
  }
};

/** The request decoded: its headers and its body, or every field of either that is wrong. */
const decodeRequest = async (c: Context, collection: CommandCollection, id: string) => {
  const headers = requestHeaders(c);
  const body = await bodyFor(c, collection.idField, id);
  const decoded = E.isRight(body)
    ? decodeCommandBody(collection.commands, body.right)
    : E.left(body.left);
  if (E.isLeft(headers) || E.isLeft(body) || E.isLeft(decoded)) {
    return E.left([
      ...(E.isLeft(headers) ? headers.left : []),
      ...(E.isLeft(decoded) ? decoded.left : []),
    ]);
  }
  return E.right({ ...headers.right, body: body.right });
};

/** Where a command goes: the request's path (a problem's `instance`), its stream, its If-Match. */
interface CommandTarget {
  readonly instance: string;
  readonly stream: string;
  readonly precondition: Precondition | undefined;
}

/** The answer to an accepted command: the stream's revision after it, with its `ETag`. */
const acceptedResponse = async (
  outcome: CommandOutcome<unknown, unknown>,
  { instance, stream, precondition }: CommandTarget,
  store: EventStore,
): Promise<Response> => {
  const { appended, duplicate, events, state } = outcome;
  const after =
    appended === undefined
      ? await store.streamRevision(stream)
      : BigInt(appended.nextExpectedRevision);
  // A command that changed nothing appended nothing for the store to check the revision on.
  if (precondition !== undefined && appended === undefined && after !== precondition.revision) {
    const current = typeof after === 'bigint' ? { currentRevision: after.toString() } : {};
    return problemResponse(
      problem('precondition-failed', `If-Match names revision ${precondition.revision}`, current),
      instance,
    );
  }
  return jsonResponse(
    200,
    { streamName: stream, revision: after, duplicate, events, state },
    {
      ...(typeof after === 'bigint' ? { etag: entityTag(after) } : {}),
      ...(duplicate ? { 'idempotent-replayed': 'true' } : {}),
    },
  );
};

/**
 * `POST /<path>/{id}/commands`: decodes the body as one of the aggregate's commands and sends it
 * through the entry point. `Idempotency-Key` is the command id, so a retry answers with the first
 * result and writes nothing (`Idempotent-Replayed: true`); `If-Match` is the stream revision the
 * client saw, and a stream that moved on answers 412. Every answer carries the stream's `ETag`.
 */
export const commandRoute =
  (collection: CommandCollection, preconditioned: PreconditionedStore) =>
  async (c: Context): Promise<Response> => {
    const instance = c.req.path;
    const id = c.req.param('id') ?? '';
    const stream = streamName(collection.category, id);
    const request = await decodeRequest(c, collection, id);
    if (E.isLeft(request)) {
      return problemResponse(
        problem('invalid-request', 'the request does not decode', { errors: request.left }),
        instance,
      );
    }
    const { actor, commandId, revision, body } = request.right;
    const precondition = revision === undefined ? undefined : { streamName: stream, revision };
    const context = { commandId, actor, occurredAt: new Date().toISOString() };
    const outcome = await preconditioned.within(precondition, () =>
      collection.entry.handle(body, context),
    );
    const store = preconditioned.store;
    if (E.isLeft(outcome)) {
      return problemResponse(
        await failureProblem(outcome.left, stream, precondition, store),
        instance,
      );
    }
    return acceptedResponse(outcome.right, { instance, stream, precondition }, store);
  };
