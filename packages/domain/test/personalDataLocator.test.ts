import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from '@clientele/eventstore';
import {
  domainEventCodecs,
  encryptionSubjectOf,
  locateDomainPersonalData,
  locatePersonalFields,
} from '@clientele/domain';
import {
  engagementHistory,
  generateHistory,
  productToCashHistory,
  salesHistorySetup,
  salesHistorySteps,
  serviceAndFinanceHistory,
} from '@clientele/domain/history';

/** What the locator found before it indexed the unions: every union walked whole. */
const walkEveryUnion = (type: string, data: unknown) =>
  domainEventCodecs
    .flatMap((codec) => locatePersonalFields(codec, { type, data }, true))
    .map((field) => ({ path: field.path, subjectId: encryptionSubjectOf(field) }));

describe('the personal-data locator, indexed by event type', () => {
  it('finds what a walk of every event union finds, for every event of a seeded CRM history', async () => {
    const store = createInMemoryEventStore();
    const finance = serviceAndFinanceHistory(store, 11);
    const engagement = engagementHistory(store, 11);
    const cash = productToCashHistory(store, 11);
    await generateHistory({
      store,
      seed: 11,
      steps: 600,
      setup: [...salesHistorySetup, ...finance.setup, engagement.setup, ...cash.setup],
      stepKinds: [...salesHistorySteps, ...finance.steps, ...engagement.steps, ...cash.steps],
    });
    const types = new Set<string>();
    let withPersonalFields = 0;
    for await (const event of store.readAll()) {
      const expected = walkEveryUnion(event.type, event.data);
      expect(locateDomainPersonalData(event.type, event.data), event.type).toEqual(expected);
      types.add(event.type);
      if (expected.length > 0) withPersonalFields += 1;
    }
    // Wide enough to mean something: many event types, many of them carrying personal data.
    expect(types.size).toBeGreaterThanOrEqual(40);
    expect(withPersonalFields).toBeGreaterThanOrEqual(100);
    await store.close();
  });

  it('finds nothing in an event type no union knows, and in one without personal fields', () => {
    expect(locateDomainPersonalData('NoSuchEvent', { name: 'Ada' })).toEqual([]);
    expect(walkEveryUnion('NoSuchEvent', { name: 'Ada' })).toEqual([]);
  });
});
