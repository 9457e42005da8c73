import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore, streamCategory } from '@clientele/eventstore';
import * as domain from '@clientele/domain';
import {
  generateHistory,
  productToCashHistory,
  salesHistorySetup,
  salesHistorySteps,
  serviceAndFinanceHistory,
} from '@clientele/domain/history';
import { schemaValidator } from './support/schemaValidator.js';

/** Each aggregate's event union, by the stream category its events are stored under. */
const eventUnions = new Map(
  Object.entries(domain)
    .filter(([name, codec]) => name.endsWith('Event') && codec instanceof t.UnionType)
    .map(([name, codec]) => [name.slice(0, -'Event'.length), codec as t.Mixed]),
);

describe('event schemas against a generated history', () => {
  it('validates every event of a seeded CRM history against its aggregate event schema', async () => {
    const store = createInMemoryEventStore();
    const finance = serviceAndFinanceHistory(store, 5);
    const cash = productToCashHistory(store, 5);
    await generateHistory({
      store,
      seed: 5,
      steps: 400,
      setup: [...salesHistorySetup, ...finance.setup, ...cash.setup],
      stepKinds: [...salesHistorySteps, ...finance.steps, ...cash.steps],
    });
    const validators = new Map<string, (value: unknown) => readonly string[]>();
    const validatorOf = (category: string) => {
      const known = validators.get(category);
      if (known !== undefined) return known;
      const codec = eventUnions.get(category);
      if (codec === undefined) return undefined;
      const schema = domain.eventJsonSchema(codec);
      if (E.isLeft(schema)) throw new Error(`${category}: ${JSON.stringify(schema.left)}`);
      const validate = schemaValidator(schema.right);
      validators.set(category, validate);
      return validate;
    };
    const types = new Set<string>();
    for await (const event of store.readAll()) {
      const validate = validatorOf(streamCategory(event.streamName));
      if (validate === undefined) continue;
      expect(validate({ type: event.type, data: event.data }), event.type).toEqual([]);
      types.add(event.type);
    }
    // The history reaches every kind of aggregate, so the check is not over a narrow sample.
    expect(types.size).toBeGreaterThanOrEqual(30);
    await store.close();
  });
});
