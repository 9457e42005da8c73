import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import { addDays, daysBetween } from '../shared/dates.js';
import type { DateOnly } from '../shared/dates.js';
import { totalsMatchLines } from '../quote/pricing.js';
import type { ContractCommand } from './commands.js';
import type { ContractError } from './errors.js';
import type { ContractEvent } from './events.js';
import type { ContractProfile, ContractState } from './state.js';
import { evolveContract, initialContractState } from './state.js';
import { termEndOn } from './term.js';

type Decision = E.Either<ContractError, readonly ContractEvent[]>;
type Command<K extends ContractCommand['kind']> = Extract<ContractCommand, { kind: K }>;

const start = (command: Command<'StartContract'>, state: ContractState): Decision => {
  const { contractId } = command;
  if ('started' in state) return E.left({ kind: 'ContractAlreadyStarted', contractId });
  if (command.lines.length === 0) return E.left({ kind: 'ContractHasNoLines', contractId });
  if (!totalsMatchLines(command.lines, command.totals))
    return E.left({ kind: 'ContractTotalsMismatch', contractId });
  const { kind: _, ...contract } = command;
  const endOn = termEndOn(command.terms.startOn, command.terms.termMonths);
  return E.right([{ type: 'ContractStarted', data: { ...contract, term: 1 as never, endOn } }]);
};

/** Whether notice given ends the contract with its current term. */
const endsWithThisTerm = (contract: ContractProfile): boolean =>
  contract.noticeEffectiveOn !== null && contract.noticeEffectiveOn <= contract.endOn;

const amend = (command: Command<'AmendContract'>, contract: ContractProfile): Decision => {
  const { contractId } = contract;
  if (command.amendedOn < contract.termStartOn || command.amendedOn > contract.endOn) {
    return E.left({ kind: 'AmendmentOutsideTerm', contractId, amendedOn: command.amendedOn });
  }
  if (command.lines.length === 0) return E.left({ kind: 'ContractHasNoLines', contractId });
  if (!totalsMatchLines(command.lines, command.totals))
    return E.left({ kind: 'ContractTotalsMismatch', contractId });
  const { kind: _, ...amendment } = command;
  return E.right([{ type: 'ContractAmended', data: amendment }]);
};

const renew = (command: Command<'RenewContract'>, contract: ContractProfile): Decision => {
  const { contractId } = contract;
  if (endsWithThisTerm(contract)) {
    return E.left({
      kind: 'ContractUnderNotice',
      contractId,
      effectiveOn: contract.noticeEffectiveOn as string,
    });
  }
  const startOn = addDays(contract.endOn, 1);
  return E.right([
    {
      type: 'ContractRenewed',
      data: {
        contractId,
        term: (contract.term + 1) as never,
        startOn,
        endOn: termEndOn(startOn, contract.terms.termMonths),
        renewedOn: command.renewedOn,
      },
    },
  ]);
};

/**
 * Notice ends the contract with the current term when it comes at least the notice period before
 * the term's end, or when the contract would not renew anyway; later notice of a contract that
 * renews itself takes effect at the end of the next term.
 */
const noticeEffectiveOn = (contract: ContractProfile, noticeGivenOn: DateOnly): DateOnly =>
  !contract.terms.autoRenew ||
  daysBetween(noticeGivenOn, contract.endOn) >= contract.terms.noticeDays
    ? contract.endOn
    : termEndOn(addDays(contract.endOn, 1), contract.terms.termMonths);

const notice = (command: Command<'GiveContractNotice'>, contract: ContractProfile): Decision => {
  if (contract.noticeEffectiveOn !== null) return E.right([]);
  const { kind: _, ...given } = command;
  return E.right([
    {
      type: 'ContractNoticeGiven',
      data: { ...given, effectiveOn: noticeEffectiveOn(contract, command.noticeGivenOn) },
    },
  ]);
};

const end = (command: Command<'EndContract'>, contract: ContractProfile): Decision => {
  const { contractId, endOn } = contract;
  if (command.today <= endOn) return E.left({ kind: 'ContractTermNotOver', contractId, endOn });
  const cancelled = endsWithThisTerm(contract);
  if (!cancelled && contract.terms.autoRenew)
    return E.left({ kind: 'ContractRenewsAutomatically', contractId });
  return E.right([
    {
      type: 'ContractEnded',
      data: { contractId, endedOn: endOn, reason: cancelled ? 'cancelled' : 'not_renewed' },
    },
  ]);
};

const decide = (command: ContractCommand, state: ContractState): Decision => {
  if (command.kind === 'StartContract') return start(command, state);
  if (!('started' in state))
    return E.left({ kind: 'ContractNotFound', contractId: command.contractId });
  if (state.status === 'ended') {
    return command.kind === 'EndContract'
      ? E.right([])
      : E.left({ kind: 'ContractEnded', contractId: state.contractId });
  }
  switch (command.kind) {
    case 'AmendContract':
      return amend(command, state);
    case 'RenewContract':
      return renew(command, state);
    case 'GiveContractNotice':
      return notice(command, state);
    case 'EndContract':
      return end(command, state);
  }
};

/**
 * The Contract aggregate: a subscription with a start, a term in months, renewal (automatic or
 * not) and a notice period; amended within the current term, renewed term after term, cancelled
 * by notice that takes effect with the term the notice period allows, and ended.
 */
export const contractDecider: Decider<
  ContractCommand,
  ContractEvent,
  ContractState,
  ContractError
> = {
  initialState: initialContractState,
  decide,
  evolve: evolveContract,
};
