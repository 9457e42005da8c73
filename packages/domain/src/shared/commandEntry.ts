import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type {
  CommandAuthorizer,
  CommandContext,
  CommandFailure,
  CommandHandler,
  CommandOutcome,
  DomainEvent,
} from '@clientele/eventstore';
import { TELEMETRY, formatValidationErrors, isErasedField, tracer } from '@clientele/eventstore';
import { commandKinds } from './commandKinds.js';

/**
 * What every `createXService(store, options)` takes: who may do what, and how event ids are made.
 * Each service names its own (`OpportunityServiceOptions`, …) and may add options of its own.
 */
export interface ServiceOptions<Command, State> {
  /**
   * Who may do what: checked against the loaded aggregate before every decision. Required: an
   * entry point nobody authorizes cannot be built; system work passes `trustedSystemWork()`.
   */
  readonly authorize: CommandAuthorizer<Command, State>;
  /** Event id generator; defaults to uuid v7. A seeded one makes generated histories repeatable. */
  readonly newEventId?: (() => string) | undefined;
}

/** Input that did not decode as a command: one line per wrong field, `path: reason, got value`. */
export interface InvalidCommand {
  readonly kind: 'InvalidCommand';
  readonly problems: readonly string[];
}

/**
 * Why a command sent through an entry point appended nothing: invalid input, a business rule of
 * the aggregate (its own error, flattened), or a failure of the handler (a conflict, a denial).
 */
export type EntryFailure<DomainError> =
  | InvalidCommand
  | DomainError
  | Exclude<CommandFailure<DomainError>, { readonly kind: 'Rejected' }>;

/** Flattens a handler failure so a rule's error is returned as itself. */
export const entryFailure = <DomainError>(
  failure: CommandFailure<DomainError>,
): EntryFailure<DomainError> => (failure.kind === 'Rejected' ? failure.error : failure);

/** Paths of erased markers in a value: events may hold them, commands never. */
const erasedPaths = (value: unknown, path: string): readonly string[] => {
  if (isErasedField(value)) return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, member]) =>
    erasedPaths(member, path === '' ? key : `${path}.${key}`),
  );
};

/**
 * Decodes unknown input as a command; a failure names every wrong field. Personal fields accept
 * the erased marker so stored events of a forgotten person still load, but nobody may send one:
 * a command carrying `{ "$erased": true }` is refused here.
 */
export const decodeCommand = <Command>(
  codec: t.Decoder<unknown, Command>,
  input: unknown,
): E.Either<InvalidCommand, Command> => {
  const span = tracer().startSpan(TELEMETRY.spans.commandDecode);
  try {
    const decoded = decodeUntraced(codec, input);
    span.setAttribute(
      TELEMETRY.attributes.outcome,
      E.isLeft(decoded) ? 'InvalidCommand' : 'Decoded',
    );
    return decoded;
  } finally {
    span.end();
  }
};

const decodeUntraced = <Command>(
  codec: t.Decoder<unknown, Command>,
  input: unknown,
): E.Either<InvalidCommand, Command> => {
  const erased = erasedPaths(input, '');
  if (erased.length > 0) {
    return E.left({
      kind: 'InvalidCommand',
      problems: erased.map((path) => `${path}: an erased value cannot be sent in a command`),
    });
  }
  const kinds = commandKinds(codec);
  const kind =
    typeof input === 'object' && input !== null ? (input as { kind?: unknown }).kind : undefined;
  if (kinds.length > 0 && !kinds.includes(kind as string)) {
    // One line naming the valid kinds beats a failure per command of the union.
    return E.left({
      kind: 'InvalidCommand',
      problems: [
        `kind: ${kind === undefined ? 'missing' : JSON.stringify(kind)} is not a command here; the kinds are ${kinds.join(', ')}`,
      ],
    });
  }
  return E.mapLeft((errors: t.Errors) => ({
    kind: 'InvalidCommand' as const,
    problems: formatValidationErrors(errors),
  }))(codec.decode(input));
};

/** What an entry point answers: why nothing was appended, or what was. */
export type EntryResult<Event, State, DomainError> = Promise<
  E.Either<EntryFailure<DomainError>, CommandOutcome<Event, State>>
>;

/**
 * An aggregate's entry point. `send` takes a command typed at the call site in plain values
 * (strings, numbers: the codec's output type, so a misspelled field does not compile);
 * `handle` takes untrusted input (an HTTP body, a CSV row). Both decode it into the domain's
 * branded types, and both refuse what does not decode, appending nothing.
 */
export interface CommandEntry<Event, State, DomainError, Input = unknown> {
  /** Decodes untrusted input as a command and runs it. */
  handle(input: unknown, context: CommandContext): EntryResult<Event, State, DomainError>;
  /** Runs a command written in code, typed in plain values; decoded like `handle`'s input. */
  send(input: Input, context: CommandContext): EntryResult<Event, State, DomainError>;
}

/**
 * The typed entry point of an aggregate: decode at the boundary, then load, decide and append
 * through the command handler. Invalid input appends nothing.
 */
export const createCommandEntry = <Command, Input, Event extends DomainEvent, State, DomainError>(
  codec: t.Type<Command, Input>,
  handler: CommandHandler<Command, Event, State, DomainError>,
): CommandEntry<Event, State, DomainError, Input> => {
  const handle = async (input: unknown, context: CommandContext) => {
    const decoded = decodeCommand(codec, input);
    if (E.isLeft(decoded)) return decoded;
    return E.mapLeft(entryFailure<DomainError>)(await handler.handle(decoded.right, context));
  };
  return { handle, send: handle };
};
