import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { JsonSchema, SchemaGap } from '@clientele/domain';
import {
  JSON_SCHEMA_DIALECT,
  commandJsonSchema,
  eventJsonSchema,
  toJsonSchema,
} from '@clientele/domain';
import { CustomerDocument } from '@clientele/projections';
import type { CommandCollection } from './commandRoute.js';
import { MAX_PAGE_SIZE } from './pagination.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPES } from './problem.js';

/** A converted schema without its `$schema`: the document declares the dialect once. */
const component = (schema: E.Either<readonly SchemaGap[], JsonSchema>, name: string) => {
  if (E.isLeft(schema)) {
    throw new Error(`${name} has no JSON Schema: ${JSON.stringify(schema.left)}`);
  }
  const { $schema: _dialect, ...rest } = schema.right;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: ref('Problem') } },
});
const json = (schema: object, description: string, headers: object = {}) => ({
  description,
  headers,
  content: { 'application/json': { schema } },
});
const etagHeader = { ETag: { $ref: '#/components/headers/ETag' } };

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details: the one shape of every error.',
  properties: {
    type: { type: 'string', enum: Object.keys(PROBLEM_TYPES).map((type) => `/problems/${type}`) },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: '400: one entry per wrong field',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, reason: { type: 'string' } },
        required: ['field', 'reason'],
      },
    },
    permission: { type: 'string', description: "403: the permission the actor's role lacks" },
    refusal: { type: 'object', description: "409: the business rule's error as data" },
    currentRevision: { type: 'string', description: "409, 412: the stream's current revision" },
  },
  required: ['type', 'title', 'status', 'detail'],
};

const outcomeSchema = (eventSchema: string) => ({
  type: 'object',
  properties: {
    streamName: { type: 'string' },
    revision: { type: ['string', 'null'], description: 'the stream revision after the command' },
    duplicate: { type: 'boolean', description: 'true when the Idempotency-Key was seen before' },
    events: { type: 'array', items: ref(eventSchema) },
    state: { type: 'object' },
  },
  required: ['streamName', 'revision', 'duplicate', 'events', 'state'],
});

const pageSchema = (items: object) => ({
  type: 'object',
  properties: {
    items: { type: 'array', items },
    next: { type: ['string', 'null'], description: 'the cursor to pass as `after`' },
  },
  required: ['items', 'next'],
});

/** The paths of one aggregate: its commands and its current state. */
const collectionPaths = (
  collection: CommandCollection,
  names: { command: string; event: string },
) => ({
  [`/${collection.path}/{id}/commands`]: {
    post: {
      summary: `Send a ${collection.category} command`,
      parameters: ['Id', 'Actor', 'IdempotencyKey', 'IfMatch'].map(parameter),
      requestBody: {
        required: true,
        content: { 'application/json': { schema: ref(names.command) } },
      },
      responses: {
        '200': json(
          outcomeSchema(names.event),
          'handled, or replayed for a known Idempotency-Key',
          {
            ...etagHeader,
            'Idempotent-Replayed': { schema: { type: 'string', enum: ['true'] } },
          },
        ),
        '400': problemResponse('a header or the body does not decode'),
        '403': problemResponse("the actor's role lacks the permission"),
        '409': problemResponse('a business rule refused the command, or writers kept racing'),
        '412': problemResponse('If-Match is not the current revision'),
        '413': problemResponse('the body is over the limit'),
      },
    },
  },
  [`/${collection.path}/{id}`]: {
    get: {
      summary: `The ${collection.category}'s current state`,
      parameters: ['Id', 'Actor'].map(parameter),
      responses: {
        '200': json({ type: 'object' }, 'the state, folded from the stream', etagHeader),
        '403': problemResponse("the actor's role may not read this record"),
        '404': problemResponse('no such record'),
      },
    },
  },
});

const paged = (summary: string, items: object, permission: string) => ({
  get: {
    summary,
    parameters: ['Actor', 'Limit', 'After'].map(parameter),
    responses: {
      '200': json(pageSchema(items), 'a page', {
        Link: { schema: { type: 'string' }, description: 'rel="next": the next page' },
      }),
      '400': problemResponse('a bad limit or cursor'),
      '403': problemResponse(`the actor's role lacks ${permission}`),
    },
  },
});

/**
 * The service's OpenAPI 3.1 document. Request and event schemas are generated from the domain's
 * io-ts codecs, so the document cannot drift from what the service decodes.
 */
export const openApiDocument = (
  collections: readonly (CommandCollection & { readonly events: t.Mixed })[],
) => {
  const schemas: Record<string, object> = {
    Problem: problemSchema,
    CustomerDocument: component(toJsonSchema(CustomerDocument), 'CustomerDocument'),
  };
  const paths: Record<string, object> = {};
  for (const collection of collections) {
    const names = { command: collection.commands.name, event: collection.events.name };
    schemas[names.command] = component(commandJsonSchema(collection.commands), names.command);
    schemas[names.event] = component(eventJsonSchema(collection.events), names.event);
    Object.assign(paths, collectionPaths(collection, names));
  }
  paths['/customers'] = paged('Customers, by id', ref('CustomerDocument'), 'Customer.read');
  paths['/events'] = paged('The raw log, by position', { type: 'object' }, 'Log.audit');
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: JSON_SCHEMA_DIALECT,
    info: {
      title: 'Clientele CRM service (example)',
      version: '0.1.0',
      description:
        'Commands through the domain entry points; errors as RFC 9457 problem details. ' +
        'X-Actor is asserted by an authenticating proxy, not authenticated here.',
    },
    paths,
    components: {
      schemas,
      headers: {
        ETag: {
          description: 'the stream revision, as a strong tag ("3"); send it back as If-Match',
          schema: { type: 'string' },
        },
      },
      parameters: {
        Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        Actor: {
          name: 'X-Actor',
          in: 'header',
          required: true,
          description: 'who acts, id:role; asserted by the proxy in front, not authenticated',
          schema: { type: 'string', pattern: '^[^:\\s]+:[a-z_]+$' },
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'the command id, a uuid: a retry with the same key changes nothing',
          schema: { type: 'string', format: 'uuid' },
        },
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: false,
          description: 'the ETag last read: the command applies only to that revision',
          schema: { type: 'string' },
        },
        Limit: {
          name: 'limit',
          in: 'query',
          schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 },
        },
        After: { name: 'after', in: 'query', schema: { type: 'string' } },
      },
    },
  };
};
