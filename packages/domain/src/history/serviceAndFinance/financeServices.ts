import type { EventStore } from '@clientele/eventstore';
import { createInMemoryCheckpointStore } from '@clientele/eventstore';
import type { ReactorRunner } from '@clientele/eventstore';
import type { CampaignService } from '../../campaign/campaignService.js';
import type { CommissionService } from '../../commission/commissionService.js';
import type { InvoiceService } from '../../invoice/invoiceService.js';
import type { TargetService } from '../../target/targetService.js';
import type { TicketService } from '../../ticket/ticketService.js';
import { createCampaignService } from '../../campaign/campaignService.js';
import { createCommissionAccrualReactor } from '../../reactors/commissionAccrualReactor.js';
import { createCommissionService } from '../../commission/commissionService.js';
import { createInvoiceService } from '../../invoice/invoiceService.js';
import { createTargetService } from '../../target/targetService.js';
import { createTicketService } from '../../ticket/ticketService.js';
import { simulatedStaff } from '../simulatedStaff.js';

/** Every service-and-finance entry point over one store, with the commission accrual. */
export interface FinanceServices {
  readonly tickets: TicketService;
  readonly campaigns: CampaignService;
  readonly invoices: InvoiceService;
  readonly targets: TargetService;
  readonly commissions: CommissionService;
  /** The commission accrual reactor's runner, on in-memory checkpoints. */
  readonly accrual: ReactorRunner;
}

/** Wires the service-and-finance services over a store, as an app would. */
export const createFinanceServices = (
  store: EventStore,
  newEventId?: () => string,
): FinanceServices => {
  const ids = { authorize: simulatedStaff(), newEventId };
  const commissions = createCommissionService(store, ids);
  return {
    tickets: createTicketService(store, ids),
    campaigns: createCampaignService(store, ids),
    invoices: createInvoiceService(store, ids),
    targets: createTargetService(store, ids),
    commissions,
    accrual: createCommissionAccrualReactor({
      store,
      checkpoints: createInMemoryCheckpointStore(),
      commissions,
    }).runner,
  };
};
