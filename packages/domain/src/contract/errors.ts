/** Why a contract command was refused. */
export type ContractError =
  | { readonly kind: 'ContractNotFound'; readonly contractId: string }
  | { readonly kind: 'ContractAlreadyStarted'; readonly contractId: string }
  | { readonly kind: 'ContractHasNoLines'; readonly contractId: string }
  | { readonly kind: 'ContractTotalsMismatch'; readonly contractId: string }
  | { readonly kind: 'ContractEnded'; readonly contractId: string }
  /** A contract under notice ends on its effective day; it cannot be renewed past it. */
  | {
      readonly kind: 'ContractUnderNotice';
      readonly contractId: string;
      readonly effectiveOn: string;
    }
  | { readonly kind: 'ContractRenewsAutomatically'; readonly contractId: string }
  | { readonly kind: 'ContractTermNotOver'; readonly contractId: string; readonly endOn: string }
  | {
      readonly kind: 'AmendmentOutsideTerm';
      readonly contractId: string;
      readonly amendedOn: string;
    };
