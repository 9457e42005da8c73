import type { RecordedEvent } from '../envelope/envelope.js';
import type { Position } from '../envelope/position.js';
import type { EventFilter, EventStore, Subscription } from '../eventStore/eventStore.js';
import type { CheckpointStore } from './checkpointStore.js';
import { START, comparePositions } from '../envelope/position.js';
import { type Fence, FencedOutError } from '../leases/lease.js';
import { type LeaseOptions, createLeaseKeeper } from '../leases/leaseKeeper.js';
import { traceReactorDelivery } from '../telemetry/reactorSpan.js';
import type { FailurePolicy } from '../failures/failurePolicy.js';
import { withFailurePolicy } from '../failures/failurePolicy.js';
import type { ParkedEvent } from '../failures/parkedEvents.js';
import type { Logger } from '../logging/logger.js';
import { isStoreUnavailable } from '../eventStore/storeUnavailable.js';

/** How long a live run waits before resuming after the store was unavailable. */
const UNAVAILABLE_RETRY_MS = 500;

/** Options of {@link createReactorRunner}. */
export interface ReactorOptions {
  /** Names the checkpoint (and the lease); keep it stable across releases. */
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
  /**
   * Elects one active runner of this reactor across processes. Only the lease holder reacts; its
   * checkpoint saves carry the lease's fencing token, and a runner whose lease was taken steps
   * back to standby. Without it, run one runner per name yourself.
   */
  readonly lease?: LeaseOptions | undefined;
  /**
   * What to do when `react` fails: retry with backoff, then park the event and go on, or stop.
   * Without one, a failure stops the runner at once (and is logged).
   */
  readonly failurePolicy?: FailurePolicy | undefined;
  /** Where failures are written (pino's shape); silent by default. */
  readonly logger?: Logger | undefined;
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
  /**
   * Processes what is in the log now, then resolves with the number of events handled: 0 when
   * another process holds the reactor's lease.
   */
  catchUp(): Promise<number>;
  /**
   * Follows the log live; resolves when stopped, rejects if `react` throws. With a lease it stands
   * by while another process holds it and takes over when that lease expires. While the store is
   * unavailable (`StoreUnavailableError`) it waits and resumes from its saved checkpoint.
   */
  run(): Promise<void>;
  /** Stops a live run after the event in hand, saves the checkpoint and gives up the lease. */
  stop(): Promise<void>;
  status(): Promise<ReactorStatus>;
  /** Events parked by the failure policy and not retried since (empty without one). */
  parked(): Promise<readonly ParkedEvent[]>;
  /** Handles parked events again, in the order they were parked (all, or those of `eventIds`). */
  retryParked(eventIds?: readonly string[]): Promise<{ retried: number; remaining: number }>;
}

/**
 * A process manager's engine: follows the global log from a stored checkpoint and hands each event
 * to `react`. Every checkpoint save is a compare-and-set against the checkpoint the runner last
 * read or wrote, fenced by the lease when there is one, so a checkpoint never moves backwards.
 */
