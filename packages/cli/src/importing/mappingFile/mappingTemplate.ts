import type { MappingKindName } from './mappingKinds.js';
import { MAPPING_KINDS, mappableFields } from './mappingKinds.js';

/**
 * A mapping file to start from for `kind`, generated from the command's codec so it lists every
 * field the import knows: required fields first, each mapped from a column of the same name.
 */
export const mappingTemplate = (kind: MappingKindName): string => {
  const fields = mappableFields(kind);
  const { dateFields, moneyFields } = MAPPING_KINDS[kind];
  const columns = fields
    .map(({ field, required }) => `"${field}": "${required ? '' : '?'}${field} column"`)
    .join(', ');
  const extras = [
    ...(dateFields.length > 0 || kind === 'opportunities'
      ? ['"dates": {"format": "DD/MM/YYYY", "timeZone": "Europe/Berlin"}']
      : []),
    ...(moneyFields.length > 0
      ? ['"money": {"decimalSeparator": ".", "currency": "USD", "minorUnits": 2}']
      : []),
  ];
  return [
    `{"imports": "${kind}", "idColumn": "Id", "idPrefix": "crm-", "dateColumn": "Created",`,
    ` "columns": {${columns}},`,
    ` "values": {"${fields[0]?.field ?? ''}": {"in the file": "in Clientele"}},`,
    ...extras.map((extra) => ` ${extra},`),
    ` "constants": {}}`,
  ].join('\n');
};
