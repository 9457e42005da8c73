import * as E from 'fp-ts/lib/Either.js';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { personalFieldPaths } from '../shared/personalData.js';
import type { AppointmentEvent } from './events.js';
import type { RepScheduleEvent } from './repSchedule/events.js';
import { AppointmentCommand } from './commands.js';
import { appointmentDecider } from './decide.js';
import { AppointmentEvent as AppointmentEventCodec } from './events.js';
import { RepScheduleCommand, repScheduleDecider } from './repSchedule/decide.js';
import { RepScheduleEvent as RepScheduleEventCodec } from './repSchedule/events.js';
import { utcDaysTouched } from './repSchedule/repScheduleDays.js';

const appointments = deciderSpec(appointmentDecider);
const schedule = deciderSpec(repScheduleDecider);
const appointmentId = 'appointment-1';
const decodeWith =
  <A>(codec: { decode: (u: unknown) => E.Either<unknown, A> }) =>
  (input: Record<string, unknown>): A => {
    const decoded = codec.decode(input);
    if (E.isLeft(decoded)) throw new Error(`does not decode: ${JSON.stringify(input)}`);
    return decoded.right;
  };
const command = (input: Record<string, unknown>) =>
  decodeWith(AppointmentCommand)({ appointmentId, ...input });
const event = decodeWith(AppointmentEventCodec) as (input: unknown) => AppointmentEvent;
const slotCommand = (input: Record<string, unknown>) =>
  decodeWith(RepScheduleCommand)({ repId: 'rep-1', ...input });
const slotEvent = decodeWith(RepScheduleEventCodec) as (input: unknown) => RepScheduleEvent;

const start = '2026-03-10T09:00:00.000Z';
const end = '2026-03-10T10:00:00.000Z';
const booking = {
  kind: 'BookAppointment',
  title: 'Quarterly review',
  start,
  end,
  timeZone: 'Europe/Rome',
  organizerId: 'rep-1',
  reps: ['rep-1', 'rep-2', 'rep-1'],
  contacts: [{ subjectId: 'person-1', name: 'Ana Souza' }],
  location: 'Customer HQ',
  link: { type: 'opportunity', id: 'deal-1' },
};
const booked = event({
  type: 'AppointmentBooked',
  data: {
    appointmentId,
    title: 'Quarterly review',
    start,
    end,
    timeZone: 'Europe/Rome',
    organizerId: 'rep-1',
    reps: ['rep-1', 'rep-2'],
    contacts: [{ subjectId: 'person-1', name: 'Ana Souza' }],
    location: 'Customer HQ',
    link: { type: 'opportunity', id: 'deal-1' },
  },
});
const reserved = (id: string, from: string, to: string) =>
  slotEvent({
    type: 'SlotReserved',
    data: { repId: 'rep-1', appointmentId: id, start: from, end: to },
  });

describe('appointment', () => {
  it('books an appointment with its reps once each, contacts, zone, location and record', () => {
    appointments.given([]).when(command(booking)).then([booked]);
  });

  it('refuses an appointment that ends before it starts', () => {
    appointments
      .given([])
      .when(command({ ...booking, end: start, start: end }))
      .thenFails({ kind: 'AppointmentEndsBeforeStart', appointmentId });
  });

  it('refuses an appointment without a rep', () => {
    appointments
      .given([])
      .when(command({ ...booking, reps: [] }))
      .thenFails({ kind: 'AppointmentWithoutRep', appointmentId });
  });

  it('moves an appointment and remembers where it was', () => {
    const later = { start: '2026-03-11T09:00:00.000Z', end: '2026-03-11T10:00:00.000Z' };
    appointments
      .given([booked])
      .when(command({ kind: 'MoveAppointment', ...later }))
      .then([
        event({
          type: 'AppointmentMoved',
          data: {
            appointmentId,
            reps: ['rep-1', 'rep-2'],
            ...later,
            previousStart: start,
            previousEnd: end,
          },
        }),
      ]);
  });

  it('lets an invited participant answer, and refuses someone not invited', () => {
    appointments
      .given([booked])
      .when(command({ kind: 'AnswerInvitation', participantId: 'person-1', answer: 'declined' }))
      .then([
        event({
          type: 'InvitationAnswered',
          data: { appointmentId, participantId: 'person-1', answer: 'declined' },
        }),
      ]);
    appointments
      .given([booked])
      .when(command({ kind: 'AnswerInvitation', participantId: 'rep-9', answer: 'accepted' }))
      .thenFails({ kind: 'NotAParticipant', appointmentId, participantId: 'rep-9' });
  });

  it('counts the organizer as having accepted', () => {
    appointments
      .given([booked])
      .when(command({ kind: 'AnswerInvitation', participantId: 'rep-1', answer: 'accepted' }))
      .then([]);
  });

  it('refuses to move a cancelled appointment, and cancels only once', () => {
    const cancelled = event({
      type: 'AppointmentCancelled',
      data: { appointmentId, reps: ['rep-1', 'rep-2'] },
    });
    appointments
      .given([booked, cancelled])
      .when(command({ kind: 'MoveAppointment', start, end: '2026-03-10T11:00:00.000Z' }))
      .thenFails({ kind: 'AppointmentCancelled', appointmentId });
    appointments
      .given([booked, cancelled])
      .when(command({ kind: 'CancelAppointment' }))
      .then([]);
  });

  it('tags contact names with the contact as data subject', () => {
    expect(personalFieldPaths(AppointmentEventCodec)).toEqual([
      {
        path: 'data.contacts[].name',
        subjectIdPath: 'data.contacts[].subjectId',
        retainedAs: undefined,
      },
    ]);
  });
});

