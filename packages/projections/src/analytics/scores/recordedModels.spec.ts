import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import * as E from 'fp-ts/lib/Either.js';
import { createAnalyticsModelService, defaultRolePolicy, noTeams } from '@clientele/domain';
import type { RecordedEvent } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { readAccess } from '../../access/readAccess.js';
import { twelveClosedDealsAndAnOpenOne } from '../testing/dealEvents.js';
import { WIN_MODEL_ID, recordedModelAsOf, winModelTraining } from './recordedModels.js';
import { winScoresAsOf } from './winScores.js';

const deals = twelveClosedDealsAndAnOpenOne;
const admin = readAccess(defaultRolePolicy, noTeams, { id: 'admin', role: 'administrator' });

const recordTrainings = async (days: readonly string[]): Promise<RecordedEvent[]> => {
  const store = createInMemoryEventStore();
  const models = createAnalyticsModelService(store, { authorize: permitEveryoneInTests() });
  for (const [i, day] of days.entries()) {
    const recorded = await models.handle(
      { ...winModelTraining(deals, day), version: i + 1 },
      {
        commandId: `00000000-0000-4000-8000-00000000000${String(i)}`,
        actor: { id: 'admin', role: 'administrator' },
        occurredAt: `${day}T23:59:59.999Z`,
      },
    );
    expect(E.isRight(recorded)).toBe(true);
  }
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
};

describe('recorded win models', () => {
  it('score and explain a deal exactly as the model did when it was trained', async () => {
    const log = await recordTrainings(['2026-03-05']);
    const recorded = recordedModelAsOf(log, WIN_MODEL_ID, '2026-03-05');
    expect(recorded?.version).toBe(1);
    const fresh = winScoresAsOf(deals, '2026-03-05', admin);
    const replayed = winScoresAsOf(deals, '2026-03-05', admin, recorded);
    if (E.isLeft(fresh) || E.isLeft(replayed)) throw new Error('refused');
    expect(replayed.right.scores).toEqual(fresh.right.scores);
    expect(replayed.right.recorded).toEqual({ version: 1, recordedOn: '2026-03-05' });
  });

  it('answer which model was in force on a day: the latest recorded by then, none before the first', async () => {
    const log = await recordTrainings(['2026-03-05', '2026-03-20']);
    expect(recordedModelAsOf(log, WIN_MODEL_ID, '2026-03-04')).toBeUndefined();
    expect(recordedModelAsOf(log, WIN_MODEL_ID, '2026-03-19')?.version).toBe(1);
    expect(recordedModelAsOf(log, WIN_MODEL_ID, '2026-03-20')?.version).toBe(2);
    expect(recordedModelAsOf(log, WIN_MODEL_ID, '2026-03-20')?.trainedUpTo).toBe('2026-03-20');
  });
});
