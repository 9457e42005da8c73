import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import type { ReservationEvent } from './events.js';
import { reservationDecider } from './decide.js';

const spec = deciderSpec(reservationDecider);
const at = '2026-03-03T09:00:00Z' as never;
const later = '2026-03-03T09:10:00Z' as never;
const claimed = (customerId: string): ReservationEvent => ({
  type: 'KeyClaimed',
  data: { customerId, claimedAt: at },
});

describe('duplicate-check reservation', () => {
  it('gives a free key to the first claimant', () => {
    spec
      .given([])
      .when({ kind: 'ClaimKey', customerId: 'a', claimedAt: at })
      .then([claimed('a')]);
  });

  it('refuses a key held by another customer and names the holder', () => {
    spec
      .given([claimed('a')])
      .when({ kind: 'ClaimKey', customerId: 'b', claimedAt: at })
      .thenFails({ kind: 'KeyHeld', holderId: 'a' });
  });

  it('treats a second claim by the holder as a retry that changes nothing', () => {
    spec
      .given([claimed('a')])
      .when({ kind: 'ClaimKey', customerId: 'a', claimedAt: at })
      .then([]);
  });

  it('lets a released key be claimed again', () => {
    spec
      .given([claimed('a'), { type: 'KeyReleased', data: { customerId: 'a', reason: 'edited' } }])
      .when({ kind: 'ClaimKey', customerId: 'b', claimedAt: at })
      .then([claimed('b')]);
  });

  it('ignores a release by someone who does not hold the key', () => {
    spec
      .given([claimed('a')])
      .when({ kind: 'ReleaseKey', customerId: 'b', reason: 'commandRefused' })
      .then([]);
  });

  it('takes over an orphaned claim once the grace period is over', () => {
    spec
      .given([claimed('a')])
      .when({
        kind: 'TakeOverKey',
        customerId: 'b',
        abandonedBy: 'a',
        claimedAt: later,
        gracePeriodMs: 300_000,
      })
      .then([
        { type: 'KeyTakenOver', data: { customerId: 'b', abandonedBy: 'a', claimedAt: later } },
      ]);
  });

  it('does not take over a claim still within its grace period', () => {
    spec
      .given([claimed('a')])
      .when({
        kind: 'TakeOverKey',
        customerId: 'b',
        abandonedBy: 'a',
        claimedAt: later,
        gracePeriodMs: 3_600_000,
      })
      .thenFails({ kind: 'ClaimStillFresh', holderId: 'a', claimedAt: at });
  });
});
