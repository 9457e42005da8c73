import * as t from 'io-ts';
import type { AppendResult } from '@clientele/eventstore';
import { BigIntFromString, position } from '@clientele/eventstore';

/** A writer has taken the command id and is about to append these events to this stream. */
export const CommandClaimed = t.type({
  type: t.literal('CommandClaimed'),
  data: t.type({ streamName: t.string, eventIds: t.array(t.string), claimedAt: t.number }),
});

/** The claimed append was rejected (wrong expected revision): the command id is free again. */
export const CommandReleased = t.type({ type: t.literal('CommandReleased'), data: t.type({}) });

/** The claimed append was written: its result, returned to every later attempt. */
export const CommandCompleted = t.type({
  type: t.literal('CommandCompleted'),
  data: t.type({
    streamName: t.string,
    firstRevision: BigIntFromString,
    nextExpectedRevision: BigIntFromString,
    commit: BigIntFromString,
    prepare: BigIntFromString,
    eventIds: t.array(t.string),
  }),
});

/** One event of a command stream `ClienteleCommand-<commandId>`. */
export const CommandRecord = t.union([CommandClaimed, CommandReleased, CommandCompleted]);
/** One event of a command stream. */
export type CommandRecord = t.TypeOf<typeof CommandRecord>;

/** What a command stream says about its command id, and the revision to append after. */
export type CommandState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'free'; readonly revision: bigint }
  | {
      readonly kind: 'claimed';
      readonly revision: bigint;
      readonly claim: t.TypeOf<typeof CommandClaimed>['data'];
    }
  | { readonly kind: 'completed'; readonly result: AppendResult };

/** Folds a command stream's records (oldest first) into its state. */
export const commandState = (records: readonly CommandRecord[]): CommandState =>
  records.reduce<CommandState>(
    (state, record, index) => {
      const revision = BigInt(index);
      switch (record.type) {
        case 'CommandClaimed':
          return state.kind === 'completed'
            ? state
            : { kind: 'claimed', revision, claim: record.data };
        case 'CommandReleased':
          return state.kind === 'completed' ? state : { kind: 'free', revision };
        case 'CommandCompleted': {
          const { commit, prepare, ...result } = record.data;
          return {
            kind: 'completed',
            result: { ...result, position: position(commit, prepare), duplicate: false },
          };
        }
      }
    },
    { kind: 'unknown' },
  );

/** The record of a completed append, as it is stored. */
export const completedRecord = (result: AppendResult): t.OutputOf<typeof CommandCompleted> =>
  CommandCompleted.encode({
    type: 'CommandCompleted',
    data: {
      streamName: result.streamName,
      firstRevision: result.firstRevision,
      nextExpectedRevision: result.nextExpectedRevision,
      commit: result.position.commit,
      prepare: result.position.prepare,
      eventIds: [...result.eventIds],
    },
  });
