import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketCommand } from './commands.js';
import type { TicketEvent as TicketEventType } from './events.js';
import type { TicketState } from './state.js';
import type { Lifecycle } from '../testing/lifecycle.js';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import { ticketDecider } from './decide.js';
import { TicketEvent } from './events.js';

const ticketId = 'ticket-1';
const agent = fc.constantFrom('agent-1', 'agent-2', 'agent-3');
const openTicket = fc.constant({
  kind: 'OpenTicket',
  ticketId,
  customerId: 'c',
  channel: 'web',
  category: 'login',
  priority: 'normal',
}) as fc.Arbitrary<TicketCommand>;
const command: fc.Arbitrary<TicketCommand> = fc.oneof(
  openTicket,
  agent.map((assigneeId) => ({ kind: 'AssignTicket', ticketId, assigneeId })),
  fc
    .constantFrom('low', 'normal', 'high', 'urgent')
    .map((priority) => ({ kind: 'PrioritizeTicket', ticketId, priority })),
  fc.tuple(fc.nat(5), fc.constantFrom('public', 'internal')).map(([n, visibility]) => ({
    kind: 'CommentOnTicket',
    ticketId,
    commentId: `comment-${n}`,
    authorId: 'agent-1',
    visibility,
    body: 'note',
  })),
  fc.constant({ kind: 'WaitOnCustomer', ticketId, reason: 'logs' }),
  fc.constant({ kind: 'ResumeTicket', ticketId }),
  fc
    .constantFrom('second-line', 'development')
    .map((escalatedTo) => ({ kind: 'EscalateTicket', ticketId, escalatedTo, reason: 'r' })),
  fc
    .constantFrom('solved', 'invalid')
    .map((resolution) => ({ kind: 'ResolveTicket', ticketId, resolution })),
  fc.option(agent, { nil: undefined }).map((assigneeId) => ({
    kind: 'ReopenTicket',
    ticketId,
    reason: 'again',
    ...(assigneeId === undefined ? {} : { assigneeId }),
  })),
  fc.constant({ kind: 'CloseTicket', ticketId }),
  fc
    .integer({ min: 1, max: 5 })
    .map((score) => ({ kind: 'RecordTicketSatisfaction', ticketId, score })),
) as fc.Arbitrary<TicketCommand>;

/** A ticket is worked (open, waiting), resolved, then closed; a finished one may be reopened. */
const lifecycle: Lifecycle<TicketEventType, TicketState> = {
  statusOf: (state) => (state.opened ? state.status : 'none'),
  transitions: {
    none: ['open'],
    open: ['waiting', 'resolved'],
    waiting: ['open', 'resolved'],
    resolved: ['open', 'closed'],
    closed: ['open'],
  },
};

describe('ticket replay', () => {
  it('replays the stored events of any command sequence to the state reached while deciding', () => {
    assertReplayDeterminism(ticketDecider, TicketEvent, startingWith(openTicket, command), {
      lifecycle,
      mustReach: {
        TicketWaitingOnCustomer: 0.5,
        TicketResolved: 0.6,
        TicketClosed: 0.3,
        TicketReopened: 0.4,
        TicketSatisfactionRecorded: 0.3,
      },
      invariant: ({ after, log }) => {
        if (!after.opened) throw new Error('an accepted command left no ticket');
        expect(after.reopenCount).toBe(log.filter((e) => e.type === 'TicketReopened').length);
        if (after.status === 'open' || after.status === 'waiting') {
          expect(after.resolution).toBeNull();
        } else {
          expect(after.resolution).not.toBeNull();
        }
      },
    });
  });
});
