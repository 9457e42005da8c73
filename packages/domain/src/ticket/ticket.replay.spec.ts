import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { TicketCommand } from './commands.js';
import { assertReplayDeterminism } from '../testing/replayProperty.js';
import { ticketDecider } from './decide.js';
import { TicketEvent } from './events.js';

const ticketId = 'ticket-1';
const agent = fc.constantFrom('agent-1', 'agent-2', 'agent-3');
const command: fc.Arbitrary<TicketCommand> = fc.oneof(
  fc.constant({
    kind: 'OpenTicket',
    ticketId,
    customerId: 'c',
    channel: 'web',
    category: 'login',
    priority: 'normal',
  }),
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

describe('ticket replay', () => {
  it('replays the stored events of any command sequence to the state reached while deciding', () => {
    assertReplayDeterminism(ticketDecider, TicketEvent, fc.array(command, { maxLength: 40 }));
  });
});
