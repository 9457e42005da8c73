/** Why a commission command was refused. */
export type CommissionError =
  | {
      readonly kind: 'CommissionCurrencyMismatch';
      readonly expected: string;
      readonly actual: string;
    }
  | { readonly kind: 'PlanAlreadyAssigned'; readonly period: string }
  | { readonly kind: 'PeriodOverlaps'; readonly period: string; readonly assigned: string }
  /** Tiers and accelerators are by attainment, which needs a target above zero. */
  | { readonly kind: 'PlanNeedsTarget'; readonly period: string }
  | { readonly kind: 'NoPlanForPeriod'; readonly period: string }
  | { readonly kind: 'NothingToSettle'; readonly repId: string }
  | { readonly kind: 'SettlementNotFound'; readonly settlementId: string };
