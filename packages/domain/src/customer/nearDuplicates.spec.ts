import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from './events.js';
import { evolveCustomerNameIndex, nameKey, nearDuplicateWarning } from './nearDuplicates.js';

const registered = (customerId: string, name: string): CustomerEvent => ({
  type: 'CustomerRegistered',
  data: {
    customerId,
    subjectId: customerId,
    kind: 'company',
    name,
    emails: [],
    phones: [],
    tags: [],
    contacts: [],
  },
});

describe('near-duplicate customer names', () => {
  it('compares names ignoring case, spacing, punctuation, accents and company suffixes', () => {
    expect(nameKey('  ACME,  Inc. ')).toBe('acme');
    expect(nameKey('Acme Co. Ltd')).toBe('acme');
    expect(nameKey('Société Générale S.A.')).toBe('societe generale');
    expect(nameKey('Müller & Söhne GmbH')).toBe('muller and sohne');
    expect(nameKey('Group')).toBe('group');
  });

  it('warns about an existing customer with a near-identical name, without blocking', () => {
    const index = [registered('cus-1', 'Acme Inc.'), registered('cus-2', 'Globex')].reduce(
      evolveCustomerNameIndex,
      new Map(),
    );
    expect(nearDuplicateWarning(index, 'ACME corp')).toEqual({
      kind: 'NearDuplicateName',
      customerIds: ['cus-1'],
    });
    expect(nearDuplicateWarning(index, 'Initech')).toBeUndefined();
    expect(nearDuplicateWarning(index, 'Acme', 'cus-1')).toBeUndefined();
  });

  it('follows renames and forgets merged customers', () => {
    let index = evolveCustomerNameIndex(new Map(), registered('cus-1', 'Acme'));
    index = evolveCustomerNameIndex(index, {
      type: 'CustomerProfileUpdated',
      data: { customerId: 'cus-1', subjectId: 'cus-1', changes: { name: 'Globex' } },
    });
    expect(nearDuplicateWarning(index, 'acme')).toBeUndefined();
    expect(nearDuplicateWarning(index, 'GLOBEX')?.customerIds).toEqual(['cus-1']);
    index = evolveCustomerNameIndex(index, {
      type: 'CustomerMerged',
      data: { customerId: 'cus-1', survivorId: 'x' },
    });
    expect(nearDuplicateWarning(index, 'globex')).toBeUndefined();
  });
});
