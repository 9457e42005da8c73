import type { PersonalRecord } from './footprint.js';

/** What a person asks to have corrected: any of their name, email and phone. */
export interface PersonalCorrection {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
}

/** The entry point a correction goes through. */
export type RectificationEntry = 'customers' | 'leads' | 'invoices' | 'activities';

/** One correcting command to send (as unknown input to the stream's entry point), or a skip. */
export type RectificationPlanStep =
  | {
      readonly streamName: string;
      readonly entry: RectificationEntry;
      readonly command: Readonly<Record<string, unknown>>;
    }
  | { readonly streamName: string; readonly skipped: string };

const idOf = (streamName: string, category: string) => streamName.slice(category.length + 1);

const defined = (fields: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

/**
 * Plans the corrections of one person's data from the records holding it: a customer that is the
 * person gets `UpdateCustomerProfile` (its name; its email and phone only when it has at most one
 * of each, since which of several to replace is the person's to say), a customer where they are a
 * contact `CorrectCustomerContact`, a lead `CorrectLeadContact`, an invoice `CorrectBillingContact`
 * (name and email), an activity `CorrectActivity` (the contact's name). A ticket is skipped: its
 * text records what was said. Pure: it sends nothing.
 */
export const planRectification = (
  subjectId: string,
  records: readonly PersonalRecord[],
  correction: PersonalCorrection,
): readonly RectificationPlanStep[] => {
  const { name, email, phone } = correction;
  const streams = [...new Set(records.map((record) => record.streamName))];
  return streams.map((streamName): RectificationPlanStep => {
    const inStream = records.filter((record) => record.streamName === streamName);
    const category = streamName.slice(0, streamName.indexOf('-'));
    switch (category) {
      case 'Customer': {
        const customerId = idOf(streamName, category);
        const isThePerson = inStream.some(
          (record) =>
            record.type === 'CustomerRegistered' &&
            (record.data as { subjectId?: string }).subjectId === subjectId,
        );
        if (!isThePerson) {
          return {
            streamName,
            entry: 'customers',
            command: defined({
              kind: 'CorrectCustomerContact',
              customerId,
              subjectId,
              name,
              email,
              phone,
            }),
          };
        }
        const count = (field: string) =>
          new Set(
            inStream.flatMap((record) =>
              record.values
                .filter((value) => new RegExp(`(^|\\.)${field}\\.\\d+$`).test(value.path))
                .map((value) => JSON.stringify(value.value)),
            ),
          ).size;
        const emails = email !== undefined && count('emails') <= 1 ? [email] : undefined;
        const phones = phone !== undefined && count('phones') <= 1 ? [phone] : undefined;
        const profile = defined({ name, emails, phones });
        return Object.keys(profile).length === 0
          ? {
              streamName,
              skipped: 'several emails or phones: say which with UpdateCustomerProfile',
            }
          : {
              streamName,
              entry: 'customers',
              command: { kind: 'UpdateCustomerProfile', customerId, ...profile },
            };
      }
      case 'Lead':
        return {
          streamName,
          entry: 'leads',
          command: defined({
            kind: 'CorrectLeadContact',
            leadId: idOf(streamName, category),
            name,
            email,
            phone,
          }),
        };
      case 'Invoice':
        return name === undefined && email === undefined
          ? { streamName, skipped: 'an invoice keeps no phone' }
          : {
              streamName,
              entry: 'invoices',
              command: defined({
                kind: 'CorrectBillingContact',
                invoiceId: idOf(streamName, category),
                name,
                email,
              }),
            };
      case 'Activity':
        // An activity keeps the person's name (what was said stays as it was said).
        return name === undefined
          ? { streamName, skipped: 'an activity keeps only a name of the person' }
          : {
              streamName,
              entry: 'activities',
              command: {
                kind: 'CorrectActivity',
                activityId: idOf(streamName, category),
                contactName: name,
              },
            };
      case 'Ticket':
        return {
          streamName,
          skipped: "a ticket's text records what was said; it is not corrected",
        };
      default:
        return { streamName, skipped: `no correction is known for ${category} streams` };
    }
  });
};
