/** Why a customer command was refused. */
export type CustomerError =
  | { readonly kind: 'CustomerNotFound'; readonly customerId: string }
  | { readonly kind: 'CustomerAlreadyRegistered'; readonly customerId: string }
  | { readonly kind: 'CustomerInactive'; readonly customerId: string }
  | {
      readonly kind: 'CustomerMergedAway';
      readonly customerId: string;
      readonly survivorId: string;
    }
  | { readonly kind: 'CustomerAlreadyActive'; readonly customerId: string }
  | { readonly kind: 'ContactAlreadyExists'; readonly contactSubjectId: string }
  | { readonly kind: 'ContactNotFound'; readonly contactSubjectId: string }
  | {
      readonly kind: 'OwnerChanged';
      readonly customerId: string;
      readonly expectedOwnerId: string;
      readonly actualOwnerId: string | null;
    }
  | { readonly kind: 'CannotMergeIntoItself'; readonly customerId: string }
  /** Another customer of the tenant already has this email or phone. */
  | {
      readonly kind: 'DuplicateCustomer';
      readonly existingCustomerId: string;
      readonly matchedOn: 'email' | 'phone';
    };
