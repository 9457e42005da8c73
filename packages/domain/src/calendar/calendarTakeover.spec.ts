import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { officeHours } from '../sla/businessCalendar.js';
import { testContext } from '../testing/commandContexts.js';
import { at, book, setUpCalendar } from '../testing/calendarFixtures.js';
import type { createRepSchedules } from './repSchedule/repSchedules.js';

const answer = (appointmentId: string, participantId: string, given: 'accepted' | 'declined') => ({
  kind: 'AnswerInvitation' as const,
  appointmentId,
  participantId,
  answer: given,
});

const setUp = setUpCalendar;
const appointmentsHolding = async (
  schedules: ReturnType<typeof createRepSchedules>,
  repId: string,
) => (await schedules.busy(repId, at('00:00'), at('23:59'))).map((slot) => slot.appointmentId);

describe('calendar: orphaned reservations', () => {
  // A booking reserved the time at 08:00 and crashed before recording its appointment.
  const crash = async (schedules: ReturnType<typeof createRepSchedules>) => {
    const request = {
      appointmentId: 'crashed',
      reps: ['rep-1'],
      start: at('09:00'),
      end: at('10:00'),
    };
    const reserved = await schedules.reserve(request, undefined, testContext(at('08:00')));
    expect(reserved).toEqual(E.right(undefined));
  };

  it('takes over the time a crashed booking reserved once the timeout has passed, and says so in the log', async () => {
    const { store, calendar, schedules } = setUp();
    await crash(schedules);
    const booked = await calendar.send(book('b', '09:30', '10:30'), testContext(at('08:06')));
    expect(booked).toSatisfy(E.isRight);
    expect(await appointmentsHolding(schedules, 'rep-1')).toEqual(['b']);
    const types: string[] = [];
    for await (const event of store.readStream('RepSchedule-rep-1.2026-03-10'))
      types.push(event.type);
    expect(types).toEqual(['SlotReserved', 'OrphanedSlotReleased', 'SlotReserved']);
  });

  it('refuses the time while the reservation is within the timeout, naming the booking that holds it', async () => {
    const { calendar, schedules } = setUp();
    await crash(schedules);
    const refused = await calendar.send(book('b', '09:30', '10:30'), testContext(at('08:04')));
    expect(refused).toEqual(
      E.left({ kind: 'RepDoubleBooked', repId: 'rep-1', conflictsWith: ['crashed'] }),
    );
    expect(await appointmentsHolding(schedules, 'rep-1')).toEqual(['crashed']);
  });

  it('never takes over the time of an appointment that was recorded, however old', async () => {
    const { calendar, schedules } = setUp();
    await calendar.send(book('a', '09:00', '10:00'), testContext(at('08:00')));
    const refused = await calendar.send(book('b', '09:30', '10:30'), testContext(at('18:00')));
    expect(refused).toEqual(
      E.left({ kind: 'RepDoubleBooked', repId: 'rep-1', conflictsWith: ['a'] }),
    );
    expect(await appointmentsHolding(schedules, 'rep-1')).toEqual(['a']);
  });
});

describe('calendar: declined invitations', () => {
  it('frees a rep’s time when they decline: availability shows it and another booking may take it', async () => {
    const { calendar, schedules } = setUp();
    await calendar.send(book('a', '09:00', '10:00', ['rep-1', 'rep-2']), testContext());
    expect(await calendar.send(answer('a', 'rep-2', 'declined'), testContext())).toSatisfy(
      E.isRight,
    );
    expect(await appointmentsHolding(schedules, 'rep-2')).toEqual([]);
    expect(await appointmentsHolding(schedules, 'rep-1')).toEqual(['a']);
    const free = await calendar.availability({
      reps: ['rep-2'],
      from: at('09:00'),
      to: at('10:00'),
      minimumMinutes: 60,
      calendar: officeHours('UTC'),
    });
    expect(free).toEqual([{ start: Date.parse(at('09:00')), end: Date.parse(at('10:00')) }]);
    expect(await calendar.send(book('b', '09:00', '10:00', ['rep-2']), testContext())).toSatisfy(
      E.isRight,
    );
  });

  it('refuses a rep’s change of mind onto time they booked since declining, and records no answer', async () => {
    const { calendar, schedules } = setUp();
    await calendar.send(book('a', '09:00', '10:00', ['rep-1', 'rep-2']), testContext());
    await calendar.send(answer('a', 'rep-2', 'declined'), testContext());
    await calendar.send(book('b', '09:30', '10:30', ['rep-2']), testContext());
    const refused = await calendar.send(answer('a', 'rep-2', 'accepted'), testContext());
    expect(refused).toEqual(
      E.left({ kind: 'RepDoubleBooked', repId: 'rep-2', conflictsWith: ['b'] }),
    );
    const state = await calendar.load('a');
    expect(state.booked && state.answers['rep-2']).toBe('declined');
    expect(await appointmentsHolding(schedules, 'rep-2')).toEqual(['b']);
  });

  it('takes the time again when a rep who declined accepts while it is free', async () => {
    const { calendar, schedules } = setUp();
    await calendar.send(book('a', '09:00', '10:00', ['rep-1', 'rep-2']), testContext());
    await calendar.send(answer('a', 'rep-2', 'declined'), testContext());
    expect(await calendar.send(answer('a', 'rep-2', 'accepted'), testContext())).toSatisfy(
      E.isRight,
    );
    expect(await appointmentsHolding(schedules, 'rep-2')).toEqual(['a']);
  });

  it('moves only the time of the reps who have not declined', async () => {
    const { calendar, schedules } = setUp();
    await calendar.send(book('a', '09:00', '10:00', ['rep-1', 'rep-2']), testContext());
    await calendar.send(answer('a', 'rep-2', 'declined'), testContext());
    await calendar.send(book('b', '11:00', '12:00', ['rep-2']), testContext());
    const moved = await calendar.send(
      { kind: 'MoveAppointment', appointmentId: 'a', start: at('11:00'), end: at('12:00') },
      testContext(),
    );
    expect(moved).toSatisfy(E.isRight);
    expect(await appointmentsHolding(schedules, 'rep-2')).toEqual(['b']);
  });
});
