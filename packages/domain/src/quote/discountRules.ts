/**
 * Who may give which discount alone: a limit in basis points per role, and one for every other
 * role. A line above the limit of the rep's role needs an approver whose role's limit covers it.
 *
 * @example
 * const rules: DiscountRules = { limitsByRole: { sales_rep: 1_000, sales_manager: 2_500 }, otherRolesBps: 0 };
 */
export interface DiscountRules {
  readonly limitsByRole: Readonly<Record<string, number>>;
  readonly otherRolesBps: number;
}

/** The discount limit of a role under the rules. */
export const discountLimitOf = (rules: DiscountRules, role: string): number =>
  rules.limitsByRole[role] ?? rules.otherRolesBps;
