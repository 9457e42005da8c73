import * as E from 'fp-ts/lib/Either.js';

/**
 * What a record id given on the command line may hold: letters, digits, spaces and `. _ : @ + - / #`,
 * starting with a letter or digit, at most 200 characters. Ids from every data set fit (uuids,
 * `maven-account-…`, `helpdesk-customer-…`); quotes, semicolons, backslashes and control
 * characters never belong in one, so an id carrying SQL or markup is refused before it is used.
 */
const RECORD_ID = /^[\p{L}\p{N}][\p{L}\p{N} ._:@+\-/#]{0,199}$/u;

/** `text` as the id of `what` (a customer, a person), or a sentence saying why it is not one. */
export const recordId = (text: string | undefined, what: string): E.Either<string, string> => {
  if (text === undefined || text.trim() === '') return E.left(`name one ${what} by id`);
  return RECORD_ID.test(text)
    ? E.right(text)
    : E.left(
        `${JSON.stringify(text)} is not a ${what} id: ids hold letters, digits, spaces and . _ : @ + - / # only`,
      );
};
