import { describe, it } from 'vitest';
import { deciderSpec } from '@clientele/eventstore/testing';
import type { AppointmentCommand } from './commands.js';
import { appointmentDecider } from './decide.js';
import type { AppointmentEvent } from './events.js';

const appointments = deciderSpec(appointmentDecider);
const appointmentId = 'appointment-1';
const booked = {
  type: 'AppointmentBooked',
  data: {
    appointmentId,
    title: 'Quarterly review',
    start: '2026-03-10T09:00:00.000Z',
    end: '2026-03-10T10:00:00.000Z',
    timeZone: 'Europe/Rome',
    organizerId: 'rep-ada',
    reps: ['rep-ada', 'rep-bob'],
    contacts: [],
  },
} as unknown as AppointmentEvent;
const handOver = (organizerId: string) =>
  ({ kind: 'HandOverAppointment', appointmentId, organizerId }) as AppointmentCommand;

describe('handing an appointment over', () => {
  it('makes the successor its organizer, naming the one before', () => {
    appointments
      .given([booked])
      .when(handOver('mgr-east'))
      .then([
        {
          type: 'AppointmentHandedOver',
          data: { appointmentId, organizerId: 'mgr-east', previousOrganizerId: 'rep-ada' },
        },
      ]);
  });

  it('changes nothing when the organizer stays the same', () => {
    appointments.given([booked]).when(handOver('rep-ada')).then([]);
  });

  it('refuses to hand over a cancelled appointment or one never booked', () => {
    const cancelled = {
      type: 'AppointmentCancelled',
      data: { appointmentId, reps: ['rep-ada', 'rep-bob'] },
    } as AppointmentEvent;
    appointments
      .given([booked, cancelled])
      .when(handOver('mgr-east'))
      .thenFails({ kind: 'AppointmentCancelled', appointmentId });
    appointments
      .given([])
      .when(handOver('mgr-east'))
      .thenFails({ kind: 'AppointmentNotFound', appointmentId });
  });
});