describe('rep schedule', () => {
  const reserve = (id: string, from: string, to: string, extra: Record<string, unknown> = {}) =>
    slotCommand({ kind: 'ReserveSlot', appointmentId: id, start: from, end: to, ...extra });

  it('reserves free time for an appointment', () => {
    schedule
      .given([])
      .when(reserve('a', start, end))
      .then([reserved('a', start, end)]);
  });

  it('never double-books a rep: overlapping time is refused, naming the appointment it meets', () => {
    schedule
      .given([reserved('a', start, end)])
      .when(reserve('b', '2026-03-10T09:30:00.000Z', '2026-03-10T10:30:00.000Z'))
      .thenFails({ kind: 'RepDoubleBooked', repId: 'rep-1', conflictsWith: ['a'] });
  });

  it('lets back-to-back appointments touch without overlapping', () => {
    schedule
      .given([reserved('a', start, end)])
      .when(reserve('b', end, '2026-03-10T11:00:00.000Z'))
      .then([reserved('b', end, '2026-03-10T11:00:00.000Z')]);
  });

  it('records who overrode a double booking, why, and over which appointments', () => {
    const override = { by: 'manager-1', reason: 'CEO asked for this slot' };
    schedule
      .given([reserved('a', start, end)])
      .when(reserve('b', start, end, { override }))
      .then([
        slotEvent({
          type: 'SlotReserved',
          data: {
            repId: 'rep-1',
            appointmentId: 'b',
            start,
            end,
            overrode: { ...override, conflictsWith: ['a'] },
          },
        }),
      ]);
  });

  it('lets an appointment hold its old and new time while it moves', () => {
    schedule
      .given([reserved('a', start, end)])
      .when(reserve('a', '2026-03-10T09:30:00.000Z', '2026-03-10T10:30:00.000Z'))
      .then([reserved('a', '2026-03-10T09:30:00.000Z', '2026-03-10T10:30:00.000Z')]);
  });

  it('releases only time it holds', () => {
    const release = slotCommand({ kind: 'ReleaseSlot', appointmentId: 'a', start, end });
    schedule
      .given([reserved('a', start, end)])
      .when(release)
      .then([
        slotEvent({
          type: 'SlotReleased',
          data: { repId: 'rep-1', appointmentId: 'a', start, end },
        }),
      ]);
    schedule.given([]).when(release).then([]);
  });

  describe('a reservation its booking never completed', () => {
    const reservedAt = '2026-03-10T08:00:00.000Z';
    const orphan = slotEvent({
      type: 'SlotReserved',
      data: { repId: 'rep-1', appointmentId: 'crashed', start, end, reservedAt },
    });
    const takeOver = (at: string) =>
      slotCommand({
        kind: 'ReleaseOrphanedSlot',
        appointmentId: 'crashed',
        start,
        end,
        takenOverBy: 'b',
        at,
        timeoutMs: 5 * 60_000,
      });

    it('is released for the booking that needs its time once the timeout has passed', () => {
      schedule
        .given([orphan])
        .when(takeOver('2026-03-10T08:05:00.000Z'))
        .then([
          slotEvent({
            type: 'OrphanedSlotReleased',
            data: { repId: 'rep-1', appointmentId: 'crashed', start, end, takenOverBy: 'b' },
          }),
        ]);
    });

    it('is kept within the timeout, so a booking that is merely slow keeps its time', () => {
      schedule.given([orphan]).when(takeOver('2026-03-10T08:04:59.999Z')).then([]);
    });
  });

  it('reserves every UTC day an appointment touches', () => {
    expect(utcDaysTouched('2026-03-10T23:00:00.000Z', '2026-03-11T01:00:00.000Z')).toEqual([
      '2026-03-10',
      '2026-03-11',
    ]);
    expect(utcDaysTouched(start, '2026-03-11T00:00:00.000Z')).toEqual(['2026-03-10']);
  });
});
