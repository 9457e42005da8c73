/**
 * Memoizes what `start` resolves to (a schema set up, a table created) once it succeeds. A
 * failure is not kept: while the server is down every call tries again, and the first after it
 * is back succeeds.
 */
export const onceReady = <A>(start: () => Promise<A>): (() => Promise<A>) => {
  let ready: Promise<A> | undefined;
  return () =>
    (ready ??= start().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
};
