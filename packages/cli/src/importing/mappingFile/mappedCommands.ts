import * as E from 'fp-ts/lib/Either.js';
import { v5 as uuidv5 } from 'uuid';
import type { CommandContext } from '@clientele/eventstore';
import type { MappedRow, RejectedRow } from '@clientele/domain';
import { CustomerCommand, LeadCommand, decodeRow } from '@clientele/domain';
import type { ColumnMapping } from '../columnMapping.js';
import type { MappedFields } from './mappedFields.js';
import { mapFields } from './mappedFields.js';

/** Namespace of the command ids of rows imported with a mapping file. */
const COLUMN_MAPPING_NAMESPACE = '3b8d6f2a-1c47-4e95-a0d2-8f5e7c9b4a16';

/**
 * The command id of one step of an imported record (none for a record's only command): the same
 * on every run of the file, so a re-run changes nothing.
 */
export const mappedCommandId = (mapping: ColumnMapping, recordId: string, step = ''): string =>
  uuidv5(
    `${mapping.imports} ${recordId}${step === '' ? '' : ` ${step}`}`,
    COLUMN_MAPPING_NAMESPACE,
  );

/** The context of a mapped command: the import's actor, at the row's date or the import's time. */
export const mappedContext = (commandId: string, occurredAt: string): CommandContext => ({
  commandId,
  actor: { id: 'clientele-import', role: 'data_import' },
  occurredAt,
});

/** The command a customer or lead row becomes: a customer registration or a lead capture. */
export type ColumnCommand = CustomerCommand | LeadCommand;

/**
 * Maps one customer or lead row with a mapping file into a registration or a capture; the
 * command id derives from what is imported and the row's id.
 */
export const mapColumns = (
  mapping: ColumnMapping,
  values: Readonly<Record<string, string>>,
  lineNumber: number,
  now: () => string,
): E.Either<RejectedRow, MappedRow<ColumnCommand>> =>
  E.chain(({ recordId, fields, date }: MappedFields) => {
    const context = mappedContext(mappedCommandId(mapping, recordId), date?.instant ?? now());
    const decoded: E.Either<RejectedRow, ColumnCommand> =
      mapping.imports === 'customers'
        ? decodeRow(
            CustomerCommand,
            { ...fields, kind: 'RegisterCustomer', customerId: recordId },
            lineNumber,
          )
        : decodeRow(LeadCommand, { ...fields, kind: 'CaptureLead', leadId: recordId }, lineNumber);
    return E.map((command: ColumnCommand) => ({ lineNumber, command, context }))(decoded);
  })(mapFields(mapping, values, lineNumber));
