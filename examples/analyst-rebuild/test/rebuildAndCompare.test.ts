import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { generateHistory } from '@clientele/domain/history';
import { allReadModels, createProjectionRunner } from '@clientele/projections';
import { createSqliteReadModelStore } from '@clientele/projections/sqlite';
import { rebuildAndCompare } from '../src/rebuildAndCompare.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-analyst-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('an analyst rebuilding the read models', () => {
  it('finds the live, incrementally built read models equal to a rebuild from the raw log', async () => {
    const events = createSqliteEventStore({ file: join(dir, 'crm.db') });
    const live = createSqliteReadModelStore({ database: events.database });
    const runner = createProjectionRunner({
      events,
      readModels: live,
      projections: allReadModels,
      batchSize: 50,
    });
    // The live read models follow the log as it grows: projected twice, mid-way and at the end.
    await generateHistory({ store: events, seed: 11, steps: 300 });
    await runner.catchUp();
    await generateHistory({
      store: events,
      seed: 12,
      steps: 300,
      start: '2026-06-01T09:00:00.000Z',
      tenantId: 'tenant-b',
    });
    await runner.catchUp();

    const comparisons = await rebuildAndCompare(events, live, allReadModels);
    expect(comparisons.map((c) => c.projection)).toEqual(allReadModels.map((p) => p.name));
    expect(comparisons.reduce((sum, c) => sum + c.documents, 0)).toBeGreaterThan(100);
    expect(comparisons.filter((c) => c.differences.length > 0)).toEqual([]);
    await events.close();
  });
});
