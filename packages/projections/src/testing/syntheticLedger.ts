import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { EventStore, EventToAppend, RecordedEvent } from '@clientele/eventstore';
import type { Projection } from '../projection/projection.js';

/** A synthetic history step: money moved into an account, or between two accounts. */
export type LedgerStep =
  | { readonly kind: 'Deposited'; readonly account: number; readonly amount: number }
  | {
      readonly kind: 'Transferred';
      readonly from: number;
      readonly to: number;
      readonly amount: number;
    };

/** Random ledger histories over a handful of accounts, so documents are touched repeatedly. */
export const ledgerSteps = (maxLength = 60): fc.Arbitrary<LedgerStep[]> =>
  fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('Deposited' as const),
        account: fc.nat(5),
        amount: fc.integer({ min: 1, max: 1000 }),
      }),
      fc.record({
        kind: fc.constant('Transferred' as const),
        from: fc.nat(5),
        to: fc.nat(5),
        amount: fc.integer({ min: 1, max: 1000 }),
      }),
    ),
    { maxLength },
  );

const metadata = (n: number) => ({
  occurredAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
  actor: { id: 'synthetic', role: 'system' },
  correlationId: `synthetic-${n}`,
  causationId: null,
  commandId: `synthetic-${n}`,
  schemaVersion: 1,
});

/** The event a step appends, to the stream of the account it starts from. */
export const ledgerEvent = (
  step: LedgerStep,
  n: number,
): { stream: string; event: EventToAppend } => {
  const stream = `Account-${step.kind === 'Deposited' ? step.account : step.from}`;
  return {
    stream,
    event: { type: step.kind, data: step, eventId: randomUUID(), metadata: metadata(n) },
  };
};

/** Appends the steps one event each, in order. */
export const appendLedger = async (
  store: EventStore,
  steps: readonly LedgerStep[],
  offset = 0,
): Promise<void> => {
  for (const [i, step] of steps.entries()) {
    const { stream, event } = ledgerEvent(step, offset + i);
    await store.appendToStream(stream, [event]);
  }
};

/** A balance document: its money and how many events moved it. */
export interface Balance {
  readonly [field: string]: number;
  readonly balance: number;
  readonly movements: number;
}

const stepOf = (event: RecordedEvent): LedgerStep => event.data as LedgerStep;

/** Balances per account; a transfer touches two documents, or one when it moves to itself. */
export const balances: Projection<Balance> = {
  name: 'balances',
  version: 1,
  filter: { streamNamePrefixes: ['Account-'] },
  keysOf: (event) => {
    const step = stepOf(event);
    return step.kind === 'Deposited'
      ? [`account:${step.account}`]
      : [`account:${step.from}`, `account:${step.to}`];
  },
  initial: () => ({ balance: 0, movements: 0 }),
  apply: (doc, event, key) => {
    const step = stepOf(event);
    if (step.kind === 'Deposited')
      return { balance: doc.balance + step.amount, movements: doc.movements + 1 };
    const delta =
      (key === `account:${step.to}` ? step.amount : 0) -
      (key === `account:${step.from}` ? step.amount : 0);
    return { balance: doc.balance + delta, movements: doc.movements + 1 };
  },
};

/** Events per type: one document per type, touched by every event (a hot document). */
export const eventsPerType: Projection<{ readonly count: number }> = {
  name: 'eventsPerType',
  version: 1,
  keysOf: (event) => [`type:${event.type}`],
  initial: () => ({ count: 0 }),
  apply: (doc) => ({ count: doc.count + 1 }),
};
