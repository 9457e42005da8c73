import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@clientele/eventstore';
import { testEvent } from '@clientele/eventstore/testing';
import type { CustomerSearchDocument } from './customerSearchProjection.js';
import { customerSearchProjection } from './customerSearchProjection.js';
import { blindToken, queryTokens } from './searchTokens.js';

const KEY = 'tenant-secret';
const projection = customerSearchProjection(KEY);

const recorded = (type: string, data: unknown): RecordedEvent => ({
  ...testEvent(type, data),
  streamName: 'Customer-c1',
  streamRevision: 0n,
  position: { commit: 1n, prepare: 1n },
  recordedAt: '2026-01-01T00:00:00.000Z',
});

const fold = (events: readonly RecordedEvent[]): CustomerSearchDocument =>
  events.reduce((doc, event) => projection.apply(doc, event, 'c1'), projection.initial('c1'));

const registered = recorded('CustomerRegistered', {
  customerId: 'c1',
  subjectId: 's1',
  name: 'Acmé Labs GmbH',
  emails: ['info@acme.example'],
  phones: ['+4930123456'],
  contacts: [{ subjectId: 's2', name: 'Ada Lovelace', email: 'ada@acme.example' }],
});

const holds = (doc: CustomerSearchDocument, query: string) => {
  const tokens = new Set([
    ...Object.values(doc.own).flat(),
    ...Object.values(doc.contacts).flatMap((c) => Object.values(c).flat()),
  ]);
  return queryTokens(KEY, query).every((token) => tokens.has(token));
};

describe('the customer search blind index', () => {
  it('finds by any word of the name, whatever its case and accents, by email and by phone', () => {
    const doc = fold([registered]);
    for (const query of ['acme', 'LABS gmbh', 'info@ACME.example', '+49 30 123456', 'lovelace'])
      expect(holds(doc, query)).toBe(true);
    expect(holds(doc, 'acme corp')).toBe(false);
  });

  it('holds no plaintext, and other tenant keys make other tokens', () => {
    const text = JSON.stringify(fold([registered])).toLowerCase();
    for (const word of ['acme', 'labs', 'info@', '4930123456', 'ada'])
      expect(text).not.toContain(word);
    expect(blindToken(KEY, 'name', 'acme')).not.toBe(blindToken('other', 'name', 'acme'));
  });

  it('drops a forgotten person’s tokens, and yields none from erased fields on a rebuild', () => {
    const forgotten = recorded('PersonForgotten', {
      subjectId: 's2',
      streams: ['Customer-c1'],
      customersErased: [],
    });
    expect(projection.keysOf(forgotten)).toEqual(['c1']);
    const doc = fold([registered, forgotten]);
    expect(holds(doc, 'lovelace')).toBe(false);
    expect(holds(doc, 'acme')).toBe(true);
    const erased = { $erased: true };
    const rebuilt = fold([
      recorded('CustomerRegistered', {
        customerId: 'c1',
        subjectId: 's1',
        name: erased,
        emails: [erased],
        phones: [],
      }),
    ]);
    expect(rebuilt.own).toEqual({ name: [], email: [], phone: [] });
  });

  it('follows a renamed customer and a removed contact', () => {
    const doc = fold([
      registered,
      recorded('CustomerProfileUpdated', { customerId: 'c1', name: 'Globex' }),
      recorded('CustomerContactRemoved', { customerId: 'c1', contactSubjectId: 's2' }),
    ]);
    expect(holds(doc, 'globex')).toBe(true);
    expect(holds(doc, 'acme')).toBe(false);
    expect(holds(doc, 'info@acme.example')).toBe(true);
    expect(holds(doc, 'lovelace')).toBe(false);
  });
});
