import type { RecordedEvent } from '../envelope/envelope.js';
import type { Position } from '../envelope/position.js';
import type { EventFilter, EventStore, Subscription } from '../eventStore/eventStore.js';
import type { CheckpointStore } from './checkpointStore.js';
import { START, comparePositions } from '../envelope/position.js';

/** Options of {@link createReactorRunner}. */
export interface ReactorOptions {
  /** Names the checkpoint; keep it stable across releases. */
  readonly name: string;
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly filter?: EventFilter;
  /**
   * Handles one event, typically by sending commands whose ids come from `deriveId(event.eventId,
   * …)`. It may see an event again after a crash (delivery is at least once), so it must be
   * idempotent; derived command ids make it so. A thrown error stops the runner.
   */
  readonly react: (event: RecordedEvent) => Promise<void>;
  /** Save the checkpoint after this many events (and whenever caught up); defaults to 100. */
  readonly checkpointEvery?: number;
}

/** How far a reactor has got. */
export interface ReactorStatus {
  readonly checkpoint: Position | undefined;
  readonly head: Position | undefined;
  /** True when nothing in the log after the checkpoint is left to process. */
  readonly caughtUp: boolean;
}

/** Runs a reactor over the global log. */
export interface ReactorRunner {
  /** Processes what is in the log now, then resolves with the number of events handled. */
  catchUp(): Promise<number>;
  /** Follows the log live; resolves when stopped, rejects if `react` throws. */
  run(): Promise<void>;
  /** Stops a live run after the event in hand and saves the checkpoint. */
  stop(): Promise<void>;
  status(): Promise<ReactorStatus>;
}

/**
 * A process manager's engine: follows the global log from a stored checkpoint and hands each event
 * to `react`. Projections reuse its checkpointing.
 */
export const createReactorRunner = (options: ReactorOptions): ReactorRunner => {
  const { name, store, checkpoints, filter } = options;
  const checkpointEvery = options.checkpointEvery ?? 100;
  let live: Subscription | undefined;

  /** Feeds events to `react` until caught up (or stopped, when `untilCaughtUp` is false). */
  const consume = async (untilCaughtUp: boolean): Promise<number> => {
    const from = await checkpoints.load(name);
    const subscription = store.subscribeToAll({
      fromPosition: from ?? START,
      ...(filter ? { filter } : {}),
    });
    if (!untilCaughtUp) live = subscription;
    let handled = 0;
    let unsaved: Position | undefined;
    const save = async (): Promise<void> => {
      if (unsaved !== undefined) await checkpoints.save(name, unsaved);
      unsaved = undefined;
    };
    try {
      for await (const message of subscription) {
        if (message.kind === 'caughtUp') {
          // The caught-up position may be past the last matching event: remember it, so a
          // filtered reactor does not rescan the events it skipped.
          if (message.position !== undefined) unsaved = message.position;
          await save();
          if (untilCaughtUp) break;
          continue;
        }
        await options.react(message.event);
        handled += 1;
        unsaved = message.event.position;
        if (handled % checkpointEvery === 0) await save();
      }
      await save();
    } finally {
      await subscription.stop();
    }
    return handled;
  };

  return {
    catchUp: () => consume(true),
    run: async () => {
      await consume(false);
    },
    stop: async () => {
      await live?.stop();
      live = undefined;
    },
    status: async () => {
      const [checkpoint, head] = await Promise.all([checkpoints.load(name), store.headPosition()]);
      const caughtUp =
        head === undefined || (checkpoint !== undefined && comparePositions(checkpoint, head) >= 0);
      return { checkpoint, head, caughtUp };
    },
  };
};
