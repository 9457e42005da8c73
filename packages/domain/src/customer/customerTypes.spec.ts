import type * as E from 'fp-ts/lib/Either.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { CustomerCommand } from './commands.js';
import type { CustomerFailure, CustomerService } from './customerService.js';

describe('customer API types', () => {
  it('narrows a command by its kind to the fields of that command', () => {
    type Register = Extract<CustomerCommand, { kind: 'RegisterCustomer' }>;
    expectTypeOf<Register['customerKind']>().toEqualTypeOf<'company' | 'person'>();
    expectTypeOf<Register['emails']>().toEqualTypeOf<readonly string[] | undefined>();
  });

  it('tells a duplicate apart from invalid input in the failure type', () => {
    type Duplicate = Extract<CustomerFailure, { kind: 'DuplicateCustomer' }>;
    expectTypeOf<Duplicate['existingCustomerId']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<CustomerFailure, { kind: 'InvalidCommand' }>['problems']>().toEqualTypeOf<
      readonly string[]
    >();
    expectTypeOf<Awaited<ReturnType<CustomerService['handle']>>>().toExtend<
      E.Either<CustomerFailure, unknown>
    >();
  });
});
