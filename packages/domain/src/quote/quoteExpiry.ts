import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import {
  createInMemoryCheckpointStore,
  createReactorRunner,
  deriveId,
} from '@clientele/eventstore';
import { QuoteEvent } from './events.js';
import type { QuoteService } from './quoteService.js';

/** Where the expiry reactor learns the day: the only place that reads a clock. */
export interface QuoteClockPort {
  /** Today, `YYYY-MM-DD`, in the tenant's time zone. */
  today(): string;
}

/** Options of {@link createQuoteExpiry}. */
export interface QuoteExpiryOptions {
  readonly store: EventStore;
  readonly quotes: QuoteService;
  readonly clock: QuoteClockPort;
  /** The name the reactor reads the log under; defaults to `quote-expiry`. */
  readonly name?: string;
}

/** Follows quotes and expires those whose validity has run out. */
export interface QuoteExpiry {
  /** Reads Quote events up to the head of the log. */
  catchUp(): Promise<number>;
  /** Expires every open quote valid until before the clock's day; answers how many. */
  expireDue(): Promise<number>;
}

/** An open quote as the reactor follows it: its validity, and the event of its current version. */
interface OpenQuote {
  readonly validUntil: string;
  readonly versionEventId: string;
  readonly tenantId: string | undefined;
}

const follow = (open: Map<string, OpenQuote>, recorded: RecordedEvent): void => {
  const decoded = QuoteEvent.decode({ type: recorded.type, data: recorded.data });
  if (E.isLeft(decoded)) return;
  const event = decoded.right;
  const { quoteId } = event.data;
  if (event.type === 'QuoteDrafted' || event.type === 'QuoteRevised') {
    const { validUntil } = event.data;
    open.set(quoteId, {
      validUntil,
      versionEventId: recorded.eventId,
      tenantId: recorded.metadata.tenantId,
    });
  }
  if (
    event.type === 'QuoteAccepted' ||
    event.type === 'QuoteRejected' ||
    event.type === 'QuoteExpired'
  ) {
    open.delete(quoteId);
  }
};

/**
 * The quote expiry reactor: it follows Quote events and, once the clock port's day is after a
 * draft's or sent quote's `validUntil`, sends `ExpireQuote`, a command recorded like any other.
 * Its id derives from the event of the quote's current version, so asking again, after a restart
 * or on another node, expires nothing twice, and a quote revised in the meantime is judged by its
 * new validity.
 */
export const createQuoteExpiry = (options: QuoteExpiryOptions): QuoteExpiry => {
  const open = new Map<string, OpenQuote>();
  const runner = createReactorRunner({
    name: options.name ?? 'quote-expiry',
    store: options.store,
    // Open quotes are kept in memory, so each start reads Quote events from the beginning.
    checkpoints: createInMemoryCheckpointStore(),
    filter: { streamNamePrefixes: ['Quote-'] },
    react: async (recorded) => {
      follow(open, recorded);
    },
  });

  const expireDue = async (): Promise<number> => {
    const today = options.clock.today();
    let expired = 0;
    for (const [quoteId, quote] of open) {
      if (today <= quote.validUntil) continue;
      const result = await options.quotes.handle(
        { kind: 'ExpireQuote', quoteId, today },
        {
          commandId: deriveId(quote.versionEventId, 'expire-quote'),
          actor: { id: 'reactor:quote-expiry', role: 'system' },
          occurredAt: `${today}T00:00:00.000Z`,
          causationId: quote.versionEventId,
          ...(quote.tenantId === undefined ? {} : { tenantId: quote.tenantId }),
        },
      );
      if (E.isRight(result) && result.right.events.length > 0) expired += 1;
    }
    return expired;
  };

  return { catchUp: () => runner.catchUp(), expireDue };
};
