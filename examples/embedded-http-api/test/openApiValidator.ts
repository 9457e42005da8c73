import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface OpenApiDocument {
  readonly components: { readonly schemas: Record<string, object> };
  readonly paths: Record<
    string,
    { post?: { requestBody: { content: { 'application/json': { schema: { $ref: string } } } } } }
  >;
}

/**
 * Checks an OpenAPI document against the OpenAPI 3.1 schema, compiles its component schemas as
 * JSON Schema 2020-12 (strict, with formats), and validates request bodies against a path's
 * schema, one line per failure.
 */
export const openApiValidator = async (document: unknown) => {
  const checked = await new Validator().validate(document as Record<string, unknown>);
  const documentErrors = checked.valid ? [] : [JSON.stringify(checked.errors)];
  const spec = document as OpenApiDocument;
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addKeyword('x-personal').addKeyword('x-retained-as');
  for (const [name, schema] of Object.entries(spec.components.schemas)) {
    ajv.addSchema(schema, `#/components/schemas/${name}`);
  }
  return {
    documentErrors,
    requestErrors: (path: string, body: unknown): readonly string[] => {
      const ref = spec.paths[path]?.post?.requestBody.content['application/json'].schema.$ref;
      const validate = ajv.getSchema(ref ?? 'missing');
      if (validate === undefined) return [`no request schema for ${path}`];
      return validate(body)
        ? []
        : (validate.errors ?? []).map((error) => `${error.instancePath}: ${error.message ?? ''}`);
    },
  };
};
