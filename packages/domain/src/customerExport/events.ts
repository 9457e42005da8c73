import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { ExportFormat, ExportScope } from './commands.js';

/**
 * Customers were exported in bulk: who (the event's actor), how far (`scope`), how many, in which
 * format, which customers (their ids, sorted) and the SHA-256 of the file handed out. It is
 * appended before the file is written, so every export that left the system is in the log.
 */
export const CustomersExported = eventCodec(
  'CustomersExported',
  t.type({
    exportId: t.string,
    format: ExportFormat,
    scope: ExportScope,
    count: t.number,
    customerIds: t.readonlyArray(t.string),
    contentSha256: t.string,
  }),
);
/** Customers were exported in bulk. */
export type CustomersExported = t.TypeOf<typeof CustomersExported>;

/** Every event of a CustomerExport stream: an export stream holds its one record. */
export const CustomerExportEvent = CustomersExported;
/** Every event of a CustomerExport stream. */
export type CustomerExportEvent = t.TypeOf<typeof CustomerExportEvent>;
