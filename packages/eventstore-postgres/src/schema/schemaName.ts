const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Checks a schema name and returns it double-quoted for SQL. Only lower-case identifiers are
 * accepted, so the name the user passes is the name PostgreSQL shows, and nothing needs escaping.
 */
export const quoteSchemaName = (schema: string): string => {
  if (!SCHEMA_NAME_PATTERN.test(schema)) {
    throw new RangeError(
      `schema name ${JSON.stringify(schema)} must be 1-63 characters of a-z, 0-9 and _, not starting with a digit`,
    );
  }
  return `"${schema}"`;
};
