import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { HandedOverRecord, ReassignmentPolicy } from './values.js';

/**
 * A rep leaves: they gave notice on `noticeGivenOn`, and from `leavesOn` (the effective date, the
 * first day they no longer work here) every command and read of theirs is refused. Their open
 * records go to `successors` by `policy`: the manager alone, or the teammates in turn. The
 * successors are resolved from the sales organization when the command is made (see
 * `successorsOf`), so the hand-over does not change when the organization does later.
 */
export const OffboardRep = t.type(
  {
    kind: t.literal('OffboardRep'),
    repId: t.string,
    organizationId: t.string,
    noticeGivenOn: DateOnly,
    leavesOn: DateOnly,
    policy: ReassignmentPolicy,
    successors: t.readonlyArray(t.string),
  },
  'OffboardRep',
);

/** Record that one of the departing rep's records goes to a successor (sent by the reactor). */
export const ReassignRecord = t.type(
  {
    kind: t.literal('ReassignRecord'),
    repId: t.string,
    recordType: HandedOverRecord,
    recordId: t.string,
    toOwnerId: t.string,
  },
  'ReassignRecord',
);

/** Every command of the Offboarding aggregate. */
export const OffboardingCommand = t.union([OffboardRep, ReassignRecord], 'OffboardingCommand');
/** Every command of the Offboarding aggregate. */
export type OffboardingCommand = t.TypeOf<typeof OffboardingCommand>;
/** An Offboarding command as code writes it, before decoding. */
export type OffboardingCommandInput = t.OutputOf<typeof OffboardingCommand>;
