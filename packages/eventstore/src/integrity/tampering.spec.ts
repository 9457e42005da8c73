import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../envelope/envelope.js';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { testEvent } from '../testing/contract/fixtures.js';
import { tamperedView } from '../testing/tamperedView.js';
import { eventHash } from './eventHash.js';
import { withHashChain } from './hashChainedEventStore.js';
import { exportLogHead, sealLog } from './logSeal.js';
import { runLogSealer } from './logSealer.js';
import { createHmacSigner } from './signer.js';
import { verifyLog } from './verifyLog.js';

const signer = createHmacSigner('audit', new Uint8Array(32).fill(3));

/** 30 events over 4 streams, sealed after 10 and 20, and a head exported at the end. */
const history = async () => {
  const store = withHashChain(createInMemoryEventStore());
  for (let n = 0; n < 30; n += 1) {
    await store.appendToStream(`Lead-${n % 4}`, [
      testEvent('LeadTouched', { n, note: `call ${n}` }),
    ]);
    if (n === 9 || n === 19) await sealLog(store, signer);
  }
  const head = await exportLogHead(store, signer);
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return { store, head, size: events.length };
};

/** Recomputes every stream chain, as an attacker with write access but no signing key would. */
const rechain = (events: RecordedEvent[]): RecordedEvent[] => {
  const heads = new Map<string, string | null>();
  const revisions = new Map<string, bigint>();
  return events.map((event) => {
    const streamRevision = revisions.get(event.streamName) ?? 0n;
    revisions.set(event.streamName, streamRevision + 1n);
    const chain = eventHash(
      event,
      event.streamName,
      streamRevision,
      heads.get(event.streamName) ?? null,
    );
    heads.set(event.streamName, chain);
    return { ...event, streamRevision, metadata: { ...event.metadata, chain } };
  });
};

type Tampering = (events: RecordedEvent[]) => RecordedEvent[];

const tamperings = (size: number): fc.Arbitrary<{ name: string; tamper: Tampering }> => {
  const index = fc.integer({ min: 0, max: size - 1 });
  const edit =
    (i: number, change: (e: RecordedEvent) => RecordedEvent): Tampering =>
    (events) =>
      events.map((e, j) => (j === i ? change(e) : e));
  return fc.oneof(
    index.map((i) => ({
      name: `change data of #${i}`,
      tamper: edit(i, (e) => ({ ...e, data: { ...(e.data as object), n: -1 } })),
    })),
    index.map((i) => ({
      name: `change actor of #${i}`,
      tamper: edit(i, (e) => ({
        ...e,
        metadata: { ...e.metadata, actor: { id: 'intruder', role: 'administrator' } },
      })),
    })),
    index.map((i) => ({
      name: `delete #${i}`,
      tamper: (events: RecordedEvent[]) => events.filter((_, j) => j !== i),
    })),
    fc
      .tuple(index, index)
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({
        name: `swap #${a} and #${b}`,
        tamper: (events: RecordedEvent[]) =>
          events.map((e, j) => (j === a ? events[b]! : j === b ? events[a]! : e)),
      })),
    index.map((i) => ({
      name: `insert a copy before #${i}`,
      tamper: (events: RecordedEvent[]) => [
        ...events.slice(0, i),
        { ...events[i]!, eventId: '0193ffff-0000-7000-8000-000000000000' },
        ...events.slice(i),
      ],
    })),
    index.map((i) => ({
      name: `change #${i} and recompute the chains`,
      tamper: (events: RecordedEvent[]) =>
        rechain(
          events.map((e, j) => (j === i ? { ...e, data: { ...(e.data as object), n: -1 } } : e)),
        ),
    })),
    index.map((i) => ({
      name: `delete #${i} and recompute the chains`,
      tamper: (events: RecordedEvent[]) => rechain(events.filter((_, j) => j !== i)),
    })),
  );
};

describe('tampering with a sealed log', () => {
  it('verifies an untouched log clean', async () => {
    const { store, head } = await history();
    expect(E.isRight(await verifyLog(store, { signer, trustedHead: head }))).toBe(true);
  });

  it('detects every random tampering, each by a named anchor', async () => {
    const { store, head, size } = await history();
    await fc.assert(
      fc.asyncProperty(tamperings(size), async ({ tamper }) => {
        const result = await verifyLog(tamperedView(store, tamper), { signer, trustedHead: head });
        expect(E.isLeft(result)).toBe(true);
        if (E.isLeft(result))
          expect(['stream chain', 'seal', 'signed head']).toContain(result.left.anchor);
      }),
      { numRuns: 300 },
    );
  });

  it('seals every N events while following the log', async () => {
    const store = withHashChain(createInMemoryEventStore());
    const stop = new AbortController();
    const sealing = runLogSealer({ store, signer, everyEvents: 5, signal: stop.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (let n = 0; n < 12; n += 1)
      await store.appendToStream('Lead-1', [testEvent('LeadTouched', { n })]);
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const report = await verifyLog(store, { signer });
      if (E.isRight(report) && report.right.sealsChecked === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    stop.abort();
    await sealing;
    expect(await verifyLog(store, { signer })).toEqual(
      E.right(expect.objectContaining({ sealsChecked: 2 })),
    );
  });
});
