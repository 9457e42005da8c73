import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { EventStore } from '@clientele/eventstore';
import { createRepSchedules } from '@clientele/domain';
import { startScript } from '../../../packages/eventstore-sqlite/test/support/childScripts.js';

const processes = fileURLToPath(new URL('./processes/', import.meta.url));
const ROUNDS = 12;

/**
 * Starts two processes that book overlapping slots for the same rep, round after round, at the
 * same instant; then checks that each round has exactly one winner, that the loser was told the
 * rep is double-booked, and that the rep's schedule holds the winner's time only.
 */
export const raceTwoBookers = async (target: string, store: EventStore): Promise<void> => {
  // Far enough ahead for both processes to load tsx and open the store.
  const startAt = Date.now() + 4000;
  const children = ['a', 'b'].map((label) =>
    startScript('bookRounds.ts', [target, label, ROUNDS.toString(), startAt.toString()], processes),
  );
  const codes = await Promise.all(children.map((child) => child.exited));
  expect(codes, children.map((child) => child.stderr()).join('\n')).toEqual([0, 0]);
  const outcomes = children.map((child) =>
    child.lines.map((line) => JSON.parse(line) as { round: number; outcome: string }),
  );
  const schedules = createRepSchedules(store, {});
  for (let round = 0; round < ROUNDS; round += 1) {
    const pair = outcomes.map((lines) => lines.find((line) => line.round === round)?.outcome);
    expect(
      pair.filter((outcome) => outcome === 'booked'),
      `round ${round.toString()}`,
    ).toHaveLength(1);
    expect(pair.filter((outcome) => outcome === 'RepDoubleBooked')).toHaveLength(1);
    const day = new Date(Date.UTC(2026, 2, 2 + round)).toISOString().slice(0, 10);
    const slots = await schedules.busy(
      `rep-${round.toString()}`,
      `${day}T00:00:00.000Z` as never,
      `${day}T23:59:59.000Z` as never,
    );
    const winner = pair[0] === 'booked' ? 'a' : 'b';
    expect(slots.map((slot) => slot.appointmentId)).toEqual([`${winner}-${round.toString()}`]);
  }
};
