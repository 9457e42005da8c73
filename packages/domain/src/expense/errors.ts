import type { ExpenseClaimStatus } from './state.js';

/** Why an expense claim command was refused. */
export type ExpenseClaimError =
  | { readonly kind: 'ExpenseClaimNotFound'; readonly claimId: string }
  | { readonly kind: 'ExpenseClaimAlreadySubmitted'; readonly claimId: string }
  /** A sales expense belongs to a deal or a customer, or it is not a sales expense. */
  | { readonly kind: 'ExpenseClaimUnlinked'; readonly claimId: string }
  | { readonly kind: 'ExpenseClaimWithoutReceipt'; readonly claimId: string }
  | { readonly kind: 'ExpenseAmountZero'; readonly claimId: string }
  /** The receipts must show the claimed amount, in the claim's currency. */
  | {
      readonly kind: 'ReceiptsDoNotMatchClaim';
      readonly claimId: string;
      readonly claimed: number;
      readonly receipted: number;
    }
  | { readonly kind: 'SelfApprovalNotAllowed'; readonly approverId: string }
  | {
      readonly kind: 'ExpenseClaimNotInStatus';
      readonly claimId: string;
      readonly status: ExpenseClaimStatus;
    };
