import * as t from 'io-ts';

/** An ISO-8601 instant with an explicit offset or `Z`, e.g. `2026-03-03T09:15:00.000Z`. */
export interface IsoInstantBrand {
  readonly IsoInstant: unique symbol;
}
const ISO_INSTANT_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Codec for an ISO-8601 instant string with an offset (no local, zone-less times). */
export const IsoInstant = t.brand(
  t.string,
  (s): s is t.Branded<string, IsoInstantBrand> =>
    ISO_INSTANT_PATTERN.test(s) && !Number.isNaN(Date.parse(s)),
  'IsoInstant',
);
/** An ISO-8601 instant string with an offset. */
export type IsoInstant = t.TypeOf<typeof IsoInstant>;

/**
 * Who issued a command: a user or a system process, with the role they acted in. A system process
 * (role `system`: an import, a reactor, a migration) states why it acts in `reason`, so the log
 * says what trusted work wrote an event and on whose request.
 */
export const Actor = t.intersection(
  [
    t.readonly(t.type({ id: t.string, role: t.string })),
    t.readonly(t.partial({ reason: t.string })),
  ],
  'Actor',
);
/** Who issued a command. */
export type Actor = t.TypeOf<typeof Actor>;

/**
 * Names the data subject (a person) whose personal fields in this event are encrypted, and the id
 * of the key they are encrypted with. Reserved for the crypto-shredding layer.
 */
export const DataSubjectKey = t.readonly(
  t.type({ subjectId: t.string, keyId: t.string }),
  'DataSubjectKey',
);
/** A data subject and the key id of their encrypted fields. */
export type DataSubjectKey = t.TypeOf<typeof DataSubjectKey>;

const SchemaVersion = t.brand(
  t.number,
  (n): n is t.Branded<number, { readonly SchemaVersion: unique symbol }> =>
    Number.isInteger(n) && n >= 1,
  'SchemaVersion',
);

/**
 * The metadata every stored event carries, the same on every engine. It makes the log an operation
 * log: who (`actor`) did what, when it happened in business time (`occurredAt`), on whose behalf
 * (`correlationId`), because of what (`causationId`), through which command (`commandId`).
 *
 * Optional fields: `tenantId` isolates tenants; `subjects` lists the data subjects whose personal
 * fields are encrypted in the event; `chain` holds the stream hash-chain value. They are reserved
 * now so stored events never need migrating when those features are switched on.
 */
export const EventMetadata = t.intersection(
  [
    t.type({
      occurredAt: IsoInstant,
      actor: Actor,
      correlationId: t.string,
      causationId: t.union([t.string, t.null]),
      commandId: t.string,
      schemaVersion: SchemaVersion,
    }),
    t.partial({
      tenantId: t.string,
      /**
       * How the command came in, when not by hand: for an import, the mapping's name and SHA-256
       * and the file's SHA-256 (`{ via: 'import', mapping, mappingSha256, fileSha256 }`).
       */
      how: t.readonly(t.record(t.string, t.string)),
      subjects: t.readonlyArray(DataSubjectKey),
      chain: t.string,
    }),
  ],
  'EventMetadata',
);
/**
 * The metadata every stored event carries, as plain JSON values (the codec checks the formats of
 * `occurredAt` and `schemaVersion` when an event is appended).
 */
export type EventMetadata = t.OutputOf<typeof EventMetadata>;
