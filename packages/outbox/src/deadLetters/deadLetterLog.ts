import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@clientele/eventstore';
import { formatValidationErrors } from '@clientele/eventstore';
import { IntegrationMessage } from '../integrationEvents/integrationMessage.js';

/** A message the outbox could not deliver, kept until it is replayed. */
export interface DeadLetter {
  readonly message: IntegrationMessage;
  readonly reason: string;
  readonly attempts: number;
  readonly deadLetteredAt: string;
}

const DeadLettered = t.type({
  type: t.literal('OutboxMessageDeadLettered'),
  data: t.type({ message: IntegrationMessage, reason: t.string, attempts: t.number }),
});
const Replayed = t.type({
  type: t.literal('OutboxMessageReplayed'),
  data: t.type({ messageId: t.string }),
});
const DeadLetterEvent = t.union([DeadLettered, Replayed]);

/** The dead letters of one delivery target, kept in the event store itself. */
export interface DeadLetterLog {
  /** Reads the stream; call once before the others. */
  load(): Promise<void>;
  /** Every message not yet replayed, in the order it was dead-lettered. */
  list(): readonly DeadLetter[];
  /** Whether `streamName` has a message waiting: later ones of that stream must wait too. */
  isBlocked(streamName: string): boolean;
  add(message: IntegrationMessage, reason: string, attempts: number): Promise<void>;
  markReplayed(messageId: string): Promise<void>;
}

/** Options of {@link createDeadLetterLog}. */
export interface DeadLetterLogOptions {
  /** Where the dead letters are appended: pass the hash-chained store if the log is chained. */
  readonly store: EventStore;
  readonly targetName: string;
  /** Business time of a record; defaults to the system clock. */
  readonly now?: () => string;
}

/**
 * The dead-letter queue of a target as a stream, `OutboxDeadLetters-<target>`: durable on every
 * engine, with the same audit trail as any event (who dead-lettered what, when, why, and when it
 * was replayed). Nothing is removed; a replay is recorded.
 */
export const createDeadLetterLog = (options: DeadLetterLogOptions): DeadLetterLog => {
  const streamName = `OutboxDeadLetters-${options.targetName}`;
  const now = options.now ?? (() => new Date().toISOString());
  const pending = new Map<string, DeadLetter>();
  const record = async (event: t.TypeOf<typeof DeadLetterEvent>, at: string): Promise<void> => {
    const commandId = uuidv7();
    const appended = await options.store.appendToStream(streamName, [
      {
        ...event,
        eventId: uuidv7(),
        metadata: {
          occurredAt: at,
          actor: { id: `outbox:${options.targetName}`, role: 'system' },
          correlationId: commandId,
          causationId: null,
          commandId,
          schemaVersion: 1,
        },
      },
    ]);
    if (E.isLeft(appended)) throw new Error(`cannot record in ${streamName}: conflict`);
  };
  return {
    load: async () => {
      pending.clear();
      for await (const stored of options.store.readStream(streamName)) {
        const decoded = DeadLetterEvent.decode({ type: stored.type, data: stored.data });
        if (E.isLeft(decoded)) {
          throw new TypeError(
            `${streamName}@${String(stored.streamRevision)}: ${formatValidationErrors(decoded.left).join('; ')}`,
          );
        }
        const event = decoded.right;
        if (event.type === 'OutboxMessageReplayed') pending.delete(event.data.messageId);
        else
          pending.set(event.data.message.messageId, {
            ...event.data,
            deadLetteredAt: stored.metadata.occurredAt,
          });
      }
    },
    list: () => [...pending.values()],
    isBlocked: (name) => [...pending.values()].some((letter) => letter.message.streamName === name),
    add: async (message, reason, attempts) => {
      if (pending.has(message.messageId)) return;
      const at = now();
      await record({ type: 'OutboxMessageDeadLettered', data: { message, reason, attempts } }, at);
      pending.set(message.messageId, { message, reason, attempts, deadLetteredAt: at });
    },
    markReplayed: async (messageId) => {
      if (!pending.has(messageId)) return;
      await record({ type: 'OutboxMessageReplayed', data: { messageId } }, now());
      pending.delete(messageId);
    },
  };
};
