import * as E from 'fp-ts/lib/Either.js';
import { v5 as uuidv5 } from 'uuid';
import type { CommandContext } from '@clientele/eventstore';
import type { MappedRow, RejectedRow } from '@clientele/domain';
import { decodeRow } from '@clientele/domain';
import type { ColumnMapping } from '../columnMapping.js';
import type { MappedFields } from './mappedFields.js';
import type { MappingKind } from './mappingKinds.js';
import { mapFields } from './mappedFields.js';
import { MAPPING_KINDS } from './mappingKinds.js';

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

/**
 * Maps one row of a kind whose record is one command (a customer, contact, lead, ticket,
 * invoice or payment) into that command, decoded by the kind's codec; the command id derives from what is
 * imported and the row's id.
 */
export const mapColumns = (
  mapping: ColumnMapping,
  values: Readonly<Record<string, string>>,
  lineNumber: number,
  now: () => string,
): E.Either<RejectedRow, MappedRow<unknown>> =>
  E.chain(({ recordId, fields, date }: MappedFields) => {
    const kind: MappingKind = MAPPING_KINDS[mapping.imports];
    const context = mappedContext(mappedCommandId(mapping, recordId), date?.instant ?? now());
    const command =
      kind.nested === undefined
        ? { ...fields, kind: kind.codec.name, [kind.idField]: recordId }
        : kind.nested.command(fields, recordId);
    return E.map((decoded: unknown) => ({ lineNumber, command: decoded, context }))(
      decodeRow(kind.codec, command, lineNumber),
    );
  })(mapFields(mapping, values, lineNumber));
