import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../envelope/envelope.js';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { position } from '../envelope/position.js';
import { testEvent } from '../testing/contract/fixtures.js';
import { eventHash } from './eventHash.js';
import { withHashChain } from './hashChainedEventStore.js';
import { tamperedView } from '../testing/tamperedView.js';
import { exportLogHead, sealLog } from './logSeal.js';
import { createHmacSigner } from './signer.js';
import { verifyLog } from './verifyLog.js';

const signer = createHmacSigner('audit-2026', new Uint8Array(32).fill(7));

/** Two streams, a seal after six events, then two more events. */
const sealedStore = async () => {
  const store = withHashChain(createInMemoryEventStore());
  for (let n = 0; n < 3; n += 1) {
    await store.appendToStream('Lead-a', [testEvent('LeadTouched', { n })]);
    await store.appendToStream('Lead-b', [testEvent('LeadTouched', { n })]);
  }
  const seal = await sealLog(store, signer);
  await store.appendToStream('Lead-a', [testEvent('LeadTouched', { n: 3 })]);
  await store.appendToStream('Lead-b', [testEvent('LeadTouched', { n: 3 })]);
  return { store, seal };
};

const withData = (event: RecordedEvent, data: unknown): RecordedEvent => ({ ...event, data });

const breakOf = async <L>(result: Promise<E.Either<L, unknown>>): Promise<L> => {
  const outcome = await result;
  if (E.isRight(outcome)) throw new Error('expected the tampering to be detected');
  return outcome.left;
};

describe('log verification', () => {
  it('finds nothing wrong in an untouched store', async () => {
    const { store, seal } = await sealedStore();
    const report = await verifyLog(store, { signer, trustedHead: seal });
    expect(report).toEqual(
      E.right(expect.objectContaining({ events: 9, streams: 3, sealsChecked: 1 })),
    );
  });

  it('checks an exported head without counting it as one of the log’s seals', async () => {
    const { store } = await sealedStore();
    const head = await exportLogHead(store, signer);
    expect(await verifyLog(store, { signer, trustedHead: head })).toEqual(
      E.right(expect.objectContaining({ events: 9, sealsChecked: 1, headChecked: true })),
    );
    expect(await verifyLog(store, { signer })).toEqual(
      E.right(expect.objectContaining({ sealsChecked: 1, headChecked: false })),
    );
  });

  it('finds the seals of a log copied to another engine by their count, since positions are the new engine’s', async () => {
    const { store, seal } = await sealedStore();
    // PostgreSQL numbers the copied events (commit, prepare); the seal names SQLite's position.
    const copied = tamperedView(store, (events) =>
      events.map((e, i) => ({ ...e, position: position(5000n + BigInt(i), BigInt(i + 1)) })),
    );
    expect(await verifyLog(copied, { signer })).toEqual(
      E.right(expect.objectContaining({ events: 9, sealsChecked: 1 })),
    );
    const lost = tamperedView(store, (events) =>
      events
        .filter((_, i) => i !== 1)
        .map((e, i) => ({ ...e, position: position(5000n + BigInt(i), BigInt(i + 1)) })),
    );
    expect((await breakOf(verifyLog(lost, { signer, trustedHead: seal }))).anchor).not.toBe(
      undefined,
    );
  });

  it('names stream, revision and position of an event whose data was changed', async () => {
    const { store } = await sealedStore();
    const view = tamperedView(store, (events) =>
      events.map((e, i) => (i === 2 ? withData(e, { n: 99 }) : e)),
    );
    expect(await breakOf(verifyLog(view, { signer }))).toMatchObject({
      anchor: 'stream chain',
      streamName: 'Lead-a',
      streamRevision: 1n,
    });
  });

  it('detects an event deleted from the middle of a stream', async () => {
    const { store } = await sealedStore();
    const view = tamperedView(store, (events) => events.filter((_, i) => i !== 0));
    expect(await breakOf(verifyLog(view, { signer }))).toMatchObject({
      anchor: 'stream chain',
      reason: expect.stringContaining('revision 1 follows nothing'),
    });
  });

  it('detects reordered events of a stream', async () => {
    const { store } = await sealedStore();
    const view = tamperedView(store, (events) => [
      events[2]!,
      events[1]!,
      events[0]!,
      ...events.slice(3),
    ]);
    expect((await breakOf(verifyLog(view, { signer }))).anchor).toBe('stream chain');
  });

  it('catches a change whose chain was recomputed, against the seal', async () => {
    const { store } = await sealedStore();
    const view = tamperedView(store, (events) => {
      const heads = new Map<string, string | null>();
      return events.map((event, i) => {
        const changed = i === 2 ? withData(event, { n: 99 }) : event;
        const chain = eventHash(
          changed,
          changed.streamName,
          changed.streamRevision,
          heads.get(changed.streamName) ?? null,
        );
        heads.set(changed.streamName, chain);
        return { ...changed, metadata: { ...changed.metadata, chain } };
      });
    });
    expect(await breakOf(verifyLog(view, { signer }))).toMatchObject({ anchor: 'seal' });
  });

  it('catches deleted tail events against the exported head', async () => {
    const { store, seal } = await sealedStore();
    const view = tamperedView(store, (events) =>
      events.filter((e) => e.streamName !== 'Seal-log').slice(0, 5),
    );
    expect(await breakOf(verifyLog(view, { signer, trustedHead: seal }))).toMatchObject({
      anchor: 'signed head',
    });
  });

  it('refuses a seal signed with another key', async () => {
    const { store } = await sealedStore();
    const other = createHmacSigner('audit-2026', new Uint8Array(32).fill(8));
    expect(await breakOf(verifyLog(store, { signer: other }))).toMatchObject({
      anchor: 'seal',
      reason: expect.stringContaining('invalid signature'),
    });
  });
});

describe('hash-chained appends', () => {
  it('keep one valid chain when writers race on a stream with ANY', async () => {
    const store = withHashChain(createInMemoryEventStore());
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        store.appendToStream('Lead-a', [testEvent('LeadTouched', { n })]),
      ),
    );
    expect(E.isRight(await verifyLog(store))).toBe(true);
  });

  it('report an exact expected revision that lost the race as a conflict', async () => {
    const store = withHashChain(createInMemoryEventStore());
    await store.appendToStream('Lead-a', [testEvent('A')]);
    const results = await Promise.all(
      [0, 1].map(() => store.appendToStream('Lead-a', [testEvent('B')], { expectedRevision: 0n })),
    );
    expect(results.filter(E.isLeft)).toHaveLength(1);
    expect(results.find(E.isLeft)).toEqual(
      E.left(expect.objectContaining({ expected: 0n, actual: 1n })),
    );
  });
});
