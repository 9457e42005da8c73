import fc from 'fast-check';
import * as t from 'io-ts';
import {
  CampaignEvent,
  CommissionEvent,
  CustomerEvent,
  InvoiceEvent,
  LeadEvent,
  OpportunityEvent,
  SalesOrganizationEvent,
  TicketEvent,
} from '@clientele/domain';
import { generateSalesHistory } from '@clientele/domain/history';
import { type RecordedEvent, createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { appendHistory } from '../testing/domainHistory.js';
import {
  campaignHistories,
  commissionHistories,
  invoiceHistories,
  ticketHistories,
} from '../testing/serviceAndFinanceEvents.js';
import { REJECTED, compileDecoder } from './compiledDecoder.js';

const unions: Record<string, t.Mixed> = {
  Campaign: CampaignEvent,
  Commission: CommissionEvent,
  Customer: CustomerEvent,
  Invoice: InvoiceEvent,
  Lead: LeadEvent,
  Opportunity: OpportunityEvent,
  SalesOrganization: SalesOrganizationEvent,
  Ticket: TicketEvent,
};

/** What io-ts says and what the compiled decoder says, in the same shape. */
const bothOf = (codec: t.Mixed, value: unknown) => {
  const decoded = codec.decode(value);
  const compiled = compileDecoder(codec)(value);
  return {
    io: decoded._tag === 'Right' ? { ok: decoded.right as unknown } : 'rejected',
    compiled: compiled === REJECTED ? 'rejected' : { ok: compiled },
  };
};

const expectSameAsIoTs = (codec: t.Mixed, value: unknown): void => {
  const { io, compiled } = bothOf(codec, value);
  // toStrictEqual: a field io-ts sets to undefined must be there too.
  expect(compiled).toStrictEqual(io);
};

const sampleOf = <T>(arbitrary: fc.Arbitrary<T[]>, seed: number): T[] =>
  fc.sample(arbitrary, { seed, numRuns: 1 })[0] ?? [];

const domainEvents = async (seed: number): Promise<RecordedEvent[]> => {
  const store = createInMemoryEventStore();
  await generateSalesHistory(store, seed, 150);
  await appendHistory(store, [
    ...sampleOf(campaignHistories(), seed),
    ...sampleOf(invoiceHistories(), seed),
    ...sampleOf(ticketHistories(), seed),
    ...sampleOf(commissionHistories(), seed),
  ]);
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
};

const unionOf = (event: RecordedEvent): t.Mixed | undefined =>
  unions[event.streamName.slice(0, event.streamName.indexOf('-'))];

/** Every path into a JSON value, as lists of keys. */
const pathsOf = (value: unknown, path: readonly string[] = []): (readonly string[])[] =>
  typeof value === 'object' && value !== null
    ? [path, ...Object.entries(value).flatMap(([key, inner]) => pathsOf(inner, [...path, key]))]
    : [path];

/** A copy of `value` with the field at `path` replaced (or left out, for `undefined`). */
const replaced = (value: unknown, path: readonly string[], by: unknown): unknown => {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) {
    return value.map((item, i) => (String(i) === head ? replaced(item, rest, by) : item));
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return Object.fromEntries(
    rest.length === 0 && by === undefined
      ? entries.filter(([key]) => key !== head)
      : entries.map(([key, inner]) => [key, key === head ? replaced(inner, rest, by) : inner]),
  );
};

describe('a compiled decoder', () => {
  it('gives what io-ts gives for every event of generated domain histories', async () => {
    for (const seed of [1, 2, 3]) {
      const events = await domainEvents(seed);
      expect(events.length).toBeGreaterThan(100);
      for (const event of events) {
        const union = unionOf(event);
        if (union !== undefined) expectSameAsIoTs(union, { type: event.type, data: event.data });
      }
    }
  });

  it('rejects what io-ts rejects and gives what io-ts gives for events with a field changed', async () => {
    const events = (await domainEvents(4)).filter((event) => unionOf(event) !== undefined);
    const odd = fc.oneof(
      fc.anything(),
      fc.constant(undefined),
      fc.constant(null),
      fc.string().map((s) => `  ${s} `),
      fc.integer(),
      fc.constantFrom('', ' ', 'EUR', '2026-02-30', '2026-01-01', 'open', 'prospecting'),
    );
    fc.assert(
      fc.property(fc.nat(events.length - 1), fc.nat(), odd, (which, where, by) => {
        const event = events[which] as RecordedEvent;
        const value = { type: event.type, data: event.data };
        const paths = pathsOf(value);
        const path = paths[where % paths.length] as readonly string[];
        expectSameAsIoTs(unionOf(event) as t.Mixed, replaced(value, path, by));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps what custom codecs make of a value, copying only the objects that change', () => {
    const Trimmed = new t.Type<string, string, unknown>(
      'Trimmed',
      (u): u is string => typeof u === 'string',
      (u, c) => (typeof u === 'string' ? t.success(u.trim()) : t.failure(u, c)),
      (s) => s,
    );
    const codec = t.type({ name: Trimmed, tags: t.array(Trimmed), kept: t.type({ id: t.string }) });
    const value = { name: ' Ada ', tags: ['a', ' b'], kept: { id: 'k' } };
    const decoded = compileDecoder(codec)(value) as t.TypeOf<typeof codec>;
    expect(decoded).toStrictEqual({ name: 'Ada', tags: ['a', 'b'], kept: { id: 'k' } });
    expect(value).toStrictEqual({ name: ' Ada ', tags: ['a', ' b'], kept: { id: 'k' } });
    expect(decoded.kept).toBe(value.kept);
    const untouched = { name: 'Ada', tags: [], kept: { id: 'k' } };
    expect(compileDecoder(codec)(untouched)).toBe(untouched);
    // Stored JSON may hold a `__proto__` key: copied the way io-ts copies (assignment).
    const parsed: unknown = JSON.parse(
      '{"name":" Ada ","tags":[],"kept":{"id":"k"},"__proto__":{"x":1}}',
    );
    const { io, compiled } = bothOf(codec, parsed);
    expect(Object.getPrototypeOf((compiled as { ok: object }).ok)).toBe(
      Object.getPrototypeOf((io as { ok: object }).ok),
    );
    expect(Object.keys((compiled as { ok: object }).ok)).toEqual(
      Object.keys((io as { ok: object }).ok),
    );
  });

  it('follows io-ts on missing fields, unions, intersections and refinements', () => {
    const cases: [t.Mixed, unknown][] = [
      [t.type({ a: t.union([t.string, t.undefined]) }), {}],
      [t.type({ a: t.string }), {}],
      [t.partial({ a: t.string }), { a: undefined }],
      [t.partial({ a: t.string }), { a: 1 }],
      [t.union([t.number, t.string]), 'x'],
      [
        t.union([t.type({ k: t.literal('a') }), t.type({ k: t.literal('b'), n: t.number })]),
        { k: 'b', n: 1 },
      ],
      [t.union([t.type({ k: t.literal('a') }), t.type({ k: t.literal('b') })]), { k: 'c' }],
      [
        t.intersection([t.type({ a: t.string }), t.partial({ b: t.number })]),
        { a: 'x', b: 2, c: 3 },
      ],
      [t.intersection([t.type({ a: t.string }), t.partial({ b: t.number })]), { a: 'x', b: 'y' }],
      [
        t.brand(
          t.number,
          (n): n is t.Branded<number, { readonly Int: unique symbol }> => Number.isInteger(n),
          'Int',
        ),
        1.5,
      ],
      [t.readonlyArray(t.keyof({ x: null, y: null })), ['x', 'y']],
      [t.readonlyArray(t.keyof({ x: null, y: null })), ['x', 'z']],
      [t.record(t.string, t.number), { a: 1 }],
      [t.tuple([t.string, t.number]), ['a', 1]],
      [t.exact(t.type({ a: t.string })), { a: 'x', extra: true }],
      [t.type({ a: t.null }), { a: null }],
      [t.type({ a: t.unknown }), []],
    ];
    for (const [codec, value] of cases) expectSameAsIoTs(codec, value);
  });
});
