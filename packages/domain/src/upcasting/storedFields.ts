/**
 * A stored event's data (or a part of it) as an object, whatever a decoder will make of it later:
 * what an upcaster reads, since it may not trust today's codec with an old shape.
 */
export const fieldsOf = (data: unknown): Readonly<Record<string, unknown>> =>
  typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
