import type { EventStore } from '../eventStore/eventStore.js';
import type { Signer } from './signer.js';
import { END } from '../envelope/position.js';
import { SEAL_STREAM, sealLog } from './logSeal.js';

/** Options of {@link runLogSealer}. */
export interface LogSealerOptions {
  readonly store: EventStore;
  readonly signer: Signer;
  /** Seal after this many new events (seals themselves not counted); defaults to 1,000. */
  readonly everyEvents?: number;
  /** Stops the sealer. */
  readonly signal?: AbortSignal;
}

/**
 * The sealing process: follows the log live and records a seal every `everyEvents` events, until
 * `signal` aborts. Seals bound how much history an attacker with write access could rewrite
 * undetected to what came after the last one; export heads (`exportLogHead`) to close that window.
 */
export const runLogSealer = async (options: LogSealerOptions): Promise<void> => {
  const everyEvents = options.everyEvents ?? 1_000;
  const subscription = options.store.subscribeToAll({ fromPosition: END });
  const stop = (): void => {
    void subscription.stop();
  };
  options.signal?.addEventListener('abort', stop);
  try {
    let unsealed = 0;
    for await (const message of subscription) {
      if (message.kind !== 'event' || message.event.streamName === SEAL_STREAM) continue;
      unsealed += 1;
      if (unsealed >= everyEvents) {
        await sealLog(options.store, options.signer);
        unsealed = 0;
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await subscription.stop();
  }
};
