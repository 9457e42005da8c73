import type { IsoInstant } from '@clientele/eventstore';
import type { HistoryStep } from '../historyStep.js';
import type { HistoryWorld } from '../historyWorld.js';
import type { EngagementServices } from './engagementServices.js';
import { zonedInstant } from '../../sla/zonedTime.js';
import { addDays } from '../../shared/dates.js';
import { createPool } from '../pool.js';
import { personName } from '../names.js';
import { ownerOf } from './activitySteps.js';

const TITLES = ['Discovery meeting', 'Product demo', 'Quarterly review', 'Site visit'];

/** A slot on a working hour of one of the next ten days, in Rome. */
const slotOf = (world: HistoryWorld): { start: IsoInstant; end: IsoInstant } => {
  const { random } = world;
  const day = addDays(world.today(), random.int(1, 10));
  const start = zonedInstant(day, random.int(9, 16) * 60, 'Europe/Rome');
  const end = start + random.pick([30, 60, 60, 90]) * 60_000;
  return {
    start: new Date(start).toISOString() as IsoInstant,
    end: new Date(end).toISOString() as IsoInstant,
  };
};

/**
 * Appointments: reps book meetings with their customers' contacts (now and then with a colleague),
 * and the calendar refuses the ones that would double-book someone; a few move or are cancelled,
 * and invited colleagues answer.
 */
export const calendarSteps = (services: EngagementServices): readonly HistoryStep[] => {
  const booked = createPool<{ readonly appointmentId: string; readonly reps: readonly string[] }>();
  return [
    {
      name: 'bookAppointment',
      weight: (world) => (world.customers.length > 0 ? 1 : 0),
      run: async (world) => {
        const { random } = world;
        const customerId = random.pick(world.customers);
        const organizerId = await ownerOf(world, customerId);
        if (organizerId === undefined) return;
        const colleague = random.chance(0.25) ? random.pick(world.reps) : organizerId;
        const reps = [...new Set([organizerId, colleague])];
        const appointmentId = random.uuid();
        const accepted = world.record(
          'bookAppointment',
          await services.calendar.send(
            {
              kind: 'BookAppointment',
              appointmentId,
              title: random.pick(TITLES),
              ...slotOf(world),
              timeZone: 'Europe/Rome',
              organizerId,
              reps,
              contacts: [{ subjectId: random.uuid(), name: personName(random) }],
              location: random.chance(0.5) ? 'Customer office' : 'Video call',
              link: { type: 'customer', id: customerId },
            },
            world.context(organizerId),
          ),
        );
        if (accepted) booked.add(appointmentId, { appointmentId, reps });
      },
    },
    {
      name: 'moveAppointment',
      weight: () => (booked.size > 0 ? 0.2 : 0),
      run: async (world) => {
        const { appointmentId, reps } = booked.pick(world.random);
        world.record(
          'moveAppointment',
          await services.calendar.send(
            { kind: 'MoveAppointment', appointmentId, ...slotOf(world) },
            world.context(reps[0]),
          ),
        );
      },
    },
    {
      name: 'cancelAppointment',
      weight: () => (booked.size > 0 ? 0.1 : 0),
      run: async (world) => {
        const { appointmentId, reps } = booked.pick(world.random);
        world.record(
          'cancelAppointment',
          await services.calendar.send(
            { kind: 'CancelAppointment', appointmentId, reason: 'Customer asked to cancel' },
            world.context(reps[0]),
          ),
        );
        booked.remove(appointmentId);
      },
    },
    {
      name: 'answerInvitation',
      weight: () => (booked.size > 0 ? 0.2 : 0),
      run: async (world) => {
        const { appointmentId, reps } = booked.pick(world.random);
        const participantId = reps[reps.length - 1] ?? '';
        world.record(
          'answerInvitation',
          await services.calendar.send(
            {
              kind: 'AnswerInvitation',
              appointmentId,
              participantId,
              answer: world.random.chance(0.85) ? 'accepted' : 'tentative',
            },
            world.context(participantId),
          ),
        );
      },
    },
  ];
};
