import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { personalFieldPaths } from '../shared/personalData.js';
import { testContext } from '../testing/commandContexts.js';
import type { TicketEvent } from './events.js';
import { TicketCommand } from './commands.js';
import { ticketDecider } from './decide.js';
import { TicketEvent as TicketEventCodec } from './events.js';
import { createTicketService } from './ticketService.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const spec = deciderSpec(ticketDecider);
const ticketId = 'ticket-1';
const command = (input: Record<string, unknown>): TicketCommand => {
  const decoded = TicketCommand.decode({ ticketId, ...input });
  if (E.isLeft(decoded)) throw new Error(`invalid command ${JSON.stringify(input)}`);
  return decoded.right;
};
const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    ticketId,
    customerId: 'customer-1',
    subjectId: 'person-1',
    channel: 'email',
    category: 'billing',
    priority: 'normal',
  },
};
const assigned: TicketEvent = {
  type: 'TicketAssigned',
  data: { ticketId, assigneeId: 'agent-1', previousAssigneeId: null },
};
const waiting: TicketEvent = {
  type: 'TicketWaitingOnCustomer',
  data: { ticketId, reason: 'needs logs' },
};
const resolved: TicketEvent = { type: 'TicketResolved', data: { ticketId, resolution: 'solved' } };
const closed: TicketEvent = { type: 'TicketClosed', data: { ticketId } };

