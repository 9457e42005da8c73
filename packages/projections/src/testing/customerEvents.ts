import type { HistoryEntry } from './domainHistory.js';

/**
 * A company customer registered on `at`, named after its id, with no emails, phones, tags or
 * contacts; `details` adds or overrides fields of the event (a lead id, an owner, a region, a name).
 */
export const customerRegistered = (
  customerId: string,
  at: string,
  details: Readonly<Record<string, unknown>> = {},
): HistoryEntry => ({
  stream: `Customer-${customerId}`,
  type: 'CustomerRegistered',
  data: {
    customerId,
    subjectId: `s-${customerId}`,
    kind: 'company',
    name: customerId,
    emails: [],
    phones: [],
    tags: [],
    contacts: [],
    ...details,
  },
  at,
});
