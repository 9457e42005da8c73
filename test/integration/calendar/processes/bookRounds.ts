import { permitEveryoneInTests } from '@clientele/eventstore/testing';
// One of two processes racing to book the same rep. Usage:
//   bookRounds.ts <sqlite:file | postgres:schema> <label a|b> <rounds> <start at, epoch ms>
// Round i books rep-<i> on its own day, 09:00–10:00 for a, 09:30–10:30 for b, so every round is
// a real conflict. Prints one JSON line per round: { round, outcome: 'booked' | 'RepDoubleBooked' }.
import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@clientele/eventstore';
import { createCalendarService } from '@clientele/domain';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { connectionString } from '../../../support/postgres.js';

const [target = '', label = 'a', roundsText = '10', startAtText = '0'] = process.argv.slice(2);
const [engine, location = ''] = target.split(/:(.*)/s);
const store: EventStore =
  engine === 'sqlite'
    ? createSqliteEventStore({ file: location })
    : createPostgresEventStore({ connectionString, schema: location, maxConnections: 2 });
const calendar = createCalendarService(store, { authorize: permitEveryoneInTests() });
const times = label === 'a' ? ['09:00', '10:00'] : ['09:30', '10:30'];

while (Date.now() < Number(startAtText)) await new Promise((resolve) => setTimeout(resolve, 1));
try {
  for (let round = 0; round < Number(roundsText); round += 1) {
    const day = new Date(Date.UTC(2026, 2, 2 + round)).toISOString().slice(0, 10);
    const result = await calendar.send(
      {
        kind: 'BookAppointment',
        appointmentId: `${label}-${round.toString()}`,
        title: 'Race',
        start: `${day}T${times[0] ?? ''}:00.000Z`,
        end: `${day}T${times[1] ?? ''}:00.000Z`,
        timeZone: 'UTC',
        organizerId: `rep-${round.toString()}`,
        reps: [`rep-${round.toString()}`],
      },
      {
        commandId: uuidv7(),
        actor: { id: `rep-${round.toString()}`, role: 'sales_rep' },
        occurredAt: `${day}T08:00:00.000Z`,
      },
    );
    const outcome = E.isRight(result) ? 'booked' : result.left.kind;
    console.log(JSON.stringify({ round, outcome }));
  }
} finally {
  await store.close();
}
