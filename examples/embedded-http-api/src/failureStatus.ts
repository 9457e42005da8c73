/**
 * The HTTP status for a command that appended nothing: bad input is the client's to fix (400), a
 * denial is 403, racing writers 409, and a business rule refusing the command 422.
 */
export const failureStatus = (failure: { readonly kind: string }): number => {
  switch (failure.kind) {
    case 'InvalidCommand':
      return 400;
    case 'Forbidden':
      return 403;
    case 'Conflict':
      return 409;
    default:
      return 422;
  }
};
