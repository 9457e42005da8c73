import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import { eur, pricedSeatLine } from '../testing/quoteFixtures.js';
import type { ContractCommand } from './commands.js';
import { contractDecider } from './decide.js';
import type { ContractEvent } from './events.js';

const spec = deciderSpec(contractDecider);
const contractId = 'ct-1';
const lines = [pricedSeatLine(0)];
const totals = { net: eur(120_000), tax: eur(24_000), total: eur(144_000) };
const terms = {
  startOn: '2026-01-31' as never,
  termMonths: 12 as never,
  autoRenew: true,
  noticeDays: 30 as never,
  billing: 'monthly' as const,
};
const contract = {
  contractId,
  customerId: 'cus-1',
  ownerId: 'rep-1',
  currency: 'EUR' as never,
  terms,
  lines,
  totals,
};
const started = (extra: object = {}): ContractEvent => ({
  type: 'ContractStarted',
  data: {
    ...contract,
    terms: { ...terms, ...extra },
    term: 1 as never,
    endOn: '2027-01-30' as never,
  },
});
const notice = (on: string): ContractCommand => ({
  kind: 'GiveContractNotice',
  contractId,
  noticeGivenOn: on as never,
});
const renewed: ContractEvent = {
  type: 'ContractRenewed',
  data: {
    contractId,
    term: 2 as never,
    startOn: '2027-01-31' as never,
    endOn: '2028-01-30' as never,
    renewedOn: '2027-01-31' as never,
  },
};

describe('contract', () => {
  it('starts a contract whose first term ends the day before the same date a term later', () => {
    spec
      .given([])
      .when({ kind: 'StartContract', ...contract })
      .then([started()]);
  });

  it('refuses totals that are not the sums of the lines', () => {
    spec
      .given([])
      .when({ kind: 'StartContract', ...contract, totals: { ...totals, net: eur(1) } })
      .thenFails({ kind: 'ContractTotalsMismatch', contractId });
  });

  it('renews into the next term, starting the day after the current one ends', () => {
    spec
      .given([started()])
      .when({ kind: 'RenewContract', contractId, renewedOn: '2027-01-31' as never })
      .then([renewed]);
  });

  it('ends with the current term when notice comes at least the notice period before its end', () => {
    spec
      .given([started()])
      .when(notice('2026-12-31'))
      .then([
        {
          type: 'ContractNoticeGiven',
          data: {
            contractId,
            noticeGivenOn: '2026-12-31' as never,
            effectiveOn: '2027-01-30' as never,
          },
        },
      ]);
  });

  it('ends with the next term when notice of a self-renewing contract comes too late', () => {
    spec
      .given([started()])
      .when(notice('2027-01-10'))
      .then([
        {
          type: 'ContractNoticeGiven',
          data: {
            contractId,
            noticeGivenOn: '2027-01-10' as never,
            effectiveOn: '2028-01-30' as never,
          },
        },
      ]);
  });

  it('cannot be renewed past the day its notice takes effect', () => {
    spec
      .given([
        started(),
        {
          type: 'ContractNoticeGiven',
          data: {
            contractId,
            noticeGivenOn: '2026-12-01' as never,
            effectiveOn: '2027-01-30' as never,
          },
        },
      ])
      .when({ kind: 'RenewContract', contractId, renewedOn: '2027-01-31' as never })
      .thenFails({ kind: 'ContractUnderNotice', contractId, effectiveOn: '2027-01-30' });
  });

  it('ends as cancelled after the term its notice ends, and a contract not renewing as not renewed', () => {
    spec
      .given([
        started(),
        {
          type: 'ContractNoticeGiven',
          data: {
            contractId,
            noticeGivenOn: '2026-12-01' as never,
            effectiveOn: '2027-01-30' as never,
          },
        },
      ])
      .when({ kind: 'EndContract', contractId, today: '2027-01-31' as never })
      .then([
        {
          type: 'ContractEnded',
          data: { contractId, endedOn: '2027-01-30' as never, reason: 'cancelled' },
        },
      ]);
    spec
      .given([started({ autoRenew: false })])
      .when({ kind: 'EndContract', contractId, today: '2027-02-01' as never })
      .then([
        {
          type: 'ContractEnded',
          data: { contractId, endedOn: '2027-01-30' as never, reason: 'not_renewed' },
        },
      ]);
  });

  it('refuses to end a contract before its term is over, or one that renews itself', () => {
    spec
      .given([started()])
      .when({ kind: 'EndContract', contractId, today: '2027-01-30' as never })
      .thenFails({ kind: 'ContractTermNotOver', contractId, endOn: '2027-01-30' });
    spec
      .given([started()])
      .when({ kind: 'EndContract', contractId, today: '2027-02-01' as never })
      .thenFails({ kind: 'ContractRenewsAutomatically', contractId });
  });

  it('amends lines only within the current term', () => {
    spec
      .given([started()])
      .when({ kind: 'AmendContract', contractId, amendedOn: '2027-03-01' as never, lines, totals })
      .thenFails({ kind: 'AmendmentOutsideTerm', contractId, amendedOn: '2027-03-01' });
    spec
      .given([started()])
      .when({
        kind: 'AmendContract',
        contractId,
        amendedOn: '2026-06-01' as never,
        lines,
        totals,
        autoRenew: false,
      })
      .then([
        {
          type: 'ContractAmended',
          data: { contractId, amendedOn: '2026-06-01' as never, lines, totals, autoRenew: false },
        },
      ]);
  });
});
