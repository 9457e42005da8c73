import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { readAccessOn } from '../readModels/salesOrganization/readAccessOn.js';
import { receivablesReport } from '../readModels/receivables/receivablesReport.js';
import { allReadModels } from '../readModels/allReadModels.js';
import { createProjectionRunner } from '../runner/projectionRunner.js';
import { administratorAccess } from '../testing/readAccess.js';
import { createInMemoryReadModelStore } from './inMemoryReadModelStore.js';

const ceo = { id: 'ceo', role: 'administrator' };

describe('reads before the first catch-up', () => {
  it('answer a read model without a build as a value, naming it, instead of throwing', async () => {
    const readModels = createInMemoryReadModelStore();
    expect(await readAccessOn(readModels, ceo, '2026-03-02')).toEqual(
      E.left({
        kind: 'ProjectionNotBuilt',
        projectionName: 'salesOrganization',
        message: expect.stringMatching(/salesOrganization has no active build yet/),
      }),
    );
    expect(
      await receivablesReport(readModels, administratorAccess, { asOf: '2026-03-02' }),
    ).toMatchObject(E.left({ kind: 'ProjectionNotBuilt', projectionName: 'invoices' }));
  });

  it('answer the figures once the runner has caught up, even over an empty log', async () => {
    const readModels = createInMemoryReadModelStore();
    const events = createInMemoryEventStore();
    await createProjectionRunner({ events, readModels, projections: allReadModels }).catchUp();
    const access = await readAccessOn(readModels, ceo, '2026-03-02');
    expect(E.isRight(access)).toBe(true);
    if (E.isLeft(access)) return;
    // Only the totals row, with nothing invoiced.
    expect(await receivablesReport(readModels, access.right, { asOf: '2026-03-02' })).toEqual(
      E.right([expect.objectContaining({ customerId: null, invoiced: {} })]),
    );
  });
});
