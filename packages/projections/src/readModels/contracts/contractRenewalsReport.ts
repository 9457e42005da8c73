import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import { addDays, inReadScope } from '@clientele/domain';
import type { DateOnly } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { ContractDocument } from './contractDocument.js';

/** A contract whose term ends within the window, or that ended by notice (churned). */
export interface ContractRenewalRow {
  readonly contractId: string;
  readonly customerId: string;
  readonly ownerId: string;
  /** `renewing`: the term ends within the window; `ending`: it ends then under notice or without renewal; `churned`: ended by notice. */
  readonly outlook: 'renewing' | 'ending' | 'churned';
  readonly term: number;
  readonly endOn: string;
  readonly autoRenew: boolean;
  readonly termNet: Readonly<Record<string, number>>;
}

/** Options of {@link contractRenewalsReport}. */
export interface ContractRenewalsOptions {
  readonly asOf: string;
  /** The window, in days after `asOf`, whose term ends are listed. */
  readonly withinDays: number;
  /** Churned contracts that ended on or after this day are listed too. */
  readonly churnedSince: string;
}

const outlookOf = (doc: ContractDocument, options: ContractRenewalsOptions) => {
  if (doc.endedOn !== null) {
    return doc.endReason === 'cancelled' &&
      doc.endedOn >= options.churnedSince &&
      doc.endedOn <= options.asOf
      ? 'churned'
      : undefined;
  }
  const windowEnd = addDays(options.asOf as DateOnly, options.withinDays);
  if (doc.endOn < options.asOf || doc.endOn > windowEnd) return undefined;
  const endsNow =
    (doc.noticeEffectiveOn !== null && doc.noticeEffectiveOn <= doc.endOn) || !doc.autoRenew;
  return endsNow ? 'ending' : 'renewing';
};

/**
 * Contracts whose current term ends in the `withinDays` after `asOf` (`renewing`, or `ending`
 * under notice or without automatic renewal), and contracts churned (ended by notice) between
 * `churnedSince` and `asOf`; within the actor's `Contract.read` scope, soonest end first.
 */
export const contractRenewalsReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: ContractRenewalsOptions,
): Promise<E.Either<AuthorizationDenial, ContractRenewalRow[]>> => {
  const scope = access.scope('Contract.read');
  if (E.isLeft(scope)) return scope;
  const rows: ContractRenewalRow[] = [];
  for await (const { doc } of activeDocuments(readModels, 'contracts', ContractDocument)) {
    if (!inReadScope(scope.right, doc.ownerId)) continue;
    const outlook = outlookOf(doc, options);
    if (outlook === undefined) continue;
    rows.push({
      contractId: doc.contractId,
      customerId: doc.customerId,
      ownerId: doc.ownerId,
      outlook,
      term: doc.term,
      endOn: doc.endedOn ?? doc.endOn,
      autoRenew: doc.autoRenew,
      termNet: { [doc.currency]: doc.termNetMinor },
    });
  }
  return E.right(
    rows.sort((a, b) => a.endOn.localeCompare(b.endOn) || a.contractId.localeCompare(b.contractId)),
  );
};
