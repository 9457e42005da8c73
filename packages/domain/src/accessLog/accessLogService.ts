import * as E from 'fp-ts/lib/Either.js';
import type { Actor, CommandAuthorizer, EventStore } from '@clientele/eventstore';
import {
  DecodeError,
  SYSTEM_ROLE,
  createCommandHandler,
  isSystemActor,
  streamName,
} from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import type { AccessLogCommandInput } from './commands.js';
import { AccessLogCommand } from './commands.js';
import type { AccessLogState } from './decide.js';
import { accessLogDecider } from './decide.js';
import { PersonalDataRead } from './events.js';

/** Options of {@link createAccessLogService}. */
export interface AccessLogServiceOptions {
  /** Who may record reads: give it {@link recordsOwnReads}. */
  readonly authorize: CommandAuthorizer<AccessLogCommand, AccessLogState>;
  readonly newEventId?: () => string;
}

/** The access log's write side: one record per read, as the reader. */
export type AccessLogService = CommandEntry<
  PersonalDataRead,
  AccessLogState,
  never,
  AccessLogCommandInput
>;

/**
 * The access log's authorizer: a read is recorded as the actor who made it (the context's
 * actor), so recording grants nothing and anyone may record their own reads; only a `system`
 * actor that states no reason is refused, as everywhere.
 */
export const recordsOwnReads =
  (): CommandAuthorizer<AccessLogCommand, AccessLogState> =>
  (_command, _state, { actor }) =>
    actor.role !== SYSTEM_ROLE || isSystemActor(actor)
      ? E.right(undefined)
      : E.left({
          kind: 'AuthorizationDenied',
          permission: 'System.work',
          actorId: actor.id,
          role: actor.role,
          reason: 'system work must state its reason',
        });

/** The entry point of the access log: records reads of personal data, ids only. */
export const createAccessLogService = (
  store: EventStore,
  options: AccessLogServiceOptions,
): AccessLogService =>
  createCommandEntry(
    AccessLogCommand,
    createCommandHandler({
      store,
      decider: accessLogDecider,
      eventCodec: PersonalDataRead,
      streamName: (command) => streamName('AccessLog', command.readId),
      authorize: options.authorize,
      newEventId: options.newEventId,
    }),
  );

/** One recorded read, as an auditor sees it. */
export interface RecordedRead {
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly through: string;
  readonly subjects: readonly string[];
}

/** What to look for in the access log; every part optional. */
export interface ReadFilter {
  readonly actorId?: string;
  readonly subjectId?: string;
  /** ISO-8601 instants, inclusive. */
  readonly since?: string;
  readonly until?: string;
}

const matches = (read: RecordedRead, filter: ReadFilter): boolean => {
  const at = new Date(read.occurredAt).toISOString();
  return (
    (filter.actorId === undefined || read.actor.id === filter.actorId) &&
    (filter.subjectId === undefined || read.subjects.includes(filter.subjectId)) &&
    (filter.since === undefined || at >= filter.since) &&
    (filter.until === undefined || at <= filter.until)
  );
};

/**
 * The recorded reads that match `filter`, in log order: "who looked at this customer?"
 * (`subjectId`), "what did this rep look at last week?" (`actorId`, `since`, `until`).
 */
export async function* recordedReads(
  store: EventStore,
  filter: ReadFilter,
): AsyncIterable<RecordedRead> {
  for await (const event of store.readAll({ filter: { eventTypes: ['PersonalDataRead'] } })) {
    const decoded = PersonalDataRead.decode({ type: event.type, data: event.data });
    if (E.isLeft(decoded)) throw new DecodeError(`PersonalDataRead ${event.eventId}`, decoded.left);
    const read = {
      occurredAt: event.metadata.occurredAt,
      actor: event.metadata.actor,
      through: decoded.right.data.through,
      subjects: decoded.right.data.subjects,
    };
    if (matches(read, filter)) yield read;
  }
}
