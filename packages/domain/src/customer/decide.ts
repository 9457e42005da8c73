import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { CustomerCommand } from './commands.js';
import type { CustomerError } from './errors.js';
import type { CustomerEvent } from './events.js';
import type { CustomerProfile, CustomerState } from './state.js';
import { changedFields } from '../shared/rectification.js';
import { evolveCustomer, initialCustomerState } from './state.js';

type Decision = E.Either<CustomerError, readonly CustomerEvent[]>;

const registered = (
  state: CustomerState,
  customerId: string,
): E.Either<CustomerError, CustomerProfile> => {
  if (!('registered' in state)) return E.left({ kind: 'CustomerNotFound', customerId });
  if (state.status === 'merged' && state.survivorId !== null) {
    return E.left({ kind: 'CustomerMergedAway', customerId, survivorId: state.survivorId });
  }
  return E.right(state);
};

/** A customer that may still be changed: registered, not merged away, not deactivated. */
const active = (state: CustomerState, customerId: string) =>
  E.chain((profile: CustomerProfile) =>
    profile.status === 'inactive'
      ? E.left<CustomerError>({ kind: 'CustomerInactive', customerId })
      : E.right(profile),
  )(registered(state, customerId));

const emit = (...events: CustomerEvent[]): Decision => E.right(events);

const register = (
  command: Extract<CustomerCommand, { kind: 'RegisterCustomer' }>,
  state: CustomerState,
): Decision => {
  if ('registered' in state) {
    return E.left({ kind: 'CustomerAlreadyRegistered', customerId: command.customerId });
  }
  const { kind: _, customerKind, subjectId, emails, phones, tags, contacts, ...rest } = command;
  return emit({
    type: 'CustomerRegistered',
    data: {
      ...rest,
      subjectId: subjectId ?? command.customerId,
      kind: customerKind,
      emails: [...new Set(emails ?? [])],
      phones: [...new Set(phones ?? [])],
      tags: [...new Set(tags ?? [])],
      contacts: contacts ?? [],
    },
  });
};

type CommandOf<K extends CustomerCommand['kind']> = Extract<CustomerCommand, { kind: K }>;

const correctContact = (
  command: CommandOf<'CorrectCustomerContact'>,
  p: CustomerProfile,
): Decision => {
  const { subjectId, name, email, phone } = command;
  const contact = p.contacts.find((c) => c.subjectId === subjectId);
  if (contact === undefined)
    return E.left({ kind: 'ContactNotFound', contactSubjectId: subjectId });
  const changed = changedFields(contact, { name, email, phone });
  return Object.keys(changed).length === 0
    ? emit()
    : emit({
        type: 'CustomerContactCorrected',
        data: { customerId: p.customerId, contact: { subjectId, ...changed } },
      });
};

const tag = (command: CommandOf<'TagCustomer'>, p: CustomerProfile): Decision => {
  const added = (command.add ?? []).filter((tag) => !p.tags.includes(tag));
  const removed = (command.remove ?? []).filter((tag) => p.tags.includes(tag));
  return added.length + removed.length === 0
    ? emit()
    : emit({ type: 'CustomerTagged', data: { customerId: p.customerId, added, removed } });
};

/** A transfer names the owner it takes from: it fails if the customer changed hands since. */
const transfer = (command: CommandOf<'TransferCustomer'>, p: CustomerProfile): Decision => {
  const customerId = p.customerId;
  if (p.ownerId !== command.fromOwnerId) {
    return E.left({
      kind: 'OwnerChanged',
      customerId,
      expectedOwnerId: command.fromOwnerId,
      actualOwnerId: p.ownerId,
    });
  }
  if (command.toOwnerId === command.fromOwnerId) return emit();
  return emit({
    type: 'CustomerOwnerAssigned',
    data: {
      customerId,
      ownerId: command.toOwnerId,
      previousOwnerId: p.ownerId,
      reason: 'transferred',
    },
  });
};

