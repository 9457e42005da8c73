import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { atLeastOneOfFields } from '../shared/commandCodec.js';
import { isPersonal } from '../shared/personalData.js';
import type { JsonSchema, JsonSchemaOptions, SchemaGap } from './jsonSchema.js';
import { toJsonSchema } from './jsonSchema.js';

const SAFE = Number.MAX_SAFE_INTEGER;
const wholeNumber = (minimum: number, maximum = SAFE): JsonSchema => ({
  type: 'integer',
  minimum,
  maximum,
});
/** Characters the phone codec drops before it reads the number. */
const SEPARATORS = String.raw`[\s\-.()/]*`;

/**
 * The schemas of the domain's own value types, by io-ts name: what each accepts on the wire,
 * never less. Normalizing codecs (an email is trimmed and lower-cased, a phone loses its
 * separators) accept the raw forms, so their patterns do too.
 */
export const domainValueSchemas: Readonly<Record<string, JsonSchema>> = {
  NonEmptyText: { type: 'string', pattern: String.raw`\S` },
  EmailAddress: {
    type: 'string',
    pattern: String.raw`^\s*[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+\s*$`,
    description: 'an email address; compared trimmed and lower-cased',
  },
  PhoneNumber: {
    type: 'string',
    pattern: `^${SEPARATORS}(?:\\+|0${SEPARATORS}0)${SEPARATORS}[1-9](?:${SEPARATORS}\\d){7,14}${SEPARATORS}$`,
    description:
      'a phone number with its country code (E.164 once spaces, dashes, dots and parentheses are dropped; a leading 00 reads as +)',
  },
  IsoInstant: {
    type: 'string',
    pattern: String.raw`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$`,
    description: 'an ISO-8601 instant with an offset or Z',
  },
  DateOnly: { type: 'string', format: 'date', pattern: String.raw`^\d{4}-\d{2}-\d{2}$` },
  SalesPeriod: {
    pattern: String.raw`^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$`,
    description: 'a year, a quarter (2026-Q1) or a month (2026-03)',
  },
  ClockTime: { pattern: String.raw`^([01]\d|2[0-3]):([0-5]\d)$|^24:00$` },
  Sha256: { pattern: '^[0-9a-f]{64}$' },
  RoleName: {
    pattern: '^[a-z][a-z0-9_]{0,39}$',
    description: 'a role: lower-case letters, digits and underscores; system is reserved',
  },
  PermissionPattern: {
    pattern: String.raw`^(\*|[A-Za-z]{1,40}(\.(\*|[A-Za-z]{1,40}))?|\*\.[A-Za-z]{1,40})$`,
    description: 'Aggregate.action, Aggregate.*, *.read or *',
  },
  ReadChannel: {
    pattern: '^[A-Za-z0-9][A-Za-z0-9 /:_.-]{0,79}$',
    description: 'what a read went through: letters, digits, spaces and / : _ . -',
  },
  Sha256Hex: { pattern: '^[0-9a-f]{64}$', description: 'a SHA-256 digest in lower-case hex' },
  Sku: { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'a stock-keeping unit' },
  CurrencyCode: { pattern: '^[A-Z]{3}$', description: 'an ISO 4217 currency code' },
  MinorUnits: { ...wholeNumber(-SAFE), description: 'whole minor units (cents)' },
  NonNegativeMinorUnits: { ...wholeNumber(0), description: 'whole minor units (cents)' },
  BasisPoints: wholeNumber(0),
  FractionBps: wholeNumber(0, 10_000),
  LeadScore: wholeNumber(0, 100),
  SatisfactionScore: wholeNumber(1, 5),
  PositiveQuantity: wholeNumber(1),
  TermMonths: { ...wholeNumber(1, 120), description: 'a contract term in months' },
  NoticeDays: { ...wholeNumber(0, 365), description: 'a notice period in days' },
  InstallmentCount: wholeNumber(2, 60),
  Quantity: wholeNumber(1),
  PositiveMinutes: { type: 'integer', minimum: 1 },
  DurationSeconds: { ...wholeNumber(0), description: 'whole seconds' },
  PositiveCount: wholeNumber(1),
  ReminderOffsetMinutes: {
    ...wholeNumber(0, 60 * 24 * 366),
    description: 'minutes before the due time',
  },
  Latitude: { type: 'number', minimum: -90, maximum: 90, description: 'WGS 84 degrees north' },
  Longitude: { type: 'number', minimum: -180, maximum: 180, description: 'WGS 84 degrees east' },
  TimeZoneName: {
    type: 'string',
    description: 'an IANA time zone (Europe/Rome, America/New_York, UTC)',
  },
  Tiers: {
    minItems: 1,
    description: 'tiers in rising order of attainment, the first from 0',
  },
  'Pipeline (unique stage ids; an open stage; one won and at least one lost closed stage)': {
    description: 'unique stage ids; an open stage; one won and at least one lost closed stage',
  },
};

/** The erased marker a personal field of a forgotten person reads as: `{ "$erased": true }`. */
export const ERASED_FIELD_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { $erased: { const: true } },
  required: ['$erased'],
};

/**
 * Personal fields keep their value's schema and are marked `x-personal` (with `x-retained-as`
 * for a field the law keeps after erasure); in stored events they may also be the erased
 * marker. Commands made by `atLeastOneOf` require one of their fields.
 */
const describeDomainCodec =
  (erasedAllowed: boolean): NonNullable<JsonSchemaOptions['describe']> =>
  (codec, convert, path) => {
    if (isPersonal(codec)) {
      const value = convert(codec.codec, path);
      const marks = {
        'x-personal': true,
        ...(codec.retainedAs === undefined ? {} : { 'x-retained-as': codec.retainedAs }),
      };
      return erasedAllowed
        ? { anyOf: [value, ERASED_FIELD_SCHEMA], ...marks }
        : { ...value, ...marks };
    }
    const oneOf = atLeastOneOfFields(codec);
    if (oneOf !== undefined && codec instanceof t.RefinementType) {
      return {
        ...convert(codec.type as t.Mixed, path),
        anyOf: oneOf.map((field) => ({ required: [field] })),
      };
    }
    return undefined;
  };

/**
 * The JSON Schema of a command codec (one command or an aggregate's union): what a client sends.
 * Personal fields are marked `x-personal`; the erased marker is not allowed, since a command
 * carrying one is refused.
 *
 * @example
 * const schema = commandJsonSchema(RegisterCustomer); // Right({ title: 'RegisterCustomer', ... })
 */
export const commandJsonSchema = (codec: t.Mixed): E.Either<readonly SchemaGap[], JsonSchema> =>
  toJsonSchema(codec, { named: domainValueSchemas, describe: describeDomainCodec(false) });

/**
 * The JSON Schema of an event codec (one event or an aggregate's union) as a reader of the log
 * sees it, `{ type, data }` decrypted: each personal field is its value or, once its person was
 * forgotten, the erased marker.
 *
 * @example
 * const schema = eventJsonSchema(CustomerEvent);
 */
export const eventJsonSchema = (codec: t.Mixed): E.Either<readonly SchemaGap[], JsonSchema> =>
  toJsonSchema(codec, { named: domainValueSchemas, describe: describeDomainCodec(true) });
