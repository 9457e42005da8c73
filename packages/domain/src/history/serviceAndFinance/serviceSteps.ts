import type { HistoryStep } from '../historyStep.js';
import type { HistoryWorld } from '../historyWorld.js';
import type { FinanceServices } from './financeServices.js';
import { addDays } from '../../shared/dates.js';
import { campaignName } from '../names.js';

const AGENTS = ['agent-1', 'agent-2', 'agent-3', 'agent-4'];
/** Who runs the campaigns. */
const MARKETING = 'marketing-1';

interface GeneratedTicket {
  readonly ticketId: string;
  status: 'open' | 'waiting' | 'resolved' | 'closed';
  comments: number;
}

/** Sends one command to the ticket being worked on; true when it was accepted. */
type SendToTicket = (step: string, command: object) => Promise<boolean>;

/** A resolved ticket is now and then reopened, else closed and sometimes rated. */
const afterResolution = async (
  world: HistoryWorld,
  ticket: GeneratedTicket,
  send: SendToTicket,
): Promise<void> => {
  const { random } = world;
  if (random.chance(0.1)) {
    if (await send('reopenTicket', { kind: 'ReopenTicket', reason: 'not fixed' }))
      ticket.status = 'open';
    return;
  }
  if (await send('closeTicket', { kind: 'CloseTicket' })) ticket.status = 'closed';
  if (random.chance(0.4)) {
    await send('rateTicket', {
      kind: 'RecordTicketSatisfaction',
      score: random.int(1, 5),
      feedback: 'Thanks.',
    });
  }
};