const decideFor = (
  command: Exclude<CustomerCommand, { kind: 'RegisterCustomer' }>,
  p: CustomerProfile,
): Decision => {
  const customerId = p.customerId;
  switch (command.kind) {
    case 'UpdateCustomerProfile': {
      const { kind: _, customerId: __, ...changes } = command;
      return emit({
        type: 'CustomerProfileUpdated',
        data: { customerId, subjectId: p.subjectId, changes },
      });
    }
    case 'AddCustomerContact':
      return p.contacts.some((c) => c.subjectId === command.contact.subjectId)
        ? E.left({ kind: 'ContactAlreadyExists', contactSubjectId: command.contact.subjectId })
        : emit({ type: 'CustomerContactAdded', data: { customerId, contact: command.contact } });
    case 'RemoveCustomerContact':
      return p.contacts.some((c) => c.subjectId === command.contactSubjectId)
        ? emit({
            type: 'CustomerContactRemoved',
            data: { customerId, contactSubjectId: command.contactSubjectId },
          })
        : E.left({ kind: 'ContactNotFound', contactSubjectId: command.contactSubjectId });
    case 'CorrectCustomerContact':
      return correctContact(command, p);
    case 'TagCustomer':
      return tag(command, p);
    case 'ClassifyCustomer':
      return command.segment === p.segment
        ? emit()
        : emit({
            type: 'CustomerClassified',
            data: { customerId, segment: command.segment, previousSegment: p.segment },
          });
    case 'SetCustomerCreditLimit':
      return emit({
        type: 'CustomerCreditLimitSet',
        data: { customerId, creditLimit: command.creditLimit, previous: p.creditLimit },
      });
    case 'DeactivateCustomer':
      return emit({ type: 'CustomerDeactivated', data: { customerId, reason: command.reason } });
    case 'AssignCustomerOwner':
      return command.ownerId === p.ownerId
        ? emit()
        : emit({
            type: 'CustomerOwnerAssigned',
            data: {
              customerId,
              ownerId: command.ownerId,
              previousOwnerId: p.ownerId,
              reason: 'assigned',
            },
          });
    case 'TransferCustomer':
      return transfer(command, p);
    case 'MergeCustomerInto':
      return command.survivorId === customerId
        ? E.left({ kind: 'CannotMergeIntoItself', customerId })
        : emit({ type: 'CustomerMerged', data: { customerId, survivorId: command.survivorId } });
    case 'AbsorbCustomer': {
      if (command.mergedCustomerId === customerId) {
        return E.left({ kind: 'CannotMergeIntoItself', customerId });
      }
      const { kind: _, ...data } = command;
      return emit({ type: 'CustomerAbsorbed', data });
    }
    case 'EraseCustomerPersonalData':
      return p.erased
        ? emit()
        : emit({
            type: 'CustomerPersonalDataErased',
            data: { customerId, subjectId: p.subjectId },
          });
    case 'ReactivateCustomer':
      return E.left({ kind: 'CustomerAlreadyActive', customerId });
  }
};

const decide = (command: CustomerCommand, state: CustomerState): Decision => {
  switch (command.kind) {
    case 'RegisterCustomer':
      return register(command, state);
    case 'ReactivateCustomer':
      return E.chain((p: CustomerProfile) =>
        p.status === 'inactive'
          ? emit({ type: 'CustomerReactivated', data: { customerId: p.customerId } })
          : decideFor(command, p),
      )(registered(state, command.customerId));
    // Erasure and rectification are legal duties: they apply to inactive customers too.
    case 'EraseCustomerPersonalData':
    case 'CorrectCustomerContact':
      return E.chain((p: CustomerProfile) => decideFor(command, p))(
        registered(state, command.customerId),
      );
    default:
      return E.chain((p: CustomerProfile) => decideFor(command, p))(
        active(state, command.customerId),
      );
  }
};

/**
 * The Customer aggregate: profile, contacts (and their rectification), tags and segment, credit
 * limit, ownership, merge and erasure. Duplicate emails and phones are not its business: a
 * customer sees only its own stream, so uniqueness is enforced by the reservation streams before
 * registration (see `customerService`).
 */
export const customerDecider: Decider<
  CustomerCommand,
  CustomerEvent,
  CustomerState,
  CustomerError
> = { initialState: initialCustomerState, decide, evolve: evolveCustomer };
