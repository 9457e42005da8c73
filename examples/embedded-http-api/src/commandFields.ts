import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { decodeCommand } from '@clientele/domain';
import type { FieldError } from './problem.js';

/** `path: reason` lines, one per field: io-ts reports a field once per union branch it tried. */
export const oneReasonPerField = (lines: readonly string[]): FieldError[] => {
  const byField = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(': ');
    const field = colon < 0 ? '(body)' : line.slice(0, colon);
    if (!byField.has(field)) byField.set(field, colon < 0 ? line : line.slice(colon + 2));
  }
  return [...byField].map(([field, reason]) => ({ field, reason }));
};

/**
 * Decodes a request body as one of an aggregate's commands. The body's `kind` picks the command,
 * so the errors are that command's, one per wrong field (`contact.email: not an email address,
 * got "x"`), rather than every command of the union explaining why the body is not it.
 */
export const decodeCommandBody = (
  commands: t.UnionType<t.Mixed[]>,
  body: unknown,
): E.Either<readonly FieldError[], unknown> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return E.left([{ field: '(body)', reason: 'expected a JSON object with a kind' }]);
  }
  const kind = (body as { kind?: unknown }).kind;
  // Each command codec is named after its kind.
  const command = commands.types.find((member) => member.name === kind);
  if (command === undefined) {
    const kinds = commands.types.map((member) => member.name).join(', ');
    return E.left([
      { field: 'kind', reason: `expected one of ${kinds}, got ${JSON.stringify(kind ?? null)}` },
    ]);
  }
  return E.mapLeft((invalid: { problems: readonly string[] }) =>
    oneReasonPerField(invalid.problems),
  )(decodeCommand(command, body));
};
