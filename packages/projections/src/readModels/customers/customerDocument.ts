import * as t from 'io-ts';

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

/**
 * One customer as lists and read checks need it: who owns it and what it is grouped by. Personal
 * fields (names, emails, phones, addresses) stay in the log, encrypted with the person's key, so
 * erasing a person never leaves a copy here.
 */
export const CustomerDocument = t.type(
  {
    customerId: t.string,
    ownerId: nullable(t.string),
    kind: t.string,
    status: t.keyof({ active: null, inactive: null, merged: null }),
    survivorId: nullable(t.string),
    industry: nullable(t.string),
    region: nullable(t.string),
    source: nullable(t.string),
    segment: nullable(t.string),
    registeredOn: t.string,
  },
  'CustomerDocument',
);
/** One customer as lists and read checks need it. */
export type CustomerDocument = t.TypeOf<typeof CustomerDocument>;

/** The document key of a customer. */
export const customerKey = (customerId: string): string => `customer:${customerId}`;
