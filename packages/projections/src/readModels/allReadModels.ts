import type { AnyProjection } from '../projection/projection.js';
import { accountTeamsProjection } from './accountTeams/accountTeamsProjection.js';
import { activityCountsProjection } from './engagement/activityCountsProjection.js';
import { agendaProjection } from './engagement/agendaProjection.js';
import { lastContactProjection } from './engagement/lastContactProjection.js';
import { campaignsProjection } from './campaigns/campaignsProjection.js';
import { commissionsProjection } from './commission/commissionsProjection.js';
import { customersProjection } from './customers/customersProjection.js';
import { dealsProjection } from './deals/dealsProjection.js';
import { latestActivityProjection } from './activity/latestActivityProjection.js';
import { invoicesProjection } from './receivables/invoicesProjection.js';
import { leadsProjection } from './leads/leadsProjection.js';
import { salesOrdersProjection } from './orders/salesOrdersProjection.js';
import { invoiceProductsProjection } from './orders/invoiceProductsProjection.js';
import { quotesProjection } from './quotes/quotesProjection.js';
import { contractsProjection } from './contracts/contractsProjection.js';
import { expensesProjection } from './expenses/expensesProjection.js';
import {
  commissionCausesProjection,
  dealRevenueProjection,
} from './profitability/dealRevenueProjection.js';
import { ticketsProjection } from './service/ticketsProjection.js';
import { organizationProjection } from './salesOrganization/organizationProjection.js';
import { saleCommissionsProjection } from './timeline/saleCommissionsProjection.js';
import { timelineProjection } from './timeline/timelineProjection.js';

/** Every read model Clientele ships, for one runner to keep them all in one pass over the log. */
export const allReadModels: readonly AnyProjection[] = [
  leadsProjection,
  dealsProjection,
  customersProjection,
  organizationProjection,
  accountTeamsProjection,
  timelineProjection,
  saleCommissionsProjection,
  invoicesProjection,
  ticketsProjection,
  commissionsProjection,
  campaignsProjection,
  latestActivityProjection,
  agendaProjection,
  activityCountsProjection,
  lastContactProjection,
  salesOrdersProjection,
  invoiceProductsProjection,
  quotesProjection,
  contractsProjection,
  expensesProjection,
  dealRevenueProjection,
  commissionCausesProjection,
];
