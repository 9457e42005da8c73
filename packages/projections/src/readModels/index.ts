export { allReadModels } from './allReadModels.js';
export { domainEventDecoder } from './domainEvent.js';
export { DealDocument, dealKey } from './deals/dealDocument.js';
export { dealsProjection } from './deals/dealsProjection.js';
export { LEAD_STAGES, LeadDocument, leadKey } from './leads/leadDocument.js';
export { CustomerDocument, customerKey } from './customers/customerDocument.js';
export { customersProjection } from './customers/customersProjection.js';
export { customerDocument, customerList } from './customers/customerList.js';
export * from './customerSearch/index.js';
export type { LeadStage } from './leads/leadDocument.js';
export { leadsProjection } from './leads/leadsProjection.js';
export {
  OrganizationDocument,
  organizationKey,
  organizationProjection,
  organizationState,
} from './salesOrganization/organizationProjection.js';
export { loadOrganizations } from './salesOrganization/loadOrganizations.js';
export { readAccessOn } from './salesOrganization/readAccessOn.js';
export * from './accountTeams/index.js';
export type { FunnelRow, FunnelStageFigures } from './funnel/funnelEntry.js';
export type { FunnelGrouping, FunnelOptions } from './funnel/funnelCalculation.js';
export { leadFunnel, opportunityFunnel } from './funnel/funnelCalculation.js';
export type { PipelineRow } from './pipeline/pipelineReport.js';
export { pipelineReport } from './pipeline/pipelineReport.js';
export type { PerformanceGrouping, PerformanceRow } from './performance/salesPerformanceReport.js';
export { salesPerformanceReport } from './performance/salesPerformanceReport.js';
export {
  TimelineDocument,
  timelineKey,
  timelineProjection,
} from './timeline/timelineProjection.js';
export {
  SaleCommissionsDocument,
  saleCommissionsProjection,
} from './timeline/saleCommissionsProjection.js';
export type {
  CustomerHistorySource,
  CustomerTimeline,
  TimelineEntry,
} from './timeline/customerTimeline.js';
export { customerStateAsOf, customerTimeline } from './timeline/customerTimeline.js';
export { InvoiceDocument, invoiceKey } from './receivables/invoiceDocument.js';
export { invoicesProjection } from './receivables/invoicesProjection.js';
export type {
  AgingBucket,
  ReceivablesOptions,
  ReceivablesRow,
} from './receivables/receivablesReport.js';
export {
  AGING_BUCKETS,
  bucketOf,
  daysSalesOutstanding,
  invoiceAsOf,
  receivablesReport,
} from './receivables/receivablesReport.js';
export { TicketDocument, ticketKey } from './service/ticketDocument.js';
export { ticketsProjection } from './service/ticketsProjection.js';
export type { ServiceOptions, ServiceReport } from './service/serviceReport.js';
export { serviceReport } from './service/serviceReport.js';
export { CommissionDocument, commissionKey } from './commission/commissionDocument.js';
export { commissionsProjection } from './commission/commissionsProjection.js';
export type { TargetRow } from './commission/targetsReport.js';
export { targetsReport } from './commission/targetsReport.js';
export type { AttributionRule, CampaignOptions, CampaignRow } from './campaigns/campaignReport.js';
export { campaignReport } from './campaigns/campaignReport.js';
export { CampaignDocument, campaignKey } from './campaigns/campaignDocument.js';
export { campaignsProjection } from './campaigns/campaignsProjection.js';
export type { GroupTargetRow } from './commission/groupTargetsReport.js';
export { groupTargetsReport } from './commission/groupTargetsReport.js';
export { UNPLACED, creditedGroups } from './salesOrganization/creditedGroup.js';
export {
  BUSINESS_STREAM_PREFIXES,
  LatestActivityDocument,
  latestActivityProjection,
} from './activity/latestActivityProjection.js';
export type { ReportDate } from './activity/reportDate.js';
export { latestActivityDay, reportDate } from './activity/reportDate.js';
export { ERASED_NAME, customerNames } from './customers/customerNames.js';
export { organizationNames } from './salesOrganization/organizationNames.js';
export { campaignNames } from './campaigns/campaignNames.js';
export * from './engagement/index.js';
export * from './orders/index.js';
export * from './quotes/index.js';
export * from './contracts/index.js';
export * from './expenses/index.js';
export * from './profitability/index.js';