export const createReactorRunner = (options: ReactorOptions): ReactorRunner => {
  const { name, store, checkpoints, filter } = options;
  const checkpointEvery = options.checkpointEvery ?? 100;
  const keeper = options.lease === undefined ? undefined : createLeaseKeeper(options.lease);
  const react = withFailurePolicy(
    name,
    (event) => traceReactorDelivery(name, event, () => options.react(event)),
    options.failurePolicy,
    options.logger,
  );
  const parkedLog =
    options.failurePolicy?.whenExhausted === 'park' ? options.failurePolicy.parked : undefined;
  let live: Subscription | undefined;
  let stopped = false;
  const isStopped = (): boolean => stopped;
  let running = false;
  let wake: (() => void) | undefined;

  /** The fence for the next write; throws once the lease has lapsed, so nothing stale is done. */
  const currentFence = (): Fence | undefined => {
    if (keeper === undefined) return undefined;
    const fence = keeper.fence(name);
    if (fence === undefined) throw new FencedOutError(`the lease of reactor ${name} lapsed`);
    return fence;
  };

  /** Whether this runner may work: always without a lease, else when it holds (or takes) it. */
  const holdsLease = async (): Promise<boolean> =>
    keeper === undefined || (await keeper.acquire(name)) !== undefined;

  const subscribeFrom = (saved: Position | undefined): Subscription =>
    store.subscribeToAll({ fromPosition: saved ?? START, ...(filter ? { filter } : {}) });

  /** Stops the subscription when the lease is lost; returns how to stop listening. */
  const stopOnLeaseLost = (subscription: Subscription): (() => void) =>
    keeper === undefined
      ? () => undefined
      : keeper.onLost((lost) => {
          if (lost === name) void subscription.stop();
        });

  /**
   * Another runner took over: what it does from its checkpoint is the truth; step back. An error
   * from `react` after the lease lapsed is that runner's concern too.
   */
  const steppedBack = (error: unknown): boolean =>
    error instanceof FencedOutError || (keeper !== undefined && keeper.fence(name) === undefined);

  /** Feeds events to `react` until caught up (or stopped, or the lease is lost). */
  const consume = async (untilCaughtUp: boolean): Promise<number> => {
    if (!(await holdsLease())) return 0;
    let saved = await checkpoints.load(name);
    const subscription = subscribeFrom(saved);
    if (!untilCaughtUp) live = subscription;
    if (stopped && !untilCaughtUp) await subscription.stop();
    const unlisten = stopOnLeaseLost(subscription);
    let handled = 0;
    let unsaved: Position | undefined;
    const save = async (): Promise<void> => {
      if (unsaved === undefined) return;
      const fence = currentFence();
      await checkpoints.save(name, unsaved, { expected: saved, ...(fence ? { fence } : {}) });
      saved = unsaved;
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
        currentFence();
        await react(message.event);
        handled += 1;
        unsaved = message.event.position;
        if (handled % checkpointEvery === 0) await save();
      }
      await save();
    } catch (error) {
      if (!steppedBack(error)) throw error;
    } finally {
      unlisten();
      await subscription.stop();
    }
    return handled;
  };

  /** Hands a parked event to `react` again; 1 when it went through (and is marked retried). */
  const redeliver = async (parked: ParkedEvent): Promise<number> => {
    let retried = 0;
    const from = { fromRevision: parked.streamRevision, maxCount: 1 };
    for await (const event of store.readStream(parked.streamName, from)) {
      try {
        await traceReactorDelivery(name, event, () => options.react(event));
      } catch (error) {
        options.logger?.warn(
          { runner: name, eventId: event.eventId, err: error },
          'retry of a parked event failed',
        );
        continue;
      }
      await parkedLog?.markRetried(parked.eventId);
      retried += 1;
    }
    return retried;
  };

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  return {
    catchUp: () => consume(true),
    run: async () => {
      stopped = false;
      running = true;
      try {
        // `stop()` flips the flag while this loop awaits; read it through a call, not a narrowed local.
        while (!isStopped()) {
          try {
            await consume(false);
          } catch (error) {
            // The store went away (a restart): resume from the saved checkpoint once it is
            // back. Reactions are idempotent, so an event handled again changes nothing.
            if (!isStoreUnavailable(error)) throw error;
            // `stop` cuts the pause short.
            await pause(UNAVAILABLE_RETRY_MS);
            continue;
          }
          if (keeper === undefined) break;
          if (!isStopped()) await pause(keeper.retryMs);
        }
      } finally {
        running = false;
        // After the last save, so a standby takes over from the final checkpoint at once.
        await keeper?.releaseAll();
      }
    },
    stop: async () => {
      stopped = true;
      wake?.();
      await live?.stop();
      live = undefined;
      if (!running) await keeper?.releaseAll();
    },
    parked: async () => (await parkedLog?.list()) ?? [],
    retryParked: async (eventIds) => {
      const wanted = eventIds === undefined ? undefined : new Set(eventIds);
      let retried = 0;
      for (const parked of (await parkedLog?.list()) ?? []) {
        if (wanted !== undefined && !wanted.has(parked.eventId)) continue;
        retried += await redeliver(parked);
      }
      return { retried, remaining: ((await parkedLog?.list()) ?? []).length };
    },
    status: async () => {
      const [checkpoint, head] = await Promise.all([checkpoints.load(name), store.headPosition()]);
      const caughtUp =
        head === undefined || (checkpoint !== undefined && comparePositions(checkpoint, head) >= 0);
      return { checkpoint, head, caughtUp };
    },
  };
};
