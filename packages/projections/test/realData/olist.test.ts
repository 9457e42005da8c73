import { createInMemoryEventStore } from '@clientele/eventstore';
import {
  createInMemoryReadModelStore,
  createProjectionRunner,
  dealsProjection,
  leadFunnel,
  leadsProjection,
} from '@clientele/projections';
import { describe, expect, it } from 'vitest';
import { importOlist } from './olistImport.js';

/*
 * Expected figures computed independently with Python over the raw CSV (csv.DictReader, closed
 * deals joined to leads by mql_id, ratios rounded half-even with Decimal), not by the projection
 * code: per origin, [leads, closed deals, conversion].
 */
const EXPECTED: Record<string, [number, number, number]> = {
  '(not set)': [60, 14, 0.2333],
  direct_traffic: [499, 56, 0.1122],
  display: [118, 6, 0.0508],
  email: [493, 15, 0.0304],
  organic_search: [2296, 271, 0.118],
  other: [150, 4, 0.0267],
  other_publicities: [65, 3, 0.0462],
  paid_search: [1586, 195, 0.123],
  referral: [284, 24, 0.0845],
  social: [1350, 75, 0.0556],
  unknown: [1099, 179, 0.1629],
};

describe('Olist marketing funnel, imported through the lead handler', () => {
  it('gives the exact lead-to-deal conversion per origin', async () => {
    const events = createInMemoryEventStore();
    expect(await importOlist(events)).toEqual([]);
    const readModels = createInMemoryReadModelStore();
    await createProjectionRunner({
      events,
      readModels,
      projections: [leadsProjection, dealsProjection],
    }).catchUp();

    const rows = await leadFunnel(readModels, { groupBy: 'source' });
    const perOrigin = Object.fromEntries(
      rows.map((row) => {
        const converted = row.stages.find((stage) => stage.stage === 'converted');
        return [
          row.group,
          [row.stages[0]?.reached, converted?.reached, converted?.conversionFromStart.value],
        ];
      }),
    );
    expect(perOrigin).toEqual(EXPECTED);
    const [total] = await leadFunnel(readModels);
    expect(total?.stages[0]?.reached).toBe(8_000);
    expect(total?.stages.find((s) => s.stage === 'converted')?.reached).toBe(842);
  });
});
