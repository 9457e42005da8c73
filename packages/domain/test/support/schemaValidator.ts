import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonSchema } from '../../src/schema/jsonSchema.js';

/**
 * A strict JSON Schema 2020-12 validator (ajv, with formats) for a produced schema: compiling
 * throws on a schema that is not valid JSON Schema; the validator returns one line per failure,
 * `instancePath: message`, and nothing for a valid value.
 */
export const schemaValidator = (schema: JsonSchema) => {
  const validate = strictAjv().compile(schema);
  return (value: unknown): readonly string[] =>
    validate(value)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath}: ${error.message ?? ''}`);
};

/**
 * What makes a schema invalid against the JSON Schema 2020-12 meta-schema: cheaper than compiling,
 * for checking many large schemas at once.
 */
export const schemaProblems = (schema: JsonSchema): readonly string[] => {
  const ajv = strictAjv();
  return ajv.validateSchema(schema) === true
    ? []
    : (ajv.errors ?? []).map((error) => `${error.instancePath}: ${error.message ?? ''}`);
};

let shared: Ajv2020 | undefined;

/** One validator for all: setting one up compiles the meta-schemas, which is the slow part. */
const strictAjv = (): Ajv2020 => {
  if (shared !== undefined) return shared;
  // `anyOf: [{ required: ['name'] }, …]` (at least one of) names properties defined beside it,
  // which ajv's strict mode would flag although it is plain JSON Schema.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addKeyword('x-personal').addKeyword('x-retained-as');
  shared = ajv;
  return ajv;
};
