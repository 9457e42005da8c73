import type { Command, Event, EventStore } from '@event-driven-io/emmett';
import { CommandHandler, IllegalStateError } from '@event-driven-io/emmett';
import { v7 as uuidv7 } from 'uuid';
import { timeEach } from '../measure.js';

type LeadCaptured = Event<
  'LeadCaptured',
  {
    leadId: string;
    subjectId: string;
    source: string;
    contact: { companyName: string; name: string; email: string };
  }
>;
type LeadContactAttempted = Event<
  'LeadContactAttempted',
  { leadId: string; subjectId: string; attemptId: string; channel: string; at: string }
>;
type LeadEvent = LeadCaptured | LeadContactAttempted;

type CaptureLead = Command<'CaptureLead', LeadCaptured['data']>;
type LogContactAttempt = Command<
  'LogContactAttempt',
  Omit<LeadContactAttempted['data'], 'subjectId'>
>;

interface LeadState {
  readonly subjectId: string | undefined;
  readonly status: 'none' | 'new' | 'contacted';
  readonly attempts: number;
}

const initialState = (): LeadState => ({ subjectId: undefined, status: 'none', attempts: 0 });

const evolve = (state: LeadState, event: LeadEvent): LeadState =>
  event.type === 'LeadCaptured'
    ? { subjectId: event.data.subjectId, status: 'new', attempts: 0 }
    : { ...state, status: 'contacted', attempts: state.attempts + 1 };

/** The rules W6's commands meet in the lead's decider: capture once, log only on a lead. */
const decide = (command: CaptureLead | LogContactAttempt, state: LeadState): LeadEvent => {
  if (command.type === 'CaptureLead') {
    if (state.status !== 'none') throw new IllegalStateError(`lead ${command.data.leadId} exists`);
    return { type: 'LeadCaptured', data: command.data };
  }
  if (state.subjectId === undefined)
    throw new IllegalStateError(`lead ${command.data.leadId} not found`);
  return { type: 'LeadContactAttempted', data: { ...command.data, subjectId: state.subjectId } };
};

/** The same command sequence as W6: capture each of `streams` leads, then log attempts. */
const commandAt = (index: number, streams: number): CaptureLead | LogContactAttempt => {
  const leadId = `lead-${String(index % streams)}`;
  return index < streams
    ? {
        type: 'CaptureLead',
        data: {
          leadId,
          subjectId: leadId,
          source: 'web form',
          contact: {
            companyName: `Company ${String(index)}`,
            name: `Person ${String(index)}`,
            email: `person${String(index)}@example.org`,
          },
        },
      }
    : {
        type: 'LogContactAttempt',
        data: { leadId, attemptId: `attempt-${String(index)}`, channel: 'call', at: '2026-03-03' },
      };
};

/**
 * W6 on Emmett: its own `CommandHandler` (aggregate the stream, decide, append with the version it
 * read) on the given store, over the lead commands W6 sends Clientele's lead service. Emmett
 * decodes no command or event through a codec, checks no authorization and records no command id:
 * those are part of what Clientele's figure pays for. Milliseconds per command.
 */
export const emmettLeadCommands = async (
  store: EventStore,
  count: number,
  streams: number,
): Promise<number[]> => {
  const handle = CommandHandler<LeadState, LeadEvent>({ evolve, initialState });
  return timeEach(count, async (index) => {
    const command = commandAt(index, streams);
    await handle(store, `Lead-${command.data.leadId}`, (state) => decide(command, state));
    // Emmett's commands carry no id; one is made as Clientele's caller makes one per command.
    uuidv7();
  });
};
