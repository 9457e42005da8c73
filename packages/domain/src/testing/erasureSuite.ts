import * as E from 'fp-ts/lib/Either.js';
import { isErasedField, snapshotVersion, verifyLog } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { WITHHELD } from '../privacy/footprint.js';
import { retainedKeySubject } from '../shared/retention.js';
import { CUSTOMER_STATE_VERSION } from '../customer/stateCodec.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';
import type { ErasureTarget } from './erasureFixture.js';

export type { ErasureTarget } from './erasureFixture.js';
import {
  ADA,
  ADA_VALUES,
  at,
  everything,
  found,
  foundInBytes,
  opened,
  seedAda,
} from './erasureFixture.js';

/** The version customer snapshots are kept under: the state's and the upcaster chain's. */
const CUSTOMER_SNAPSHOTS = snapshotVersion(CUSTOMER_STATE_VERSION, domainUpcasters);

/**
 * Erasure by crypto-shredding, end to end through the privacy service, written once and run on
 * every engine: after `forgetPerson` every read, snapshot, read model, export and (after the
 * engine's purge) raw file is free of the person's values, while other people, counts and money
 * are untouched and the hash chain still verifies; invoices are held until their retention ends.
 */
export const describeErasure = (engineName: string, open: () => Promise<ErasureTarget>): void => {
  describe(`${engineName}: forgetting a person`, () => {
    const withTarget = async (body: (target: ErasureTarget) => Promise<void>) => {
      const target = await open();
      try {
        await body(target);
      } finally {
        await target.close();
      }
    };

    it('erases the person everywhere but in invoices held by law, leaving others, counts and money', async () => {
      await withTarget(async (target) => {
        const { store, customers, privacy } = opened(target);
        await seedAda(store, customers);
        expect(found(await everything(store), ADA_VALUES)).toEqual(ADA_VALUES);

        const outcome = await privacy.forgetPerson(ADA, at('2026-03-03'));

        expect(outcome).toSatisfy(E.isRight);
        const forgotten = E.isRight(outcome) ? outcome.right : undefined;
        expect(forgotten?.customersErased).toEqual(['c-ada']);
        expect([...(forgotten?.streams ?? [])].sort()).toEqual([
          'Customer-c-acme',
          'Customer-c-ada',
          'Invoice-i-ada',
          'Lead-l-ada',
          'Ticket-t-ada',
        ]);
        expect(forgotten?.retentionHolds).toEqual([
          expect.objectContaining({
            retentionClass: 'invoice',
            until: '2036-01-10',
            streams: ['Invoice-i-ada'],
          }),
        ]);
        const after = await everything(store);
        const invoiceOnly = JSON.stringify(
          JSON.parse(after).filter((e: { stream: string }) => e.stream !== 'Invoice-i-ada'),
        );
        expect(found(invoiceOnly, ADA_VALUES)).toEqual([]);
        expect(found(after, ['Bob Marrowdale', 'bob.marrowdale@example.org', '119'])).toHaveLength(
          3,
        );
        expect(after).toContain('"amountMinor":11900');
        const customer = await customers.load('c-ada');
        expect('registered' in customer && isErasedField(customer.name)).toBe(true);
        expect('registered' in customer && customer.erased).toBe(true);
        // The chain covers the ciphertext, which erasure never touches: the stored log still verifies.
        expect(await verifyLog(target.engine)).toSatisfy(E.isRight);
      });
    });

    it("releases the person's duplicate-check keys, so their email can be registered again", async () => {
      await withTarget(async (target) => {
        const { store, customers, privacy } = opened(target);
        await seedAda(store, customers);
        const again = {
          kind: 'RegisterCustomer',
          customerId: 'c-new',
          customerKind: 'person',
          name: 'A. Q.',
          emails: ['Ada.Quillfeather@example.org'],
        };
        expect(await customers.handle(again, at('2026-03-02'))).toSatisfy(E.isLeft);
        await privacy.forgetPerson(ADA, at('2026-03-03'));
        expect(await customers.handle(again, at('2026-03-04'))).toSatisfy(E.isRight);
      });
    });

    it('keeps invoice billing data readable until the hold ends, then erases it on that day', async () => {
      await withTarget(async (target) => {
        const { store, customers, privacy } = opened(target);
        await seedAda(store, customers);
        await privacy.forgetPerson(ADA, at('2026-03-03'));
        const invoice = async () => {
          const events: unknown[] = [];
          for await (const event of store.readStream('Invoice-i-ada')) events.push(event.data);
          return JSON.stringify(events);
        };
        expect(await invoice()).toContain('Quillfeather');

        expect(await privacy.eraseDueRetainedData(at('2036-01-09'))).toEqual([]);
        expect(await invoice()).toContain('Quillfeather');
        const early = await privacy.eraseRetainedData(ADA, 'invoice', at('2036-01-09'));
        expect(E.isLeft(early) && early.left).toMatchObject({
          kind: 'RetentionHoldNotExpired',
          until: '2036-01-10',
        });

        const ended = await privacy.eraseDueRetainedData(at('2036-01-10'));
        expect(
          ended.map((hold) => [hold.subjectId, hold.retentionClass, E.isRight(hold.result)]),
        ).toEqual([[ADA, 'invoice', true]]);
        expect(found(await everything(store), ADA_VALUES)).toEqual([]);
        expect(await target.keys.isForgotten(retainedKeySubject(ADA, 'invoice'))).toBe(true);
        expect((await privacy.status(ADA)).holds[0]?.erased).toBe(true);
      });
    });

    it('exports everything held about the person, withholding others, and records the export', async () => {
      await withTarget(async (target) => {
        const { store, customers, privacy } = opened(target);
        await seedAda(store, customers);
        const exported = await privacy.exportPersonalData(ADA, at('2026-03-01'));
        const document = E.isRight(exported) ? exported.right : undefined;
        expect(document?.records.map((r) => r.streamName).sort()).toEqual([
          'Customer-c-acme',
          'Customer-c-ada',
          'Invoice-i-ada',
          'Lead-l-ada',
          'Ticket-t-ada',
        ]);
        const text = JSON.stringify(document);
        expect(found(text, ADA_VALUES)).toEqual(ADA_VALUES);
        expect(text).not.toContain('Bob Marrowdale');
        expect(text).toContain(JSON.stringify(WITHHELD));
        expect((await privacy.status(ADA)).exports).toBe(1);

        await privacy.forgetPerson(ADA, at('2026-03-03'));
        const afterwards = await privacy.exportPersonalData(ADA, at('2026-03-04'));
        const later = E.isRight(afterwards) ? afterwards.right : undefined;
        expect(later?.forgotten).toBe(true);
        expect(later?.retentionHolds).toEqual([
          expect.objectContaining({ until: '2036-01-10', erased: false }),
        ]);
        const customerValues = later?.records
          .filter((r) => r.streamName === 'Customer-c-ada')
          .flatMap((r) => r.values.map((v) => v.value));
        expect(customerValues?.length).toBeGreaterThan(0);
        expect(customerValues?.every(isErasedField)).toBe(true);
      });
    });

    it('corrects the person wherever they appear, as new events, and records what it could not', async () => {
      await withTarget(async (target) => {
        const { store, customers, privacy } = opened(target);
        await seedAda(store, customers);
        const correction = { name: 'Ada Featherstone', email: 'ada.featherstone@example.org' };

        const steps = await privacy.rectifyPerson(ADA, correction, at('2026-03-01'));

        const byStream = E.isRight(steps)
          ? [...steps.right].sort((a, b) => a.streamName.localeCompare(b.streamName))
          : steps.left;
        expect(byStream).toEqual([
          { streamName: 'Customer-c-acme', command: 'CorrectCustomerContact' },
          { streamName: 'Customer-c-ada', command: 'UpdateCustomerProfile' },
          { streamName: 'Invoice-i-ada', command: 'CorrectBillingContact' },
          { streamName: 'Lead-l-ada', command: 'CorrectLeadContact' },
          { streamName: 'Ticket-t-ada', skipped: expect.stringContaining('what was said') },
        ]);
        expect(await customers.load('c-ada')).toMatchObject({
          name: 'Ada Featherstone',
          emails: ['ada.featherstone@example.org'],
        });
        // History is kept: the registration still says what was held before the correction.
        const log = await everything(store);
        expect(found(log, ['Ada Quillfeather', 'Ada Featherstone'])).toHaveLength(2);
        expect((await privacy.status(ADA)).rectifications).toBe(1);

        await privacy.forgetPerson(ADA, at('2026-03-03'));
        const late = await privacy.rectifyPerson(ADA, correction, at('2026-03-04'));
        expect(E.isLeft(late) && late.left).toEqual({ kind: 'PersonForgotten', subjectId: ADA });
      });
    });

    it("refuses a person's erasure to a role without the permission, destroying nothing", async () => {
      await withTarget(async (target) => {
        const { store, customers, privacy } = opened(target);
        await seedAda(store, customers);
        const rep = { id: 'rep-1', role: 'sales_rep' };
        const refused = await privacy.forgetPerson(ADA, at('2026-03-03', rep));
        expect(E.isLeft(refused) && refused.left).toMatchObject({
          kind: 'Forbidden',
          denial: { permission: 'DataSubject.ForgetPerson' },
        });
        expect(await target.keys.isForgotten(ADA)).toBe(false);
        expect(found(await everything(store), ADA_VALUES)).toEqual(ADA_VALUES);
      });
    });

    it('records nothing more when run again, and drops a snapshot a racing command left behind', async () => {
      await withTarget(async (target) => {
        const { store, customers, privacy } = opened(target);
        await seedAda(store, customers);
        await privacy.forgetPerson(ADA, at('2026-03-03'));
        // As if a command loaded the customer before the key went and saved it afterwards.
        const stale = { revision: 0n, state: { name: 'Ada Quillfeather' } };
        await target.snapshots.save('Customer-c-ada', CUSTOMER_SNAPSHOTS, stale);

        const again = await privacy.forgetPerson(ADA, at('2026-03-04'));

        expect(E.isRight(again) && again.right.alreadyForgotten).toBe(true);
        expect(await target.snapshots.load('Customer-c-ada', CUSTOMER_SNAPSHOTS)).toBeUndefined();
        expect((await privacy.status(ADA)).forgottenStreams).toContain('Customer-c-ada');
      });
    });

    it('leaves no value of the person in snapshots, read models or, after the purge, the raw files', async () => {
      await withTarget(async (target) => {
        const { store, customers, privacy } = opened(target);
        await seedAda(store, customers);
        await customers.handle(
          { kind: 'TagCustomer', customerId: 'c-ada', add: ['vip'] },
          at('2026-01-06'),
        );
        const snapshot = await target.snapshots.load('Customer-c-ada', CUSTOMER_SNAPSHOTS);
        expect(found(JSON.stringify(snapshot?.state), ADA_VALUES)).not.toEqual([]);
        const key = await target.keys.keyForSubject(ADA);
        if (key === undefined) throw new Error('the person has no data key before the erasure');
        const keyBytes = Buffer.from(key.key);
        // The search below must be able to see the key: it is on disk before the erasure.
        if (target.rawFiles !== undefined) {
          expect(foundInBytes(await target.rawFiles(), [keyBytes])).toEqual([keyBytes]);
        }
        // Read models never hold personal data, so an erasure has none to rebuild.
        if (target.readModels !== undefined) {
          expect(found(await target.readModels(store), ADA_VALUES)).toEqual([]);
        }

        await privacy.forgetPerson(ADA, at('2026-03-03'));
        await privacy.eraseDueRetainedData(at('2036-01-10'));
        // A command after the erasure snapshots the customer again, now with erased fields.
        await customers.handle(
          { kind: 'TagCustomer', customerId: 'c-ada', add: ['former'] },
          at('2036-02-01'),
        );

        for (const stream of ['Customer-c-ada', 'Customer-c-acme']) {
          const kept = await target.snapshots.load(stream, CUSTOMER_SNAPSHOTS);
          expect(found(JSON.stringify(kept?.state ?? null), ADA_VALUES)).toEqual([]);
        }
        if (target.readModels !== undefined) {
          expect(found(await target.readModels(store), ADA_VALUES)).toEqual([]);
        }
        if (target.rawFiles !== undefined) {
          await target.purge?.();
          const files = await target.rawFiles();
          expect(files.length).toBeGreaterThan(0);
          expect(foundInBytes(files, [...ADA_VALUES, keyBytes])).toEqual([]);
          // Nobody's values are ever on disk in clear: Bob's are encrypted too.
          expect(foundInBytes(files, ['bob.marrowdale@example.org'])).toEqual([]);
        }
      });
    });
  });
};
