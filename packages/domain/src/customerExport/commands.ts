import * as t from 'io-ts';

/** The file formats a customer export is written in. */
export const ExportFormat = t.keyof({ csv: null, json: null }, 'ExportFormat');
/** A customer export's file format. */
export type ExportFormat = t.TypeOf<typeof ExportFormat>;

/** How far an export reached: the exporter's own customers, their team's, or all of them. */
export const ExportScope = t.keyof({ own: null, team: null, any: null }, 'ExportScope');
/** How far an export reached. */
export type ExportScope = t.TypeOf<typeof ExportScope>;

/** A customer picked for an export, with the owner the read model knows (checked by role). */
export const ExportedCustomer = t.type(
  { customerId: t.string, ownerId: t.union([t.string, t.null]) },
  'ExportedCustomer',
);
/** A customer picked for an export. */
export type ExportedCustomer = t.TypeOf<typeof ExportedCustomer>;

const Sha256 = t.refinement(t.string, (s) => /^[0-9a-f]{64}$/.test(s), 'Sha256');

/**
 * Export customers in bulk: sent, and recorded, before the file is handed out. `customers` are
 * the ones the file holds with their owners, `scope` the reach the selection was made with, and
 * `contentSha256` the SHA-256 of the file's bytes, so a copy found later can be matched to it.
 */
export const ExportCustomers = t.type(
  {
    kind: t.literal('ExportCustomers'),
    exportId: t.string,
    format: ExportFormat,
    scope: ExportScope,
    customers: t.readonlyArray(ExportedCustomer),
    contentSha256: Sha256,
  },
  'ExportCustomers',
);
/** Export customers in bulk. */
export type ExportCustomers = t.TypeOf<typeof ExportCustomers>;

/** Every command of the CustomerExport aggregate. */
export const CustomerExportCommand = ExportCustomers;
/** Every command of the CustomerExport aggregate. */
export type CustomerExportCommand = ExportCustomers;

/**
 * A CustomerExport command as code writes it: plain strings and numbers where the decoded
 * command has branded values (days, currencies, normalized emails). \`send\` takes it and decodes it.
 */
export type CustomerExportCommandInput = t.OutputOf<typeof CustomerExportCommand>;
