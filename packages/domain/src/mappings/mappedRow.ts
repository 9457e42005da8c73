import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { CommandContext } from '@clientele/eventstore';
import { formatValidationErrors } from '@clientele/eventstore';

/** A data row turned into a command for an aggregate's entry point, with its context. */
export interface MappedRow<Command> {
  readonly lineNumber: number;
  readonly command: Command;
  readonly context: CommandContext;
}

/** A row that cannot become a command: its line and every reason, `field: reason, got value`. */
export interface RejectedRow {
  readonly lineNumber: number;
  readonly problems: readonly string[];
}

/** Decodes a raw value with a codec, naming the line and each wrong field on failure. */
export const decodeRow = <A>(
  codec: t.Decoder<unknown, A>,
  value: unknown,
  lineNumber: number,
): E.Either<RejectedRow, A> =>
  E.mapLeft((errors: t.Errors) => ({ lineNumber, problems: formatValidationErrors(errors) }))(
    codec.decode(value),
  );
