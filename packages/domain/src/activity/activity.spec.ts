import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { personalFieldPaths } from '../shared/personalData.js';
import { testContext } from '../testing/commandContexts.js';
import type { ActivityEvent } from './events.js';
import { createActivityService } from './activityService.js';
import { ActivityCommand } from './commands.js';
import { activityDecider } from './decide.js';
import { ActivityEvent as ActivityEventCodec } from './events.js';

const spec = deciderSpec(activityDecider);
const activityId = 'activity-1';
const at = '2026-03-03T10:00:00.000Z';
const command = (input: Record<string, unknown>): ActivityCommand => {
  const decoded = ActivityCommand.decode({ activityId, ...input });
  if (E.isLeft(decoded)) throw new Error(`invalid command ${JSON.stringify(input)}`);
  return decoded.right;
};
const decodeEvent = (input: unknown): ActivityEvent => {
  const decoded = ActivityEventCodec.decode(input);
  if (E.isLeft(decoded)) throw new Error(`invalid event ${JSON.stringify(input)}`);
  return decoded.right;
};
const onCustomer = [{ type: 'customer', id: 'customer-1' }] as const;
const call = { direction: 'outbound', durationSeconds: 300, outcome: 'connected' } as const;
const loggedCall = decodeEvent({
  type: 'ActivityLogged',
  data: {
    activityId,
    kind: 'call',
    on: onCustomer,
    ownerId: 'rep-1',
    at,
    subjectId: 'person-1',
    contactName: 'Ana Souza',
    call,
  },
});

describe('activity', () => {
  it('logs a call against a customer with its direction, duration and outcome', () => {
    spec
      .given([])
      .when(
        command({
          kind: 'LogActivity',
          activityKind: 'call',
          on: onCustomer,
          ownerId: 'rep-1',
          at,
          subjectId: 'person-1',
          contactName: 'Ana Souza',
          call,
        }),
      )
      .then([loggedCall]);
  });

  it('treats an activity logged without a person as being about its first record', () => {
    const result = activityDecider.decide(
      command({
        kind: 'LogActivity',
        activityKind: 'note',
        on: [{ type: 'lead', id: 'lead-7' }],
        ownerId: 'rep-1',
        at,
        notes: 'wants a demo',
      }),
      activityDecider.initialState,
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({ subjectId: 'lead-7' });
  });

  it('refuses a call without its call details', () => {
    spec
      .given([])
      .when(
        command({
          kind: 'LogActivity',
          activityKind: 'call',
          on: onCustomer,
          ownerId: 'rep-1',
          at,
        }),
      )
      .thenFails((error) => error.kind === 'ActivityDetailsMismatch');
  });

  it('refuses call details on an email', () => {
    spec
      .given([])
      .when(
        command({
          kind: 'LogActivity',
          activityKind: 'email',
          on: onCustomer,
          ownerId: 'rep-1',
          at,
          emailSubject: 'Your quote',
          call,
        }),
      )
      .thenFails({
        kind: 'ActivityDetailsMismatch',
        activityId,
        activityKind: 'email',
        missing: [],
        unexpected: ['call'],
      });
  });

  it('refuses an activity attached to no record', () => {
    spec
      .given([])
      .when(
        command({
          kind: 'LogActivity',
          activityKind: 'note',
          on: [],
          ownerId: 'rep-1',
          at,
          notes: 'x',
        }),
      )
      .thenFails({ kind: 'ActivityWithoutRecord', activityId });
  });

  it('records the distance from a visit check-in to the customer site when both are known', () => {
    const result = activityDecider.decide(
      command({
        kind: 'LogActivity',
        activityKind: 'visit',
        on: onCustomer,
        ownerId: 'rep-1',
        at,
        checkIn: {
          at,
          placeName: 'Customer HQ',
          // Two points in Milan about 2.6 km apart.
          coordinates: { latitude: 45.4642, longitude: 9.19 },
          siteCoordinates: { latitude: 45.4859, longitude: 9.2036 },
        },
      }),
      activityDecider.initialState,
    );
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
    const data = result.right[0]?.data as { checkIn: { distanceMeters?: number } };
    expect(data.checkIn.distanceMeters).toBeGreaterThan(2500);
    expect(data.checkIn.distanceMeters).toBeLessThan(2800);
    expect(data.checkIn).not.toHaveProperty('siteCoordinates');
  });

  it('records no distance for a visit checked in without coordinates', () => {
    const result = activityDecider.decide(
      command({
        kind: 'LogActivity',
        activityKind: 'visit',
        on: onCustomer,
        ownerId: 'rep-1',
        at,
        checkIn: { at, placeName: 'Office' },
      }),
      activityDecider.initialState,
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      kind: 'visit',
      checkIn: { at, placeName: 'Office' },
    });
    expect(JSON.stringify(result)).not.toContain('distanceMeters');
  });

  it('refuses to log the same activity twice', () => {
    spec
      .given([loggedCall])
      .when(
        command({
          kind: 'LogActivity',
          activityKind: 'call',
          on: onCustomer,
          ownerId: 'rep-1',
          at,
          call,
        }),
      )
      .thenFails({ kind: 'ActivityAlreadyLogged', activityId });
  });

  it('attaches an activity to a further record once', () => {
    const deal = { type: 'opportunity', id: 'deal-1' } as const;
    spec
      .given([loggedCall])
      .when(command({ kind: 'AttachActivity', to: deal }))
      .then([{ type: 'ActivityAttached', data: { activityId, to: deal } }]);
    spec
      .given([loggedCall, { type: 'ActivityAttached', data: { activityId, to: deal } }])
      .when(command({ kind: 'AttachActivity', to: deal }))
      .then([]);
  });

  it('corrects the personal text for the activity’s person', () => {
    spec
      .given([loggedCall])
      .when(command({ kind: 'CorrectActivity', contactName: 'Ana Sousa' }))
      .then([
        {
          type: 'ActivityCorrected',
          data: { activityId, subjectId: 'person-1', contactName: 'Ana Sousa' },
        },
      ]);
  });

  it('refuses a command to an activity that was never logged', () => {
    spec
      .given([])
      .when(command({ kind: 'CorrectActivity', notes: 'x' }))
      .thenFails({ kind: 'ActivityNotFound', activityId });
  });

  it('tags every personal field of its events with a data subject', () => {
    const fields = personalFieldPaths(ActivityEventCodec);
    expect(fields.map((field) => field.path)).toEqual(
      expect.arrayContaining(['data.contactName', 'data.notes', 'data.checkIn.placeName']),
    );
    expect(fields.filter((field) => field.subjectIdPath === undefined)).toEqual([]);
  });

  it('logs through the service and reads the activity back', async () => {
    const store = createInMemoryEventStore();
    const activities = createActivityService(store, { authorize: permitEveryoneInTests() });
    const logged = await activities.send(
      {
        kind: 'LogActivity',
        activityId,
        activityKind: 'note',
        on: [{ type: 'customer', id: 'customer-1' }],
        ownerId: 'rep-1',
        at,
        notes: 'lunch',
      },
      testContext(at),
    );
    expect(E.isRight(logged)).toBe(true);
    expect(await activities.load(activityId)).toMatchObject({ logged: true, kind: 'note' });
  });
});
