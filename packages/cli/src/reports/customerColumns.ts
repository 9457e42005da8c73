import { column } from './report.js';

/**
 * The two columns of a report whose rows are customers: the id, which machines read and the
 * access log records as the data subject, and the name people read, resolved only for an actor
 * allowed to read it (the id stands in for it otherwise).
 */
export const CUSTOMER_COLUMNS = [
  column('text', 'customerId', 'customer', {
    description: 'The customer id.',
    machineOnly: true,
    dataSubject: true,
  }),
  column('text', 'customerName', 'customer', {
    description:
      'The customer’s name, resolved for an actor allowed to read it; null when not to be shown.',
    nullable: true,
    fallbackKey: 'customerId',
  }),
];
