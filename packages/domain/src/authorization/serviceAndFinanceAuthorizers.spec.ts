import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { createTicketService } from '../ticket/ticketService.js';
import { noTeams } from './authorize.js';
import { defaultRolePolicy } from './roles.js';
import { serviceAndFinanceAuthorizers } from './serviceAndFinanceAuthorizers.js';

const authorizers = serviceAndFinanceAuthorizers(defaultRolePolicy, noTeams);
let sequence = 0;
const as = (actor: Actor) => ({
  commandId: `0195a000-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
  actor,
  occurredAt: '2026-03-03T09:15:00Z',
});

describe('service-and-finance authorization', () => {
  it('lets support work tickets and keeps a sales rep and an auditor out, writing nothing for them', async () => {
    const store = createInMemoryEventStore();
    const tickets = createTicketService(store, { authorize: authorizers.ticket });
    const open = {
      kind: 'OpenTicket',
      ticketId: 't1',
      customerId: 'c1',
      channel: 'email',
      category: 'billing',
      priority: 'normal',
    };
    expect(
      E.isRight(await tickets.handle(open, as({ id: 'agent-1', role: 'support_agent' }))),
    ).toBe(true);
    const comment = {
      kind: 'CommentOnTicket',
      ticketId: 't1',
      commentId: 'k1',
      authorId: 'rep-ada',
      visibility: 'internal',
      body: 'Called back',
    };
    const count = async () => {
      let n = 0;
      for await (const _ of store.readAll()) n += 1;
      return n;
    };
    const before = await count();
    for (const role of ['sales_rep', 'auditor', 'marketing']) {
      const refused = await tickets.handle(comment, as({ id: 'someone', role }));
      expect(refused).toEqual(
        E.left(
          expect.objectContaining({
            kind: 'Forbidden',
            denial: expect.objectContaining({ permission: 'Ticket.CommentOnTicket', role }),
          }),
        ),
      );
    }
    expect(await count()).toBe(before);
    expect(
      E.isRight(await tickets.handle(comment, as({ id: 'agent-2', role: 'support_agent' }))),
    ).toBe(true);
  });

  it('gives finance the commission ledgers and the reps only their own target declarations', () => {
    const ok = (result: E.Either<unknown, void>) => E.isRight(result);
    const commission = { kind: 'x', repId: 'rep-ada' } as never;
    expect(
      ok(authorizers.commission(commission, {} as never, as({ id: 'fin', role: 'finance' }))),
    ).toBe(true);
    expect(
      ok(authorizers.commission(commission, {} as never, as({ id: 'rep-ada', role: 'sales_rep' }))),
    ).toBe(false);
    const declare = { kind: 'DeclareTarget', ownerId: 'rep-ada' } as never;
    const undeclared = { declared: false } as never;
    expect(
      ok(authorizers.target(declare, undeclared, as({ id: 'rep-ada', role: 'sales_rep' }))),
    ).toBe(true);
    expect(
      ok(authorizers.target(declare, undeclared, as({ id: 'rep-bob', role: 'sales_rep' }))),
    ).toBe(false);
  });
});
