import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Actor, EventStore } from '@clientele/eventstore';
import { createInMemoryCheckpointStore, createInMemoryEventStore } from '@clientele/eventstore';
import { collect } from '@clientele/eventstore/testing';
import type { TeamDirectory } from '../authorization/authorize.js';
import { customerExportAuthorizer } from '../authorization/customerExportAuthorizer.js';
import { defaultRolePolicy } from '../authorization/roles.js';
import { createAccessLogService, recordsOwnReads } from '../accessLog/accessLogService.js';
import { createCustomerExportService } from '../customerExport/customerExportService.js';
import { createAccessAnomalyReactor } from './accessAnomalyReactor.js';

// A manager who usually exports a few customers a morning takes ten times as many in one hour.
const teams: TeamDirectory = {
  teamMembersOf: (id) => new Set(id === 'mgr-east' ? ['rep-ada'] : []),
};
const manager = { id: 'mgr-east', role: 'sales_manager' };

let sequence = 0;
const exportAt = async (store: EventStore, at: string, count: number) => {
  sequence += 1;
  const id = String(sequence).padStart(12, '0');
  const exports = createCustomerExportService(store, {
    authorize: customerExportAuthorizer(defaultRolePolicy, teams),
  });
  const done = await exports.handle(
    {
      kind: 'ExportCustomers',
      exportId: `export-${id}`,
      format: 'csv',
      scope: 'team',
      customers: Array.from({ length: count }, (_, n) => ({
        customerId: `c-${String(n)}`,
        ownerId: 'rep-ada',
      })),
      contentSha256: 'b'.repeat(64),
    },
    { commandId: `0194e000-0000-7000-8000-${id}`, actor: manager, occurredAt: at },
  );
  if (E.isLeft(done)) throw new Error(JSON.stringify(done.left));
};

const anomalies = async (store: EventStore) =>
  (await collect(store.readAll({ filter: { eventTypes: ['AccessAnomalyDetected'] } }))).map(
    (event) => ({ data: event.data, actor: event.metadata.actor }),
  );

describe('the access anomaly reactor', () => {
  it('flags an export of ten times the actor’s baseline within one cycle, once, as system work', async () => {
    const store = createInMemoryEventStore();
    const reactor = createAccessAnomalyReactor({
      store,
      checkpoints: createInMemoryCheckpointStore(),
    });
    for (const day of ['02', '03', '04', '05', '06'])
      await exportAt(store, `2026-03-${day}T10:00:00Z`, 6);
    await reactor.catchUp();
    expect(await anomalies(store)).toEqual([]);

    await exportAt(store, '2026-03-09T11:00:00Z', 60);
    await reactor.catchUp();
    const flagged = await anomalies(store);
    expect(flagged).toEqual([
      {
        data: expect.objectContaining({
          actorId: 'mgr-east',
          role: 'sales_manager',
          rule: 'volumeAboveBaseline',
          customers: 60,
          baseline: 6,
          threshold: 60,
        }),
        actor: expect.objectContaining({ id: 'reactor:access-anomaly', role: 'system' }),
      },
    ]);

    // A replay from the start (a new checkpoint store) records nothing twice.
    await createAccessAnomalyReactor({
      store,
      checkpoints: createInMemoryCheckpointStore(),
    }).catchUp();
    expect(await anomalies(store)).toEqual(flagged);
  });

  it('flags reads of ten times the reader’s baseline within one cycle, judging only the reader’s own reads', async () => {
    const store = createInMemoryEventStore();
    const log = createAccessLogService(store, { authorize: recordsOwnReads() });
    const ada = { id: 'rep-ada', role: 'sales_rep' };
    const readAt = async (actor: Actor, at: string, count: number, through = 'report churn') => {
      sequence += 1;
      const id = String(sequence).padStart(12, '0');
      const subjects = Array.from({ length: count }, (_, n) => `c-${String(n)}`);
      const done = await log.handle(
        { kind: 'RecordPersonalDataRead', readId: `read-${id}`, through, subjects },
        { commandId: `0194e000-0000-7000-8000-${id}`, actor, occurredAt: at },
      );
      if (E.isLeft(done)) throw new Error(JSON.stringify(done.left));
    };
    const reactor = createAccessAnomalyReactor({
      store,
      checkpoints: createInMemoryCheckpointStore(),
    });
    for (const day of ['02', '03', '04', '05', '06'])
      await readAt(ada, `2026-03-${day}T10:00:00Z`, 6);
    // A colleague reading forty customers is judged against their own (empty) baseline only.
    await readAt(manager, '2026-03-09T10:30:00Z', 40);
    await reactor.catchUp();
    expect(await anomalies(store)).toEqual([]);

    await readAt(ada, '2026-03-09T11:05:00Z', 30, 'report churn');
    await readAt(ada, '2026-03-09T11:20:00Z', 30, 'dashboard drill leads');
    await reactor.catchUp();
    expect((await anomalies(store)).map(({ data }) => data)).toEqual([
      expect.objectContaining({
        actorId: 'rep-ada',
        rule: 'volumeAboveBaseline',
        customers: 60,
        baseline: 6,
        threshold: 60,
      }),
    ]);
  });
});
