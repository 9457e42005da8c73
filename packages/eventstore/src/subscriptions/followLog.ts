import type { RecordedEvent } from '../envelope/envelope.js';
import type { LogStart, Position } from '../envelope/position.js';
import type { Subscription, SubscriptionMessage } from '../eventStore/eventStore.js';
import { END, START } from '../envelope/position.js';
import { retryWhileUnavailable } from '../eventStore/storeUnavailable.js';

/** One page of the log as an engine reads it for a subscription. */
export interface LogPage {
  /** Matching events strictly after the requested position, in order. */
  readonly events: readonly RecordedEvent[];
  /**
   * How far the read looked, matching or not: every matching event in (after, scannedTo] is in
   * `events`. Undefined only when the log is empty.
   */
  readonly scannedTo: Position | undefined;
  /** True when the page was cut by the limit, so more events may follow at once. */
  readonly full: boolean;
}

/** What an engine supplies so {@link followLog} can run a catch-up subscription on it. */
export interface LogSource {
  /** Up to `limit` filtered events after `after` (from the start when undefined). */
  readPage(after: Position | undefined, limit: number): Promise<LogPage>;
  /** The last position in the log now. */
  headPosition(): Promise<Position | undefined>;
  /**
   * Resolves once events after `after` may exist: at once if they already do, else when the engine
   * sees an append (in this process or, for shared engines, another). Resolves when `signal` aborts.
   */
  readonly waitForAppend: (after: Position | undefined, signal: AbortSignal) => Promise<void>;
}

/** Options of {@link followLog}. */
export interface FollowLogOptions {
  readonly fromPosition?: LogStart | undefined;
  /** Events read per page during catch-up; defaults to 500. */
  readonly pageSize?: number;
}

/**
 * A catch-up subscription built from an engine's page reader and append signal. Each read starts
 * strictly after the last position scanned, so the hand-over from catch-up to live has no gap and
 * no duplicate by construction. While the engine reports itself unavailable (a server restart),
 * the subscription waits and reads again from the same position, so an outage costs no event.
 */
export const followLog = (source: LogSource, options: FollowLogOptions = {}): Subscription => {
  const abort = new AbortController();
  const isAborted = (): boolean => abort.signal.aborted;
  const pageSize = options.pageSize ?? 500;
  let iterating = false;

  const available = <A>(work: () => Promise<A>): Promise<A> =>
    retryWhileUnavailable(work, abort.signal);

  async function* messages(): AsyncGenerator<SubscriptionMessage> {
    const from = options.fromPosition ?? START;
    let after: Position | undefined =
      from === START
        ? undefined
        : from === END
          ? await available(() => source.headPosition())
          : from;
    let caughtUp = false;
    while (!abort.signal.aborted) {
      const page = await available(() => source.readPage(after, pageSize));
      for (const event of page.events) {
        // `stop()` may abort while the consumer holds this generator suspended at `yield`.
        if (isAborted()) return;
        yield { kind: 'event', event };
      }
      if (page.scannedTo !== undefined) after = page.scannedTo;
      // Caught up means a read found nothing new; reading once more after a page of events also
      // picks up what was appended while that page was being handled.
      if (page.full || page.events.length > 0) continue;
      if (!caughtUp) {
        caughtUp = true;
        yield { kind: 'caughtUp', position: after };
      }
      await available(() => source.waitForAppend(after, abort.signal));
    }
  }

  const iterator = messages();
  return {
    [Symbol.asyncIterator]() {
      if (iterating) throw new Error('a subscription can be iterated only once');
      iterating = true;
      return iterator;
    },
    async stop() {
      abort.abort();
      await iterator.return(undefined);
    },
  };
};
