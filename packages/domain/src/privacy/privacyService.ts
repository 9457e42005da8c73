import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext, EventStore, IsoInstant } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';
import { stepContext } from '../reservations/stepContext.js';
import { entryFailure } from '../shared/commandEntry.js';
import type { DateOnly } from '../shared/dates.js';
import { RETENTION_CLASSES, retainedKeySubject } from '../shared/retention.js';
import type { DataSubjectCommand } from './commands.js';
import type { DataSubjectError, DataSubjectState } from './decide.js';
import { dataSubjectDecider } from './decide.js';
import { dataSubjectStates } from './dataSubjectStates.js';
import { sendCorrections } from './sendCorrections.js';
import { DataSubjectEvent } from './events.js';
import { findPersonalData } from './footprint.js';
import { customersThatAre, heldContactKeys, retentionHoldsFor, unique } from './erasurePlan.js';
import { planRectification } from './rectification.js';
import { defaultRetentionPolicy } from './retentionPolicy.js';
import type {
  EndedHold,
  PrivacyFailure,
  PrivacyService,
  PrivacyServiceOptions,
} from './privacyServiceContract.js';
export type { ForgetOutcome, PersonalDataExport } from './privacyOutcomes.js';
/** The person's rights as one entry point, over the app's store (encrypted with `keys`). */
export const createPrivacyService = (
  store: EventStore,
  options: PrivacyServiceOptions,
): PrivacyService => {
  const { keys, customers } = options;
  const policy = options.retention ?? defaultRetentionPolicy;
  const source = { store, engine: options.engine };
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    decider: dataSubjectDecider,
    eventCodec: DataSubjectEvent,
    streamName: (command) => streamName('DataSubject', command.subjectId),
    newEventId: options.newEventId,
    authorize: options.authorize,
  });
  const status = async (subjectId: string) =>
    (await handler.load(streamName('DataSubject', subjectId))).state;
  const record = async (command: DataSubjectCommand, context: CommandContext) =>
    E.mapLeft(entryFailure<DataSubjectError>)(await handler.handle(command, context));

  /** Checks the actor before a request does anything: the record comes last, the check first. */
  const permitted = (
    command: DataSubjectCommand,
    state: DataSubjectState,
    context: CommandContext,
  ): E.Either<PrivacyFailure, void> => {
    const verdict = options.authorize(command, state, context);
    return E.isLeft(verdict) ? E.left({ kind: 'Forbidden', denial: verdict.left }) : verdict;
  };

  /** Snapshots are decrypted state: those of a forgotten person's streams must go. */
  const dropSnapshots = async (streams: readonly string[]) => {
    for (const snapshots of options.snapshots ?? []) {
      for (const stream of streams) await snapshots.remove(stream);
    }
  };

  const forgetPerson: PrivacyService['forgetPerson'] = async (subjectId, context, onProgress) => {
    const at = context.occurredAt as IsoInstant;
    const before = await status(subjectId);
    if (before.forgotten) {
      // Run again (after a crash, or a command that saved a snapshot while the person was being
      // forgotten): their streams' snapshots go again; nothing else is left to do.
      await dropSnapshots(before.forgottenStreams);
      return E.right({
        subjectId,
        alreadyForgotten: true,
        streams: before.forgottenStreams,
        customersErased: [],
        retentionHolds: before.holds,
      });
    }
    const draft = { streams: [], customersErased: [], retentionHolds: [] };
    const allowed = permitted({ kind: 'ForgetPerson', subjectId, at, ...draft }, before, context);
    if (E.isLeft(allowed)) return allowed;

    const records = await findPersonalData(source, subjectId, onProgress);
    const streams = unique(records.map((r) => r.streamName));
    const customersErased = customersThatAre(records, subjectId);
    const retentionHolds = retentionHoldsFor(records, policy, at.slice(0, 10) as DateOnly);
    const heldKeys = heldContactKeys(records);

    for (const customerId of customersErased) {
      const erased = await customers.handle(
        { kind: 'EraseCustomerPersonalData', customerId },
        stepContext(context, `erase ${customerId}`),
      );
      if (E.isLeft(erased)) {
        return E.left({ kind: 'CustomerNotErased', customerId, failure: erased.left });
      }
    }
    for (const [customerId, contactKeys] of heldKeys) {
      await customers.reservations.release(
        contactKeys,
        customerId,
        'erased',
        stepContext(context, `release ${customerId}`),
      );
    }

    await keys.forgetSubject(subjectId);
    const held = new Set(retentionHolds.map((hold) => hold.retentionClass));
    for (const retentionClass of RETENTION_CLASSES) {
      if (!held.has(retentionClass)) {
        await keys.forgetSubject(retainedKeySubject(subjectId, retentionClass));
      }
    }

    await dropSnapshots(streams);

    const recorded = await record(
      { kind: 'ForgetPerson', subjectId, at, streams, customersErased, retentionHolds },
      context,
    );
    if (E.isLeft(recorded)) return recorded;
    return E.right({
      subjectId,
      alreadyForgotten: false,
      streams,
      customersErased,
      retentionHolds,
    });
  };

  const exportPersonalData: PrivacyService['exportPersonalData'] = async (
    subjectId,
    context,
    onProgress,
  ) => {
    const at = context.occurredAt as IsoInstant;
    const state = await status(subjectId);
    const draft = { kind: 'RecordPersonalDataExport' as const, subjectId, at, records: 0 };
    const allowed = permitted({ ...draft, streams: [] }, state, context);
    if (E.isLeft(allowed)) return allowed;
    const records = await findPersonalData(source, subjectId, onProgress);
    const streams = unique(records.map((r) => r.streamName));
    const recorded = await record({ ...draft, records: records.length, streams }, context);
    if (E.isLeft(recorded)) return recorded;
    return E.right({
      subjectId,
      exportedAt: at,
      forgotten: state.forgotten,
      retentionHolds: state.holds,
      records,
    });
  };

  const rectifyPerson: PrivacyService['rectifyPerson'] = async (
    subjectId,
    correction,
    context,
    onProgress,
  ) => {
    const at = context.occurredAt as IsoInstant;
    const state = await status(subjectId);
    const allowed = permitted(
      { kind: 'RecordRectification', subjectId, at, steps: [] },
      state,
      context,
    );
    if (E.isLeft(allowed)) return allowed;
    if (state.forgotten) return E.left({ kind: 'PersonForgotten', subjectId });
    if (Object.values(correction).every((value) => value === undefined)) {
      return E.left({
        kind: 'InvalidCommand',
        problems: ['give at least one of name, email, phone'],
      });
    }
    const records = await findPersonalData(source, subjectId, onProgress);
    // The options name the entry points by the entries a plan sends corrections to.
    const plan = planRectification(subjectId, records, correction);
    const steps = await sendCorrections(plan, options, context);
    const recorded = await record({ kind: 'RecordRectification', subjectId, at, steps }, context);
    return E.isLeft(recorded) ? recorded : E.right(steps);
  };

  const eraseRetainedData: PrivacyService['eraseRetainedData'] = async (
    subjectId,
    retentionClass,
    context,
  ) => {
    const recorded = await record(
      {
        kind: 'EraseRetainedPersonalData',
        subjectId,
        retentionClass,
        at: context.occurredAt as IsoInstant,
      },
      context,
    );
    if (E.isLeft(recorded)) return recorded;
    // Destroyed after the record, and again on a rerun: the record never claims a key still alive
    // for longer than a crash lasts, and destroying twice is harmless.
    await keys.forgetSubject(retainedKeySubject(subjectId, retentionClass));
    return E.right(undefined);
  };

  const eraseDueRetainedData: PrivacyService['eraseDueRetainedData'] = async (context) => {
    const today = context.occurredAt.slice(0, 10);
    const states = await dataSubjectStates(store);
    const ended: EndedHold[] = [];
    for (const [subjectId, state] of states) {
      for (const hold of state.holds) {
        if (hold.erased || hold.until > today) continue;
        const result = await eraseRetainedData(
          subjectId,
          hold.retentionClass,
          stepContext(context, `retention ${subjectId} ${hold.retentionClass}`),
        );
        ended.push({ subjectId, retentionClass: hold.retentionClass, result });
      }
    }
    return ended;
  };

  return {
    forgetPerson,
    exportPersonalData,
    rectifyPerson,
    eraseRetainedData,
    eraseDueRetainedData,
    status,
  };
};
