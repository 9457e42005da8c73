import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { EventStore } from '@clientele/eventstore';
import { createInMemoryCheckpointStore, createInMemoryEventStore } from '@clientele/eventstore';
import { collect, permitEveryoneInTests } from '@clientele/eventstore/testing';
import { createAccessLogService } from '../accessLog/accessLogService.js';
import { createOffboardingService } from '../offboarding/offboardingService.js';
import type { AfterNoticeThresholds } from './afterNoticeReactor.js';
import { createAfterNoticeReactor } from './afterNoticeReactor.js';

const ada = { id: 'rep-ada', role: 'sales_rep' };
let sequence = 0;
const context = (actor: { id: string; role: string }, occurredAt: string) => ({
  commandId: `0195b000-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
  actor,
  occurredAt,
});

const read = async (store: EventStore, at: string, subjects: string[]) => {
  const done = await createAccessLogService(store, { authorize: permitEveryoneInTests() }).handle(
    {
      kind: 'RecordPersonalDataRead',
      readId: `read-${String(sequence)}`,
      through: 'report pipeline',
      subjects,
    },
    context(ada, at),
  );
  if (E.isLeft(done)) throw new Error(JSON.stringify(done.left));
};

const giveNotice = async (store: EventStore) => {
  const done = await createOffboardingService(store, { authorize: permitEveryoneInTests() }).handle(
    {
      kind: 'OffboardRep',
      repId: 'rep-ada',
      organizationId: 'org',
      noticeGivenOn: '2026-03-09',
      leavesOn: '2026-03-31',
      policy: 'manager',
      successors: ['mgr-east'],
    },
    context({ id: 'admin-1', role: 'administrator' }, '2026-03-09T08:00:00Z'),
  );
  if (E.isLeft(done)) throw new Error(JSON.stringify(done.left));
};

const flagged = async (store: EventStore, thresholds?: AfterNoticeThresholds) => {
  await createAfterNoticeReactor({
    store,
    checkpoints: createInMemoryCheckpointStore(),
    ...(thresholds === undefined ? {} : { thresholds }),
  }).catchUp();
  return (await collect(store.readAll({ filter: { eventTypes: ['AccessAnomalyDetected'] } }))).map(
    (event) => event.data as { rule: string; observedAt: string; customers: number },
  );
};

describe('reads after a resignation notice', () => {
  it('flags every read by an actor from the day they gave notice, and none before', async () => {
    const store = createInMemoryEventStore();
    await read(store, '2026-03-06T10:00:00Z', ['c-1']);
    await giveNotice(store);
    await read(store, '2026-03-09T15:00:00Z', ['c-1', 'c-2']);
    expect(await flagged(store)).toEqual([
      expect.objectContaining({
        rule: 'afterNotice',
        observedAt: '2026-03-09T15:00:00Z',
        customers: 2,
      }),
    ]);
  });

  it('does not flag a colleague who gave no notice', async () => {
    const store = createInMemoryEventStore();
    await giveNotice(store);
    const done = await createAccessLogService(store, { authorize: permitEveryoneInTests() }).handle(
      {
        kind: 'RecordPersonalDataRead',
        readId: 'read-bob',
        through: 'dashboard',
        subjects: ['c-9'],
      },
      context({ id: 'rep-bob', role: 'sales_rep' }, '2026-03-10T10:00:00Z'),
    );
    expect(E.isRight(done)).toBe(true);
    expect(await flagged(store)).toEqual([]);
  });

  it('honours the thresholds: a grace period after the notice, and a minimum of subjects', async () => {
    const store = createInMemoryEventStore();
    await giveNotice(store);
    await read(store, '2026-03-10T10:00:00Z', ['c-1', 'c-2', 'c-3']);
    await read(store, '2026-03-12T10:00:00Z', ['c-1']);
    await read(store, '2026-03-12T11:00:00Z', ['c-1', 'c-2', 'c-3']);
    expect(await flagged(store, { graceDays: 2, minimumSubjects: 3 })).toEqual([
      expect.objectContaining({ observedAt: '2026-03-12T11:00:00Z', customers: 3 }),
    ]);
  });

  it('flags nothing twice when replayed from the start', async () => {
    const store = createInMemoryEventStore();
    await giveNotice(store);
    await read(store, '2026-03-10T10:00:00Z', ['c-1']);
    const first = await flagged(store);
    expect(first).toHaveLength(1);
    expect(await flagged(store)).toEqual(first);
  });
});
