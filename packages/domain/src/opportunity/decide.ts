import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { OpportunityCommand } from './commands.js';
import type { OpportunityError } from './errors.js';
import type { OpportunityEvent } from './events.js';
import type { Pipeline, PipelineStage } from './pipeline.js';
import type { PricedQuote } from './quote.js';
import type { OpportunityProfile, OpportunityState } from './state.js';
import { DEFAULT_B2B_PIPELINE, findStage, lostStage, wonStage } from './pipeline.js';
import { priceQuote } from './quote.js';
import { evolveOpportunity, initialOpportunityState } from './state.js';

type Decision = E.Either<OpportunityError, readonly OpportunityEvent[]>;

const emit = (...events: OpportunityEvent[]): Decision => E.right(events);

/** An open stage of the pipeline, or why the id does not name one. */
const openStage = (
  pipeline: Pipeline,
  stageId: string,
): E.Either<OpportunityError, PipelineStage> => {
  const stage = findStage(pipeline, stageId);
  if (stage === undefined)
    return E.left({ kind: 'UnknownStage', stageId, pipelineId: pipeline.pipelineId });
  return stage.closed ? E.left({ kind: 'StageIsClosed', stageId }) : E.right(stage);
};

const open = (
  command: Extract<OpportunityCommand, { kind: 'OpenOpportunity' }>,
  state: OpportunityState,
): Decision => {
  if ('opened' in state) {
    return E.left({ kind: 'OpportunityAlreadyOpened', opportunityId: command.opportunityId });
  }
  const { kind: _, pipeline = DEFAULT_B2B_PIPELINE, stageId, ...rest } = command;
  const first = pipeline.stages[0] as PipelineStage;
  return E.chain((stage: PipelineStage) =>
    emit({
      type: 'OpportunityOpened',
      data: {
        ...rest,
        pipeline,
        stageId: stage.stageId,
        probabilityBps: stage.probabilityBps,
        forecastCategory: stage.forecastCategory,
      },
    }),
  )(openStage(pipeline, stageId ?? first.stageId));
};

/** Commands for a deal that is still open. */
const decideOpen = (
  command: Exclude<OpportunityCommand, { kind: 'OpenOpportunity' | 'ReopenOpportunity' }>,
  deal: OpportunityProfile,
): Decision => {
  const { opportunityId } = deal;
  switch (command.kind) {
    case 'MoveOpportunityStage':
      return command.toStageId === deal.stageId
        ? emit()
        : E.chain((stage: PipelineStage) =>
            emit({
              type: 'OpportunityStageChanged',
              data: {
                opportunityId,
                fromStageId: deal.stageId,
                toStageId: stage.stageId,
                probabilityBps: stage.probabilityBps,
                forecastCategory: stage.forecastCategory,
              },
            }),
          )(openStage(deal.pipeline, command.toStageId));
    case 'ChangeOpportunityAmount':
      return emit({
        type: 'OpportunityAmountChanged',
        data: { opportunityId, previous: deal.amount, amount: command.amount },
      });
    case 'ChangeOpportunityCloseDate':
      return emit({
        type: 'OpportunityCloseDateChanged',
        data: {
          opportunityId,
          previous: deal.expectedCloseOn,
          expectedCloseOn: command.expectedCloseOn,
        },
      });
    case 'AttachOpportunityCustomer':
      return command.customerId === deal.customerId
        ? emit()
        : emit({
            type: 'OpportunityCustomerAttached',
            data: { opportunityId, customerId: command.customerId },
          });
    case 'ChangeOpportunityOwner':
      return command.ownerId === deal.ownerId
        ? emit()
        : emit({
            type: 'OpportunityOwnerChanged',
            data: { opportunityId, ownerId: command.ownerId, previousOwnerId: deal.ownerId },
          });
    case 'RecordCompetitor':
      return deal.competitors.includes(command.competitor)
        ? emit()
        : emit({
            type: 'CompetitorRecorded',
            data: { opportunityId, competitor: command.competitor },
          });
    case 'IssueQuote': {
      if (deal.quoteIds.includes(command.quoteId)) {
        return E.left({ kind: 'QuoteAlreadyIssued', quoteId: command.quoteId });
      }
      const { kind: _, lines, ...rest } = command;
      return E.chain((priced: PricedQuote) =>
        emit({
          type: 'QuoteIssued',
          data: { ...rest, lines: priced.lines, total: priced.total },
        }),
      )(priceQuote(lines));
    }
    case 'MarkOpportunityWon':
      return emit({
        type: 'OpportunityWon',
        data: {
          opportunityId,
          stageId: wonStage(deal.pipeline).stageId,
          amount: command.finalAmount ?? deal.amount,
          wonOn: command.wonOn,
          ownerId: deal.ownerId,
        },
      });
    case 'MarkOpportunityLost': {
      const { kind: _, ...loss } = command;
      return emit({
        type: 'OpportunityLost',
        data: { ...loss, stageId: lostStage(deal.pipeline).stageId, ownerId: deal.ownerId },
      });
    }
  }
};

const reopen = (
  command: Extract<OpportunityCommand, { kind: 'ReopenOpportunity' }>,
  deal: OpportunityProfile,
): Decision => {
  if (deal.status === 'open')
    return E.left({ kind: 'OpportunityNotClosed', opportunityId: deal.opportunityId });
  const previousOutcome = deal.status;
  return E.chain((stage: PipelineStage) =>
    emit({
      type: 'OpportunityReopened',
      data: {
        opportunityId: deal.opportunityId,
        previousOutcome,
        stageId: stage.stageId,
        probabilityBps: stage.probabilityBps,
        forecastCategory: stage.forecastCategory,
      },
    }),
  )(openStage(deal.pipeline, command.toStageId ?? deal.lastOpenStageId));
};

const decide = (command: OpportunityCommand, state: OpportunityState): Decision => {
  if (command.kind === 'OpenOpportunity') return open(command, state);
  if (!('opened' in state))
    return E.left({ kind: 'OpportunityNotFound', opportunityId: command.opportunityId });
  if (command.kind === 'ReopenOpportunity') return reopen(command, state);
  if (state.status !== 'open') {
    return E.left({
      kind: 'OpportunityClosed',
      opportunityId: state.opportunityId,
      status: state.status,
    });
  }
  return decideOpen(command, state);
};

/**
 * The Opportunity aggregate: a deal moving through the stages of its pipeline, with amount and
 * close-date changes (previous values recorded), competitors, exactly priced quotes, and the
 * outcome (won, lost, reopened).
 */
export const opportunityDecider: Decider<
  OpportunityCommand,
  OpportunityEvent,
  OpportunityState,
  OpportunityError
> = { initialState: initialOpportunityState, decide, evolve: evolveOpportunity };
