import * as E from 'fp-ts/lib/Either.js';
import type { IsoInstant } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { officeHours } from '../sla/businessCalendar.js';
import { testContext } from '../testing/commandContexts.js';
import { at, book, setUpCalendar } from '../testing/calendarFixtures.js';

const setUp = setUpCalendar;

describe('calendar service', () => {
  it('refuses to double-book a rep and leaves no reservation for the refused appointment', async () => {
    const { calendar, schedules } = setUp();
    expect(E.isRight(await calendar.send(book('a', '09:00', '10:00'), testContext()))).toBe(true);
    const refused = await calendar.send(
      book('b', '09:30', '10:30', ['rep-2', 'rep-1']),
      testContext(),
    );
    expect(refused).toEqual(
      E.left({ kind: 'RepDoubleBooked', repId: 'rep-1', conflictsWith: ['a'] }),
    );
    expect(await schedules.busy('rep-2', at('00:00'), at('23:59'))).toEqual([]);
    expect(await calendar.load('b')).toEqual({ booked: false });
  });

  it('books over a rep’s appointment when someone overrides, and records who and why', async () => {
    const { calendar, schedules } = setUp();
    await calendar.send(book('a', '09:00', '10:00'), testContext());
    const override = { by: 'manager-1', reason: 'the customer can only do 9:30' };
    const manager = { id: 'manager-1', role: 'sales_manager' };
    const result = await calendar.send(
      { ...book('b', '09:30', '10:30'), override },
      testContext(undefined, manager),
    );
    expect(E.isRight(result) && result.right.events[0]?.data).toMatchObject({ override });
    const slots = await schedules.busy('rep-1', at('00:00'), at('23:59'));
    expect(slots.map((slot) => slot.appointmentId)).toEqual(['a', 'b']);
  });

  it('refuses an override that names someone other than the acting user', async () => {
    const { calendar } = setUp();
    await calendar.send(book('a', '09:00', '10:00'), testContext());
    const forged = await calendar.send(
      { ...book('b', '09:30', '10:30'), override: { by: 'ceo', reason: 'trust me' } },
      testContext(),
    );
    expect(forged).toEqual(
      E.left({ kind: 'OverrideNotByActor', appointmentId: 'b', by: 'ceo', actorId: 'rep-1' }),
    );
  });

  it('moves an appointment: the new time is taken and the old time is free again', async () => {
    const { calendar, schedules } = setUp();
    await calendar.send(book('a', '09:00', '10:00'), testContext());
    const moved = await calendar.send(
      { kind: 'MoveAppointment', appointmentId: 'a', start: at('09:30'), end: at('10:30') },
      testContext(),
    );
    expect(E.isRight(moved)).toBe(true);
    expect(await schedules.busy('rep-1', at('00:00'), at('23:59'))).toEqual([
      { appointmentId: 'a', start: at('09:30'), end: at('10:30') },
    ]);
    expect(E.isRight(await calendar.send(book('b', '09:00', '09:30'), testContext()))).toBe(true);
  });

  it('refuses a move onto another appointment and keeps the old time', async () => {
    const { calendar, schedules } = setUp();
    await calendar.send(book('a', '09:00', '10:00'), testContext());
    await calendar.send(book('b', '11:00', '12:00'), testContext());
    const moved = await calendar.send(
      { kind: 'MoveAppointment', appointmentId: 'a', start: at('11:30'), end: at('12:30') },
      testContext(),
    );
    expect(E.isLeft(moved) && moved.left.kind).toBe('RepDoubleBooked');
    const slots = await schedules.busy('rep-1', at('00:00'), at('23:59'));
    expect(slots.map((slot) => [slot.appointmentId, slot.start])).toEqual([
      ['a', at('09:00')],
      ['b', at('11:00')],
    ]);
  });

  it('frees the reps’ time when an appointment is cancelled', async () => {
    const { calendar } = setUp();
    await calendar.send(book('a', '09:00', '10:00'), testContext());
    await calendar.send({ kind: 'CancelAppointment', appointmentId: 'a' }, testContext());
    expect(E.isRight(await calendar.send(book('b', '09:00', '10:00'), testContext()))).toBe(true);
  });

  it('offers the stretches within working hours when every asked rep is free', async () => {
    const { calendar } = setUp();
    await calendar.send(book('a', '09:00', '10:00', ['rep-1']), testContext());
    await calendar.send(book('b', '13:00', '14:30', ['rep-2']), testContext());
    await calendar.send(book('c', '16:00', '17:45', ['rep-3']), testContext());
    const free = await calendar.availability({
      reps: ['rep-1', 'rep-2'],
      from: at('00:00'),
      to: '2026-03-11T00:00:00.000Z' as IsoInstant,
      minimumMinutes: 30,
      calendar: officeHours('UTC'),
    });
    expect(
      free.map(({ start, end }) => [new Date(start).toISOString(), new Date(end).toISOString()]),
    ).toEqual([
      [at('10:00'), at('13:00')],
      [at('14:30'), at('18:00')],
    ]);
  });
});
