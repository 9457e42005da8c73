import type { MappingKindName } from './mappingKinds.js';
import { MAPPING_KINDS, mappableFields } from './mappingKinds.js';

/**
 * A mapping file to start from for `kind`, generated from the command's codec so it lists every
 * field the import knows: required fields first, each mapped from a column of the same name.
 */
export const mappingTemplate = (kind: MappingKindName): string => {
  const fields = mappableFields(kind);
  const { dateFields, moneyFields, extraFields } = MAPPING_KINDS[kind];
  // The value map shown is for a field the export most likely words its own way.
  const mapped = Object.keys(extraFields)[0] ?? fields[0]?.field ?? '';
  const columns = fields
    .map(({ field, required }) => `"${field}": "${required ? '' : '?'}${field} column"`)
    .join(',\n   ');
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
    ` "columns": {\n   ${columns}},`,
    ` "values": {"${mapped}": {"in the file": "in Clientele"}},`,
    ...extras.map((extra) => ` ${extra},`),
    ` "constants": {}}`,
  ].join('\n');
};
