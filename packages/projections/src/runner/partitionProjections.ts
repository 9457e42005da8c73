/**
 * Splits projection names into at most `parts` non-empty groups of near-equal size, dealing them
 * out in order (the first name to the first group, the second to the second…), so neighbouring
 * projections, which tend to read the same streams, land in different threads.
 */
export const partitionProjections = (
  names: readonly string[],
  parts: number,
): readonly (readonly string[])[] => {
  const count = Math.max(1, Math.min(Math.floor(parts), names.length));
  const groups: string[][] = Array.from({ length: count }, () => []);
  names.forEach((name, index) => groups[index % count]?.push(name));
  return groups.filter((group) => group.length > 0);
};