/** Tickets from customers and campaigns with costs and members: the service side of a history. */
export const serviceSteps = (services: FinanceServices): readonly HistoryStep[] => {
  const tickets: GeneratedTicket[] = [];
  const campaigns: { campaignId: string; status: 'launched' | 'done'; costs: number }[] = [];
  const agent = (world: HistoryWorld) => world.context(world.random.pick(AGENTS));
  const ticketCommand = async (
    world: HistoryWorld,
    step: string,
    ticket: GeneratedTicket,
    command: object,
  ) =>
    world.record(
      step,
      await services.tickets.handle({ ticketId: ticket.ticketId, ...command }, agent(world)),
    );

  const openTicket: HistoryStep = {
    name: 'openTicket',
    weight: (world) => (world.customers.length > 0 ? 0.8 : 0),
    run: async (world) => {
      const { random } = world;
      const ticket: GeneratedTicket = { ticketId: random.uuid(), status: 'open', comments: 0 };
      const accepted = await ticketCommand(world, 'openTicket', ticket, {
        kind: 'OpenTicket',
        customerId: random.pick(world.customers),
        channel: random.pick(['phone', 'email', 'web', 'chat', 'call_centre']),
        category: random.pick(['billing', 'login', 'outage', 'how-to']),
        priority: random.pick(['low', 'normal', 'normal', 'high', 'urgent']),
        description: 'The customer describes the problem.',
        ...(random.chance(0.5) ? { assigneeId: random.pick(AGENTS) } : {}),
      });
      if (accepted) tickets.push(ticket);
    },
  };

  /** Moves a ticket one step along: work, wait, resolve, close, rate, or reopen. */
  const workOnTicket: HistoryStep = {
    name: 'workOnTicket',
    weight: () => (tickets.some((ticket) => ticket.status !== 'closed') ? 2 : 0),
    run: async (world) => {
      const { random } = world;
      const ticket = random.pick(tickets.filter((candidate) => candidate.status !== 'closed'));
      const send: SendToTicket = (step, command) => ticketCommand(world, step, ticket, command);
      if (ticket.status === 'resolved') {
        await afterResolution(world, ticket, send);
        return;
      }
      const roll = random.next();
      if (roll < 0.25) {
        ticket.comments += 1;
        await send('commentOnTicket', {
          kind: 'CommentOnTicket',
          commentId: `${ticket.ticketId}-${ticket.comments}`,
          authorId: random.pick(AGENTS),
          visibility: random.pick(['public', 'internal']),
          body: 'Looked into it.',
        });
      } else if (roll < 0.4 && ticket.status === 'open') {
        if (await send('waitOnCustomer', { kind: 'WaitOnCustomer', reason: 'needs logs' }))
          ticket.status = 'waiting';
      } else if (roll < 0.5) {
        if (await send('assignTicket', { kind: 'AssignTicket', assigneeId: random.pick(AGENTS) }))
          ticket.status = 'open';
      } else if (roll < 0.55) {
        await send('escalateTicket', {
          kind: 'EscalateTicket',
          escalatedTo: 'second-line',
          reason: 'needs expertise',
        });
      } else if (
        await send('resolveTicket', {
          kind: 'ResolveTicket',
          resolution: random.pick(['solved', 'workaround']),
        })
      ) {
        ticket.status = 'resolved';
      }
    },
  };

  // Two campaigns of one season, audience and channel get a number, as marketing would write it.
  const names: string[] = [];
  const uniqueName = (name: string): string => {
    const same = names.filter((taken) => taken === name).length;
    names.push(name);
    return same === 0 ? name : `${name} ${String(same + 1)}`;
  };

  const planCampaign: HistoryStep = {
    name: 'planCampaign',
    weight: () =>
      campaigns.filter((campaign) => campaign.status === 'launched').length < 3 ? 0.2 : 0.02,
    run: async (world) => {
      const { random } = world;
      const campaignId = random.uuid();
      const today = world.today();
      const channel = random.pick(['email', 'social', 'ads', 'exhibition', 'content', 'event']);
      const targetAudience = random.pick(['SMB', 'enterprise', 'public sector']);
      const planned = world.record(
        'planCampaign',
        await services.campaigns.handle(
          {
            kind: 'PlanCampaign',
            campaignId,
            name: uniqueName(campaignName(today, channel, targetAudience)),
            channel,
            targetAudience,
            budget: { amountMinor: random.int(10, 200) * 100_000, currency: 'EUR' },
            startsOn: today,
            endsOn: addDays(today, random.int(14, 90)),
          },
          world.context(MARKETING),
        ),
      );
      if (!planned) return;
      world.record(
        'launchCampaign',
        await services.campaigns.handle(
          { kind: 'LaunchCampaign', campaignId, launchedOn: today },
          world.context(MARKETING),
        ),
      );
      campaigns.push({ campaignId, status: 'launched', costs: 0 });
      world.campaigns.push(campaignId);
    },
  };

  const runCampaign: HistoryStep = {
    name: 'runCampaign',
    weight: () => (campaigns.some((campaign) => campaign.status === 'launched') ? 0.6 : 0),
    run: async (world) => {
      const { random } = world;
      const campaign = random.pick(
        campaigns.filter((candidate) => candidate.status === 'launched'),
      );
      const { campaignId } = campaign;
      const send = async (step: string, command: object) =>
        world.record(
          step,
          await services.campaigns.handle({ campaignId, ...command }, world.context(MARKETING)),
        );
      const roll = random.next();
      if (roll < 0.4) {
        campaign.costs += 1;
        await send('recordCampaignCost', {
          kind: 'RecordCampaignCost',
          costId: `${campaignId}-${campaign.costs}`,
          amount: { amountMinor: random.int(1, 50) * 10_000, currency: 'EUR' },
          incurredOn: world.today(),
          category: random.pick(['media', 'venue', 'agency', 'print']),
        });
      } else if (roll < 0.8 && world.leads.size > 0) {
        const memberId = random.pick([...world.leads.keys()]);
        await send('addCampaignMember', {
          kind: 'AddCampaignMember',
          memberId,
          memberKind: 'lead',
        });
        if (random.chance(0.5)) {
          await send('recordMemberResponse', {
            kind: 'RecordMemberResponse',
            memberId,
            response: random.pick(['opened', 'clicked', 'registered', 'attended']),
            respondedOn: world.today(),
          });
        }
      } else if (
        await send('completeCampaign', { kind: 'CompleteCampaign', completedOn: world.today() })
      ) {
        campaign.status = 'done';
      }
    },
  };

  return [openTicket, workOnTicket, planCampaign, runCampaign];
};
