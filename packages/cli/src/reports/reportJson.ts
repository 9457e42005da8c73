import type { Report, ReportColumn, ReportName } from './report.js';

/** A report as JSON: fixed keys, codes not labels, money in minor units per currency. */
export const reportJson = (report: Report) => ({
  report: report.name,
  asOf: report.asOf,
  rows: report.rows,
  totals: report.totals,
});

/** Several reports as one JSON document: the shared date and each report's own object. */
export const reportsJson = (reports: readonly Report[], asOf: string) => ({
  asOf,
  reports: reports.map(reportJson),
});

/** The columns of a report, without its figures: what its JSON Schema is made from. */
export interface ReportShape {
  readonly name: ReportName;
  readonly description: string;
  readonly columns: readonly ReportColumn[];
  readonly totalColumns: readonly ReportColumn[];
}

type JsonSchema = Readonly<Record<string, unknown>>;

const nullable = (column: ReportColumn, type: string): string | string[] =>
  column.nullable === true ? [type, 'null'] : type;

const CURRENCY = { pattern: '^[A-Z]{3}$' };

const valueSchema = (column: ReportColumn): JsonSchema => {
  const { description } = column;
  switch (column.kind) {
    case 'text':
    case 'code':
    case 'period':
      return { type: nullable(column, 'string'), description };
    case 'count':
      return { type: 'integer', minimum: 0, description };
    case 'money':
      return {
        type: nullable(column, 'object'),
        description: `${description} Per ISO 4217 currency, in minor units (cents).`,
        propertyNames: CURRENCY,
        additionalProperties: { type: 'integer' },
      };
    default: {
      const unit = column.kind === 'percent' ? 'a percentage' : `in ${column.kind}`;
      if (column.byCurrency === true)
        return {
          type: 'object',
          description: `${description} Per ISO 4217 currency, ${unit}; null when there is nothing to measure.`,
          propertyNames: CURRENCY,
          additionalProperties: { type: ['number', 'null'] },
        };
      return { type: nullable(column, 'number'), description: `${description} (${unit})` };
    }
  }
};

const objectOf = (columns: readonly ReportColumn[]): JsonSchema => ({
  type: 'object',
  required: columns.map((c) => c.key),
  additionalProperties: false,
  properties: Object.fromEntries(columns.map((c) => [c.key, valueSchema(c)])),
});

/** The `$id` of a report's JSON Schema. */
export const reportSchemaId = (name: ReportName | 'reports'): string =>
  `urn:clientele:schema:report:${name}`;

const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'The report date.' };

/** The JSON Schema (draft-07) of a report's `--format json` output, made from its columns. */
export const reportSchema = (shape: ReportShape): JsonSchema => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: reportSchemaId(shape.name),
  title: `clientele report ${shape.name} --format json`,
  description: shape.description,
  type: 'object',
  required: ['report', 'asOf', 'rows', 'totals'],
  additionalProperties: false,
  properties: {
    report: { const: shape.name },
    asOf: DAY,
    rows: { type: 'array', items: objectOf(shape.columns) },
    totals: objectOf(shape.totalColumns),
  },
});

/** The JSON Schema of several reports printed at once (`report all --format json`). */
export const reportsSchema = (names: readonly ReportName[]): JsonSchema => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: reportSchemaId('reports'),
  title: 'clientele report <name> <name>... --format json',
  description: 'Several reports at once: their shared date, then each report as printed alone.',
  type: 'object',
  required: ['asOf', 'reports'],
  additionalProperties: false,
  properties: {
    asOf: DAY,
    reports: { type: 'array', items: { anyOf: names.map((n) => ({ $ref: reportSchemaId(n) })) } },
  },
});
