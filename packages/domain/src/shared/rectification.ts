/**
 * The corrections that change something: the fields given in `corrections` whose value differs
 * from the one in `current` (compared with `===`, so meant for the text fields a person's data is
 * made of). A rectification records only these, so correcting to the same values records nothing.
 */
export const changedFields = <T extends Readonly<Record<string, unknown>>>(
  current: Readonly<Record<string, unknown>>,
  corrections: T,
): Partial<T> =>
  Object.fromEntries(
    Object.entries(corrections).filter(
      ([field, value]) => value !== undefined && value !== current[field],
    ),
  ) as Partial<T>;
