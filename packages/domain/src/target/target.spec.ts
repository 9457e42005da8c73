import * as E from 'fp-ts/lib/Either.js';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import type { TargetEvent } from './events.js';
import { TargetCommand } from './commands.js';
import { targetDecider } from './decide.js';

const spec = deciderSpec(targetDecider);
const targetId = 'target-1';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;
const command = (input: Record<string, unknown>): TargetCommand => {
  const decoded = TargetCommand.decode({ targetId, ...input });
  if (E.isLeft(decoded)) throw new Error(`invalid command ${JSON.stringify(input)}`);
  return decoded.right;
};
const facts = { ownerKind: 'team', ownerId: 'team-1', period: '2026-Q2' } as const;
const declared: TargetEvent = {
  type: 'TargetDeclared',
  data: {
    targetId,
    ownerKind: 'team',
    ownerId: 'team-1',
    period: '2026-Q2',
    amount: eur(50_000_000),
  },
};
const approved: TargetEvent = {
  type: 'TargetApproved',
  data: { targetId, amount: eur(50_000_000), approvedBy: 'manager-1', ...facts },
};

describe('sales target', () => {
  it('lets a team declare a quarterly target once', () => {
    const declare = command({
      kind: 'DeclareTarget',
      ownerKind: 'team',
      ownerId: 'team-1',
      period: '2026-Q2',
      amount: eur(50_000_000),
    });
    spec.given([]).when(declare).then([declared]);
    spec.given([declared]).when(declare).thenFails({ kind: 'TargetAlreadyDeclared', targetId });
  });

  it('is approved by a manager at the declared amount, and approving again changes nothing', () => {
    spec
      .given([declared])
      .when(command({ kind: 'ApproveTarget', approvedBy: 'manager-1' }))
      .then([approved]);
    spec
      .given([declared, approved])
      .when(command({ kind: 'ApproveTarget', approvedBy: 'manager-2' }))
      .then([]);
  });

  it('is adjusted by a manager with a reason, recording the previous amount', () => {
    spec
      .given([declared, approved])
      .when(
        command({
          kind: 'AdjustTarget',
          amount: eur(60_000_000),
          adjustedBy: 'manager-1',
          reason: 'new territory',
        }),
      )
      .then([
        {
          type: 'TargetAdjusted',
          data: {
            targetId,
            amount: eur(60_000_000),
            previousAmount: eur(50_000_000),
            adjustedBy: 'manager-1',
            reason: 'new territory',
            ...facts,
          },
        },
      ]);
  });

  it('refuses an adjustment in another currency and commands for an undeclared target', () => {
    spec
      .given([declared])
      .when(
        command({
          kind: 'AdjustTarget',
          amount: { amountMinor: 1, currency: 'USD' },
          adjustedBy: 'm',
          reason: 'x',
        }),
      )
      .thenFails({ kind: 'TargetCurrencyMismatch', expected: 'EUR', actual: 'USD' });
    spec
      .given([])
      .when(command({ kind: 'ApproveTarget', approvedBy: 'm' }))
      .thenFails({ kind: 'TargetNotFound', targetId });
  });
});
