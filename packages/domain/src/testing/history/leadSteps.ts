import { deriveId, streamName } from '@clientele/eventstore';
import type { GeneratedLead, HistoryWorld } from './historyWorld.js';
import type { HistoryStep } from './historyStep.js';
import { KNOWN_LEAD_SOURCES } from '../../lead/values.js';
import { chooseOwner } from '../../lead/assignment/policies.js';
import { addDays } from '../../shared/dates.js';
import {
  INDUSTRIES,
  PRODUCTS,
  REGIONS,
  companyName,
  emailFor,
  personName,
  phoneFor,
} from './names.js';

const leadsIn = (world: HistoryWorld, ...statuses: GeneratedLead['status'][]) =>
  [...world.leads.values()].filter((lead) => statuses.includes(lead.status));

const sendLead = async (world: HistoryWorld, step: string, command: object, actorId?: string) =>
  world.record(step, await world.sales.leads.handle(command, world.context(actorId)));

/** Captures a lead; real lead data is patchy, so contact details are often partly missing. */
export const captureLeadStep: HistoryStep = {
  name: 'captureLead',
  weight: () => 5,
  run: async (world) => {
    const { random } = world;
    const leadId = random.uuid();
    const serial = world.customers.length + world.leads.size + 1;
    const name = personName(random);
    const contact = {
      ...(random.chance(0.8) ? { name } : {}),
      ...(random.chance(0.7) ? { email: emailFor(name, serial) } : {}),
      ...(random.chance(0.3) ? { phone: phoneFor(serial) } : {}),
      ...(random.chance(0.6) ? { companyName: companyName(random, serial) } : {}),
    };
    const accepted = await sendLead(world, 'captureLead', {
      kind: 'CaptureLead',
      leadId,
      source: random.pick(KNOWN_LEAD_SOURCES),
      ...(random.chance(0.6) ? { campaignId: random.pick(world.campaigns) } : {}),
      contact,
      region: random.pick(REGIONS),
      industry: random.pick(INDUSTRIES),
      product: random.pick(PRODUCTS)[0],
    });
    if (accepted)
      world.leads.set(leadId, { leadId, status: 'new', ownerId: null, openFollowUps: [] });
  },
};

/** Assigns an unowned lead by round-robin over the reps, as a tenant's configuration would. */
export const assignLeadStep: HistoryStep = {
  name: 'assignLead',
  weight: (world) => (leadsIn(world, 'new').some((lead) => lead.ownerId === null) ? 4 : 0),
  run: async (world) => {
    const lead = world.random.pick(leadsIn(world, 'new').filter((l) => l.ownerId === null));
    const board = {
      reps: world.reps.map((repId) => ({ repId, openLeads: 0 })),
      lastAssignedRepId: world.lastAssignedRepId,
    };
    const ownerId = chooseOwner('roundRobin', board, { leadId: lead.leadId }) as string;
    if (
      await sendLead(world, 'assignLead', {
        kind: 'AssignLead',
        leadId: lead.leadId,
        ownerId,
        policy: 'roundRobin',
      })
    ) {
      lead.ownerId = ownerId;
      world.lastAssignedRepId = ownerId;
    }
  },
};

/** The owner calls, emails or visits the lead, and sometimes schedules a follow-up. */
export const contactLeadStep: HistoryStep = {
  name: 'contactLead',
  weight: (world) => (leadsIn(world, 'new', 'contacted').some((l) => l.ownerId !== null) ? 4 : 0),
  run: async (world) => {
    const { random } = world;
    const lead = random.pick(leadsIn(world, 'new', 'contacted').filter((l) => l.ownerId !== null));
    const channel = random.pick(['call', 'email', 'visit', 'meeting'] as const);
    const at = world.now();
    const accepted = await sendLead(
      world,
      'contactLead',
      {
        kind: 'LogContactAttempt',
        leadId: lead.leadId,
        attemptId: random.uuid(),
        channel,
        at,
        outcome: random.pick(['reached', 'no answer', 'call back later']),
        ...(channel === 'visit' ? { checkIn: { at, place: 'customer premises' } } : {}),
      },
      lead.ownerId ?? undefined,
    );
    if (accepted) lead.status = 'contacted';
    if (accepted && random.chance(0.4)) {
      const taskId = random.uuid();
      const scheduled = await sendLead(world, 'scheduleFollowUp', {
        kind: 'ScheduleFollowUp',
        leadId: lead.leadId,
        taskId,
        dueOn: addDays(world.today(), random.int(1, 14)),
        priority: random.pick(['low', 'normal', 'high', 'urgent']),
      });
      if (scheduled) lead.openFollowUps.push(taskId);
    }
  },
};

