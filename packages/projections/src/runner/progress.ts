import type { Position } from '@clientele/eventstore';

/** How a pass over the log is going, as the CLI's progress bar shows it. */
export interface ProjectionProgress {
  /** Events read from the log in this pass so far. */
  readonly eventsDone: number;
  /** Estimated events still to read up to the head seen when the pass began. */
  readonly eventsLeft: number;
  readonly eventsPerSecond: number;
  /** Seconds left at the current rate; undefined until the rate is known. */
  readonly secondsLeft: number | undefined;
  /** The last position projected. */
  readonly position: Position;
}

/**
 * Estimates progress from log positions. On SQLite and PostgreSQL positions count events, so the
 * estimate is exact there; on EventStoreDB positions are byte offsets and the estimate assumes
 * events of even size.
 */
export const createProgressMeter = (
  start: Position | undefined,
  head: Position | undefined,
  now: () => number,
) => {
  const startedAt = now();
  const first = start?.commit ?? 0n;
  return (eventsDone: number, position: Position): ProjectionProgress => {
    const seconds = (now() - startedAt) / 1000;
    const eventsPerSecond = seconds > 0 ? eventsDone / seconds : 0;
    const covered = position.commit - first;
    const remaining =
      head === undefined || head.commit <= position.commit ? 0n : head.commit - position.commit;
    const eventsLeft =
      covered > 0n
        ? Math.round((Number(remaining) * eventsDone) / Number(covered))
        : Number(remaining);
    return {
      eventsDone,
      eventsLeft,
      eventsPerSecond,
      secondsLeft: eventsPerSecond > 0 ? eventsLeft / eventsPerSecond : undefined,
      position,
    };
  };
};