describe('ticket', () => {
  it('opens a ticket for the person who asked, already in an agent’s hands if given', () => {
    spec
      .given([])
      .when(
        command({
          kind: 'OpenTicket',
          customerId: 'customer-1',
          subjectId: 'person-1',
          channel: 'email',
          category: 'billing',
          priority: 'normal',
          assigneeId: 'agent-1',
        }),
      )
      .then([opened, assigned]);
  });

  it('treats a ticket opened without a person as being about the customer itself', () => {
    spec
      .given([])
      .when(
        command({
          kind: 'OpenTicket',
          customerId: 'customer-1',
          channel: 'call_centre',
          category: 'login',
          priority: 'high',
        }),
      )
      .then([
        {
          type: 'TicketOpened',
          data: {
            ticketId,
            customerId: 'customer-1',
            subjectId: 'customer-1',
            channel: 'call_centre',
            category: 'login',
            priority: 'high',
          },
        },
      ]);
  });

  it('opens a ticket solved at first contact as opened and resolved at once', () => {
    spec
      .given([])
      .when(
        command({
          kind: 'OpenTicket',
          customerId: 'customer-1',
          subjectId: 'person-1',
          channel: 'email',
          category: 'billing',
          priority: 'normal',
          resolution: 'solved',
        }),
      )
      .then([opened, resolved]);
  });

  it('refuses to open the same ticket twice and to act on a ticket never opened', () => {
    spec
      .given([opened])
      .when(
        command({
          kind: 'OpenTicket',
          customerId: 'c',
          channel: 'web',
          category: 'x',
          priority: 'low',
        }),
      )
      .thenFails({ kind: 'TicketAlreadyOpened', ticketId });
    spec
      .given([])
      .when(command({ kind: 'CloseTicket' }))
      .thenFails({ kind: 'TicketNotFound', ticketId });
  });

  it('reassigns to another agent and records who had it before', () => {
    spec
      .given([opened, assigned])
      .when(command({ kind: 'AssignTicket', assigneeId: 'agent-2' }))
      .then([
        {
          type: 'TicketAssigned',
          data: { ticketId, assigneeId: 'agent-2', previousAssigneeId: 'agent-1' },
        },
      ]);
  });

  it('resumes a waiting ticket when an agent takes it in charge again', () => {
    spec
      .given([opened, assigned, waiting])
      .when(command({ kind: 'AssignTicket', assigneeId: 'agent-1' }))
      .then([{ type: 'TicketResumed', data: { ticketId } }]);
  });

  it('changes nothing when asked to wait on a ticket that already waits', () => {
    spec
      .given([opened, waiting])
      .when(command({ kind: 'WaitOnCustomer', reason: 'again' }))
      .then([]);
  });

  it('keeps internal comments apart from public ones and ties them to the person asking', () => {
    spec
      .given([opened])
      .when(
        command({
          kind: 'CommentOnTicket',
          commentId: 'comment-1',
          authorId: 'agent-1',
          visibility: 'internal',
          body: 'customer sounds upset',
        }),
      )
      .then([
        {
          type: 'TicketCommented',
          data: {
            ticketId,
            subjectId: 'person-1',
            commentId: 'comment-1',
            authorId: 'agent-1',
            visibility: 'internal',
            body: 'customer sounds upset',
          },
        },
      ]);
  });

  it('escalates manually, once per target team', () => {
    const escalate = command({ kind: 'EscalateTicket', escalatedTo: 'second-line', reason: 'bug' });
    const escalated: TicketEvent = {
      type: 'TicketEscalated',
      data: { ticketId, escalatedTo: 'second-line', reason: 'bug' },
    };
    spec.given([opened]).when(escalate).then([escalated]);
    spec.given([opened, escalated]).when(escalate).then([]);
  });

  it('links a knowledge-base article once', () => {
    const link = command({ kind: 'LinkKnowledgeArticle', articleId: 'kb-42' });
    const linked: TicketEvent = {
      type: 'KnowledgeArticleLinked',
      data: { ticketId, articleId: 'kb-42' },
    };
    spec.given([opened]).when(link).then([linked]);
    spec.given([opened, linked]).when(link).then([]);
  });

  it('resolves from waiting, repeats nothing, and refuses a different code without reopening', () => {
    spec
      .given([opened, waiting])
      .when(command({ kind: 'ResolveTicket', resolution: 'solved' }))
      .then([resolved]);
    spec
      .given([opened, resolved])
      .when(command({ kind: 'ResolveTicket', resolution: 'solved' }))
      .then([]);
    spec
      .given([opened, resolved])
      .when(command({ kind: 'ResolveTicket', resolution: 'invalid' }))
      .thenFails({ kind: 'TicketAlreadyResolved', ticketId, resolution: 'solved' });
  });

  it('closes only a resolved ticket', () => {
    spec
      .given([opened, resolved])
      .when(command({ kind: 'CloseTicket' }))
      .then([closed]);
    spec
      .given([opened])
      .when(command({ kind: 'CloseTicket' }))
      .thenFails({
        kind: 'TicketNotInStatus',
        ticketId,
        status: 'open',
        allowed: ['resolved', 'closed'],
      });
  });

  it('reopens a ticket even after it was closed, into a new agent’s hands', () => {
    spec
      .given([opened, assigned, resolved, closed])
      .when(
        command({ kind: 'ReopenTicket', reason: 'customer called back', assigneeId: 'agent-2' }),
      )
      .then([
        {
          type: 'TicketReopened',
          data: { ticketId, reason: 'customer called back', wasClosed: true },
        },
        {
          type: 'TicketAssigned',
          data: { ticketId, assigneeId: 'agent-2', previousAssigneeId: 'agent-1' },
        },
      ]);
  });

  it('takes a satisfaction score only once the ticket is resolved', () => {
    spec
      .given([opened, resolved, closed])
      .when(command({ kind: 'RecordTicketSatisfaction', score: 4, feedback: 'quick, thanks' }))
      .then([
        {
          type: 'TicketSatisfactionRecorded',
          data: { ticketId, subjectId: 'person-1', score: 4 as never, feedback: 'quick, thanks' },
        },
      ]);
    spec
      .given([opened])
      .when(command({ kind: 'RecordTicketSatisfaction', score: 5 }))
      .thenFails((error) => error.kind === 'TicketNotInStatus');
  });

  it('tags description, comments and feedback as personal data of the person asking', () => {
    expect(personalFieldPaths(TicketEventCodec)).toEqual([
      { path: 'data.description', subjectIdPath: 'data.subjectId' },
      { path: 'data.body', subjectIdPath: 'data.subjectId' },
      { path: 'data.feedback', subjectIdPath: 'data.subjectId' },
    ]);
  });
});

describe('ticket entry point', () => {
  it('rejects an unknown channel or a satisfaction score out of range with the field and appends nothing', async () => {
    const store = createInMemoryEventStore();
    const tickets = createTicketService(store, { authorize: permitEveryoneInTests() });
    const result = await tickets.handle(
      {
        kind: 'OpenTicket',
        ticketId,
        customerId: 'c',
        channel: 'fax',
        category: 'x',
        priority: 'low',
      },
      testContext(),
    );
    expect(result).toEqual(
      E.left({ kind: 'InvalidCommand', problems: ['channel: expected TicketChannel, got "fax"'] }),
    );
    expect(await store.headPosition()).toBeUndefined();
    const bad = await tickets.handle(
      { kind: 'RecordTicketSatisfaction', ticketId, score: 6 },
      testContext(),
    );
    expect(E.isLeft(bad) && 'problems' in bad.left && bad.left.problems).toEqual([
      'score: expected SatisfactionScore, got 6',
    ]);
  });
});
