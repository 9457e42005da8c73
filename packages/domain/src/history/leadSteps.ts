import { deriveId, streamName } from '@clientele/eventstore';
import type { GeneratedLead, HistoryWorld } from './historyWorld.js';
import type { HistoryStep } from './historyStep.js';
import { chooseOwner } from '../lead/assignment/policies.js';
import { KNOWN_LEAD_SOURCES } from '../lead/values.js';
import { addDays } from '../shared/dates.js';
import {
  INDUSTRIES,
  PRODUCTS,
  REGIONS,
  companyName,
  emailFor,
  personName,
  phoneFor,
} from './names.js';

const sendLead = async (world: HistoryWorld, step: string, command: object, actorId?: string) =>
  world.record(step, await world.sales.leads.handle(command, world.context(actorId)));

/** Who enters leads: the marketing team. */
const MARKETING = 'marketing-1';

const moved = (world: HistoryWorld, lead: GeneratedLead, change: Partial<GeneratedLead>) => {
  Object.assign(lead, change);
  world.trackLead(lead);
};

/**
 * A rep who qualified a lead knows whom they spoke to: a lead captured without a name gets one
 * before it converts, so its customer is not named after the lead's id.
 */
const learnName = async (world: HistoryWorld, lead: GeneratedLead): Promise<void> => {
  const state = await world.sales.leads.load(lead.leadId);
  if (!('captured' in state) || state.contact.name !== undefined) return;
  const command = {
    kind: 'CorrectLeadContact',
    leadId: lead.leadId,
    name: personName(world.random),
  };
  await sendLead(world, 'correctLeadContact', command, lead.ownerId ?? undefined);
};

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
    // Marketing enters the leads; the round-robin then hands each to the rep who works it.
    const accepted = await sendLead(
      world,
      'captureLead',
      {
        kind: 'CaptureLead',
        leadId,
        source: random.pick(KNOWN_LEAD_SOURCES),
        // Only campaigns marketing has recorded, so every code in a report names one.
        ...(world.campaigns.length > 0 && random.chance(0.6)
          ? { campaignId: random.pick(world.campaigns) }
          : {}),
        contact,
        region: random.pick(REGIONS),
        industry: random.pick(INDUSTRIES),
        product: random.pick(PRODUCTS)[0],
      },
      MARKETING,
    );
    if (accepted) world.trackLead({ leadId, status: 'new', ownerId: null, openFollowUps: [] });
  },
};

/** Assigns an unowned lead by round-robin over the reps, as a tenant's configuration would. */
export const assignLeadStep: HistoryStep = {
  name: 'assignLead',
  weight: (world) => (world.leadPools.unassigned.size > 0 ? 4 : 0),
  run: async (world) => {
    const lead = world.leadPools.unassigned.pick(world.random);
    const board = {
      reps: world.reps.map((repId) => ({ repId, openLeads: 0 })),
      lastAssignedRepId: world.lastAssignedRepId,
    };
    const ownerId = chooseOwner('roundRobin', board, { leadId: lead.leadId }) as string;
    const command = { kind: 'AssignLead', leadId: lead.leadId, ownerId, policy: 'roundRobin' };
    if (await sendLead(world, 'assignLead', command, 'admin')) {
      world.lastAssignedRepId = ownerId;
      moved(world, lead, { ownerId });
    }
  },
};

/** The owner calls, emails or visits the lead, and sometimes schedules a follow-up. */
export const contactLeadStep: HistoryStep = {
  name: 'contactLead',
  weight: (world) => (world.leadPools.workable.size > 0 ? 4 : 0),
  run: async (world) => {
    const { random } = world;
    const lead = world.leadPools.workable.pick(random);
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
    if (!accepted) return;
    moved(world, lead, { status: 'contacted' });
    if (random.chance(0.4)) {
      const taskId = random.uuid();
      const scheduled = await sendLead(
        world,
        'scheduleFollowUp',
        {
          kind: 'ScheduleFollowUp',
          leadId: lead.leadId,
          taskId,
          dueOn: addDays(world.today(), random.int(1, 14)),
          priority: random.pick(['low', 'normal', 'high', 'urgent']),
        },
        lead.ownerId ?? undefined,
      );
      if (scheduled) moved(world, lead, { openFollowUps: [...lead.openFollowUps, taskId] });
    }
  },
};

