import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MISSING_AUTHORIZER, createInMemoryEventStore } from '@clientele/eventstore';
import * as domain from '../index.js';

// Every entry point the domain exports (`create…Service`), found from the exports themselves, so
// one added later is checked without anyone remembering to list it here.
const entryPoints = Object.entries(domain).filter(
  (entry): entry is [string, (...args: unknown[]) => unknown] =>
    /^create\w+Service$/.test(entry[0]) && typeof entry[1] === 'function',
);

/** The specs that send (actor, command) pairs through entry points and check every denial. */
const AUTHORIZATION_SPECS = [
  './authorizationProperty.spec.ts',
  './entryPointAuthorization.properties.spec.ts',
  './commerceAuthorization.properties.spec.ts',
  '../testing/erasureSuite.ts',
  '../testing/erasureFixture.ts',
  '../accessLog/accessLog.spec.ts',
  '../accessPolicy/accessPolicyService.spec.ts',
].map((path) => readFileSync(new URL(path, import.meta.url), 'utf8'));

describe('entry points and their authorizers', () => {
  it('finds the entry points it guards', () => {
    expect(entryPoints.map(([name]) => name)).toEqual(
      expect.arrayContaining(['createCustomerService', 'createSalesOrganizationService']),
    );
  });

  it.each(entryPoints)('%s cannot be built without an authorizer', (_name, create) => {
    // One call fits both shapes, `(options)` and `(store, options)`: the first argument holds
    // what the options-only services need, the second is options without `authorize`.
    const store = createInMemoryEventStore();
    expect(() => create({ store, tenantId: 't', tenantKey: 'k' }, {})).toThrow(MISSING_AUTHORIZER);
  });

  it.each(entryPoints)('%s is covered by an (actor, command) authorization test', (name) => {
    expect(AUTHORIZATION_SPECS.some((source) => source.includes(`${name}(`))).toBe(true);
  });
});
