import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, CommandContext } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { collect, deciderSpec } from '@clientele/eventstore/testing';
import { builtInRoles } from '../authorization/roles.js';
import { createAccessLogService, recordedReads, recordsOwnReads } from './accessLogService.js';
import { accessLogDecider } from './decide.js';

const spec = deciderSpec(accessLogDecider);
let sequence = 0;
const as = (actor: Actor, occurredAt = '2026-03-03T09:00:00Z'): CommandContext => ({
  commandId: `01950000-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
  actor,
  occurredAt,
});
const read = (readId: string, through: string, subjects: readonly string[]) => ({
  kind: 'RecordPersonalDataRead' as const,
  readId,
  through,
  subjects,
});

describe('the access log', () => {
  it('records a read once, with its subjects sorted and without duplicates', () => {
    spec
      .given([])
      .when(read('r1', 'report receivables', ['c-2', 'c-1', 'c-2']))
      .then([
        {
          type: 'PersonalDataRead',
          data: { readId: 'r1', through: 'report receivables', subjects: ['c-1', 'c-2'], count: 2 },
        },
      ]);
  });

  it('keeps no record of a read that showed nobody', () => {
    spec
      .given([])
      .when(read('r2', 'report receivables', []))
      .then([]);
  });

  it('answers who looked at a customer, and what one actor looked at in a window', async () => {
    const store = createInMemoryEventStore();
    const log = createAccessLogService(store, { authorize: recordsOwnReads() });
    const ada = { id: 'rep-ada', role: 'sales_rep' };
    const eve = { id: 'aud-eve', role: 'auditor' };
    await log.handle(read('r1', 'audit customer', ['c-1']), as(ada, '2026-03-02T10:00:00Z'));
    await log.handle(
      read('r2', 'report receivables', ['c-1', 'c-2']),
      as(eve, '2026-03-05T10:00:00Z'),
    );
    await log.handle(read('r3', 'dashboard', ['c-3']), as(ada, '2026-03-12T10:00:00Z'));
    const who = await collect(recordedReads(store, { subjectId: 'c-1' }));
    expect(who.map((r) => [r.actor.id, r.through])).toEqual([
      ['rep-ada', 'audit customer'],
      ['aud-eve', 'report receivables'],
    ]);
    const week = await collect(
      recordedReads(store, {
        actorId: 'rep-ada',
        since: '2026-03-09T00:00:00.000Z',
        until: '2026-03-15T23:59:59.999Z',
      }),
    );
    expect(week.map((r) => r.subjects)).toEqual([['c-3']]);
  });

  it('lets any actor record their own reads, under their own name, and refuses a system actor with no reason', () =>
    fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.constantFrom<string>(...builtInRoles, 'tenant_role'),
        async (id, role) => {
          const store = createInMemoryEventStore();
          const log = createAccessLogService(store, { authorize: recordsOwnReads() });
          expect(
            E.isRight(await log.handle(read('r', 'dashboard', ['c-1']), as({ id, role }))),
          ).toBe(true);
          const [event] = await collect(store.readAll());
          expect(event?.metadata.actor).toEqual({ id, role });
          const refused = await log.handle(
            read('s', 'dashboard', ['c-1']),
            as({ id, role: 'system' }),
          );
          expect(refused).toEqual(
            E.left(
              expect.objectContaining({
                denial: expect.objectContaining({ permission: 'System.work' }),
              }),
            ),
          );
        },
      ),
      { numRuns: 30 },
    ));

  it('refuses a channel carrying markup or SQL, recording nothing', async () => {
    const store = createInMemoryEventStore();
    const log = createAccessLogService(store, { authorize: recordsOwnReads() });
    const refused = await log.handle(
      read('r', "x'; DROP TABLE events; --", ['c-1']),
      as({ id: 'rep-ada', role: 'sales_rep' }),
    );
    expect(refused).toEqual(E.left(expect.objectContaining({ kind: 'InvalidCommand' })));
    expect(await collect(store.readAll())).toEqual([]);
  });
});