/** Completes an open follow-up. */
export const completeFollowUpStep: HistoryStep = {
  name: 'completeFollowUp',
  weight: (world) => (world.leadPools.withFollowUps.size > 0 ? 1.5 : 0),
  run: async (world) => {
    const lead = world.leadPools.withFollowUps.pick(world.random);
    const [taskId, ...rest] = lead.openFollowUps;
    if (taskId === undefined) return;
    await sendLead(
      world,
      'completeFollowUp',
      {
        kind: 'CompleteFollowUp',
        leadId: lead.leadId,
        taskId,
        completedAt: world.now(),
      },
      lead.ownerId ?? undefined,
    );
    moved(world, lead, { openFollowUps: rest });
  },
};

/** Qualifies or disqualifies a contacted lead. */
export const qualifyLeadStep: HistoryStep = {
  name: 'qualifyLead',
  weight: (world) => (world.leadPools.contacted.size > 0 ? 2.5 : 0),
  run: async (world) => {
    const { random } = world;
    const lead = world.leadPools.contacted.pick(random);
    const { leadId } = lead;
    const owner = lead.ownerId ?? undefined;
    if (random.chance(0.65)) {
      const score = random.int(40, 100);
      if (await sendLead(world, 'qualifyLead', { kind: 'QualifyLead', leadId, score }, owner)) {
        moved(world, lead, { status: 'qualified' });
      }
    } else {
      const reason = random.pick(['no budget', 'no need', 'unreachable', 'competitor customer']);
      const command = { kind: 'DisqualifyLead', leadId, reason };
      if (await sendLead(world, 'disqualifyLead', command, owner)) {
        moved(world, lead, { status: 'disqualified' });
      }
    }
  },
};

/** Recycles a disqualified lead back into the pool. */
export const recycleLeadStep: HistoryStep = {
  name: 'recycleLead',
  weight: (world) => (world.leadPools.disqualified.size > 0 ? 0.3 : 0),
  run: async (world) => {
    const lead = world.leadPools.disqualified.pick(world.random);
    const command = { kind: 'RecycleLead', leadId: lead.leadId, reason: 'new budget year' };
    if (await sendLead(world, 'recycleLead', command, lead.ownerId ?? undefined)) {
      moved(world, lead, { status: 'new', ownerId: null });
    }
  },
};

/**
 * Converts a qualified lead, lets the conversion reactor create the customer and the opportunity,
 * and remembers the opportunity by the id the reactor derives from the event.
 */
export const convertLeadStep: HistoryStep = {
  name: 'convertLead',
  weight: (world) => (world.leadPools.qualified.size > 0 ? 2 : 0),
  run: async (world) => {
    const { random } = world;
    const lead = world.leadPools.qualified.pick(random);
    await learnName(world, lead);
    const amount = { amountMinor: random.int(10, 500) * 10_000, currency: 'EUR' };
    const opportunity = {
      name: `Deal from lead ${world.leads.size}`,
      amount,
      expectedCloseOn: addDays(world.today(), random.int(20, 120)),
    };
    const converted = await world.sales.leads.handle(
      { kind: 'ConvertLead', leadId: lead.leadId, opportunity },
      world.context(lead.ownerId ?? undefined),
    );
    if (!world.record('convertLead', converted)) return;
    moved(world, lead, { status: 'converted' });
    let eventId: string | undefined;
    for await (const event of world.sales.store.readStream(streamName('Lead', lead.leadId))) {
      if (event.type === 'LeadConverted') eventId = event.eventId;
    }
    if (eventId === undefined) return;
    const opportunityId = deriveId(eventId, 'opportunity');
    // An engine may show the newest events to the reactor a moment late (PostgreSQL holds back
    // those above the oldest open transaction), so catch up until the deal exists.
    let deal = await world.sales.opportunities.load(opportunityId);
    for (let attempt = 0; attempt < 100 && !('opened' in deal); attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await world.sales.conversion.runner.catchUp();
      deal = await world.sales.opportunities.load(opportunityId);
    }
    if (!('opened' in deal)) return;
    world.trackDeal({
      opportunityId,
      customerId: deal.customerId,
      ownerId: deal.ownerId,
      status: 'open',
      stageIndex: 0,
      amount: deal.amount,
      closedOn: null,
    });
    if (deal.customerId !== null) world.addCustomer(deal.customerId);
  },
};