/** Completes an open follow-up. */
export const completeFollowUpStep: HistoryStep = {
  name: 'completeFollowUp',
  weight: (world) => ([...world.leads.values()].some((l) => l.openFollowUps.length > 0) ? 1.5 : 0),
  run: async (world) => {
    const lead = world.random.pick(
      [...world.leads.values()].filter((l) => l.openFollowUps.length > 0),
    );
    const taskId = lead.openFollowUps.shift() as string;
    await sendLead(world, 'completeFollowUp', {
      kind: 'CompleteFollowUp',
      leadId: lead.leadId,
      taskId,
      completedAt: world.now(),
    });
  },
};

/** Qualifies or disqualifies a contacted lead. */
export const qualifyLeadStep: HistoryStep = {
  name: 'qualifyLead',
  weight: (world) => (leadsIn(world, 'contacted').length > 0 ? 2.5 : 0),
  run: async (world) => {
    const { random } = world;
    const lead = random.pick(leadsIn(world, 'contacted'));
    if (random.chance(0.65)) {
      const ok = await sendLead(world, 'qualifyLead', {
        kind: 'QualifyLead',
        leadId: lead.leadId,
        score: random.int(40, 100),
      });
      if (ok) lead.status = 'qualified';
    } else {
      const reason = random.pick(['no budget', 'no need', 'unreachable', 'competitor customer']);
      const ok = await sendLead(world, 'disqualifyLead', {
        kind: 'DisqualifyLead',
        leadId: lead.leadId,
        reason,
      });
      if (ok) lead.status = 'disqualified';
    }
  },
};

/** Recycles a disqualified lead back into the pool. */
export const recycleLeadStep: HistoryStep = {
  name: 'recycleLead',
  weight: (world) => (leadsIn(world, 'disqualified').length > 0 ? 0.3 : 0),
  run: async (world) => {
    const lead = world.random.pick(leadsIn(world, 'disqualified'));
    if (
      await sendLead(world, 'recycleLead', {
        kind: 'RecycleLead',
        leadId: lead.leadId,
        reason: 'new budget year',
      })
    ) {
      lead.status = 'new';
      lead.ownerId = null;
    }
  },
};

/**
 * Converts a qualified lead, lets the conversion reactor create the customer and the opportunity,
 * and remembers the opportunity by the id the reactor derives from the event.
 */
export const convertLeadStep: HistoryStep = {
  name: 'convertLead',
  weight: (world) => (leadsIn(world, 'qualified').length > 0 ? 2 : 0),
  run: async (world) => {
    const { random } = world;
    const lead = random.pick(leadsIn(world, 'qualified'));
    const amount = { amountMinor: random.int(10, 500) * 10_000, currency: 'EUR' };
    const converted = await world.sales.leads.handle(
      {
        kind: 'ConvertLead',
        leadId: lead.leadId,
        opportunity: {
          name: `Deal from lead ${world.leads.size}`,
          amount,
          expectedCloseOn: addDays(world.today(), random.int(20, 120)),
        },
      },
      world.context(lead.ownerId ?? undefined),
    );
    if (!world.record('convertLead', converted)) return;
    lead.status = 'converted';
    await world.sales.conversion.runner.catchUp();
    let eventId: string | undefined;
    for await (const event of world.sales.store.readStream(streamName('Lead', lead.leadId))) {
      if (event.type === 'LeadConverted') eventId = event.eventId;
    }
    if (eventId === undefined) return;
    const opportunityId = deriveId(eventId, 'opportunity');
    const deal = await world.sales.opportunities.load(opportunityId);
    if (!('opened' in deal)) return;
    world.deals.set(opportunityId, {
      opportunityId,
      customerId: deal.customerId,
      ownerId: deal.ownerId,
      status: 'open',
      stageIndex: 0,
      amount: deal.amount,
      closedOn: null,
    });
    if (deal.customerId !== null && !world.customers.includes(deal.customerId))
      world.customers.push(deal.customerId);
  },
};
