import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type {
  CommandContext,
  CommandFailure,
  CommandHandler,
  CommandOutcome,
  DomainEvent,
} from '@clientele/eventstore';
import { formatValidationErrors, isErasedField } from '@clientele/eventstore';

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
  const erased = erasedPaths(input, '');
  if (erased.length > 0) {
    return E.left({
      kind: 'InvalidCommand',
      problems: erased.map((path) => `${path}: an erased value cannot be sent in a command`),
    });
  }
  return E.mapLeft((errors: t.Errors) => ({
    kind: 'InvalidCommand' as const,
    problems: formatValidationErrors(errors),
  }))(codec.decode(input));
};

/** Handles commands given as unknown input: what apps, HTTP handlers and importers call. */
export interface CommandEntry<Event, State, DomainError> {
  handle(
    input: unknown,
    context: CommandContext,
  ): Promise<E.Either<EntryFailure<DomainError>, CommandOutcome<Event, State>>>;
}

/**
 * The typed entry point of an aggregate: decode at the boundary, then load, decide and append
 * through the command handler. Invalid input appends nothing.
 */
export const createCommandEntry = <Command, Event extends DomainEvent, State, DomainError>(
  codec: t.Decoder<unknown, Command>,
  handler: CommandHandler<Command, Event, State, DomainError>,
): CommandEntry<Event, State, DomainError> => ({
  handle: async (input, context) => {
    const decoded = decodeCommand(codec, input);
    if (E.isLeft(decoded)) return decoded;
    return E.mapLeft(entryFailure<DomainError>)(await handler.handle(decoded.right, context));
  },
});
