import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { collect } from '@clientele/eventstore/testing';
import { createAccessLogRecorder } from './accessLogRecorder.js';

const ada = { id: 'rep-ada', role: 'sales_rep' };
const at = (iso: string) => () => new Date(iso);

describe('the access log recorder', () => {
  it('returns before a read is written, and writes every queued read in order once flushed', async () => {
    const store = createInMemoryEventStore();
    const recorder = createAccessLogRecorder(store, { now: at('2026-03-09T11:00:00Z') });
    recorder.record({ actor: ada, through: 'report churn', subjects: ['c-2', 'c-1'] });
    recorder.record({ actor: ada, through: 'dashboard customer', subjects: ['c-3'] });
    recorder.record({ actor: ada, through: 'dashboard drill deals', subjects: [] });
    await recorder.flush();
    const events = await collect(store.readAll());
    expect(
      events.map((event) => [
        event.type,
        event.metadata.actor,
        event.metadata.occurredAt,
        event.data,
      ]),
    ).toEqual([
      [
        'PersonalDataRead',
        ada,
        '2026-03-09T11:00:00.000Z',
        expect.objectContaining({ through: 'report churn', subjects: ['c-1', 'c-2'], count: 2 }),
      ],
      [
        'PersonalDataRead',
        ada,
        '2026-03-09T11:00:00.000Z',
        expect.objectContaining({ through: 'dashboard customer', subjects: ['c-3'], count: 1 }),
      ],
    ]);
  });

  it('reports a read it could not record at flush, and goes on recording the next ones', async () => {
    const store = createInMemoryEventStore();
    const recorder = createAccessLogRecorder(store);
    recorder.record({ actor: ada, through: "x'; DROP TABLE events; --", subjects: ['c-1'] });
    recorder.record({ actor: ada, through: 'report churn', subjects: ['c-1'] });
    await expect(recorder.flush()).rejects.toThrow(/was not recorded/);
    expect((await collect(store.readAll())).map((event) => event.data)).toEqual([
      expect.objectContaining({ through: 'report churn' }),
    ]);
    await expect(recorder.flush()).resolves.toBeUndefined();
  });

  it('hands a failure to onError when one is given', async () => {
    const failures: Error[] = [];
    const recorder = createAccessLogRecorder(createInMemoryEventStore(), {
      onError: (error) => failures.push(error),
    });
    recorder.record({
      actor: { id: 'job', role: 'system' },
      through: 'report churn',
      subjects: ['c-1'],
    });
    await recorder.flush();
    expect(failures.map((error) => error.message)).toEqual([
      expect.stringContaining('System.work'),
    ]);
  });
});
