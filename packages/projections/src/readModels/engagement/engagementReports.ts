import * as E from 'fp-ts/lib/Either.js';
import type { ReadRefusal } from '../../store/projectionNotBuilt.js';
import type { ReadAccess } from '../../access/readAccess.js';
import type { Ratio } from '../../definitions/ratio.js';
import { ratio } from '../../definitions/ratio.js';
import { activeDocument, activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { customerList } from '../customers/customerList.js';
import { AgendaTaskDocument } from './agendaDocument.js';
import { ActivityCountsDocument } from './activityCountsProjection.js';
import { LastContactDocument, lastContactKey } from './lastContactProjection.js';

/** The activity kinds reports show as columns, in order. */
export const ACTIVITY_KINDS = ['call', 'email', 'meeting', 'visit', 'message', 'note'] as const;

/** One rep's activities of one ISO week. */
export interface ActivityCountsRow {
  readonly repId: string;
  readonly week: string;
  readonly counts: Readonly<Record<(typeof ACTIVITY_KINDS)[number], number>>;
  readonly total: number;
}

/** Activity counts per rep and week, by kind, rep then week; weeks from `fromWeek` to `toWeek`. */
export const activityCountsReport = async (
  readModels: ReadModelStore,
  options: { readonly fromWeek?: string; readonly toWeek?: string } = {},
): Promise<readonly ActivityCountsRow[]> => {
  const rows: ActivityCountsRow[] = [];
  for await (const { doc } of activeDocuments(
    readModels,
    'activityCounts',
    ActivityCountsDocument,
  )) {
    if (options.fromWeek !== undefined && doc.week < options.fromWeek) continue;
    if (options.toWeek !== undefined && doc.week > options.toWeek) continue;
    const counts = Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, doc.counts[kind] ?? 0]));
    const total = Object.values(doc.counts).reduce((sum, count) => sum + count, 0);
    rows.push({
      repId: doc.repId,
      week: doc.week,
      counts: counts as ActivityCountsRow['counts'],
      total,
    });
  }
  return rows.sort((a, b) =>
    a.repId === b.repId ? a.week.localeCompare(b.week) : a.repId.localeCompare(b.repId),
  );
};

/** A customer and when it was last in contact. */
export interface CustomerContactRow {
  readonly customerId: string;
  readonly ownerId: string | null;
  /** The last contact's time; null when no contact was ever logged. */
  readonly lastContactAt: string | null;
  readonly lastContactKind: string | null;
  /** Whole days from the last contact to the as-of instant; null when never contacted. */
  readonly daysSince: number | null;
}

/**
 * The active customers the actor may read with no contact in the last `days` days before `asOf`
 * (never-contacted ones included), the longest-neglected first.
 */
export const neglectedCustomers = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: { readonly asOf: string; readonly days: number },
): Promise<E.Either<ReadRefusal, readonly CustomerContactRow[]>> => {
  const customers = await customerList(readModels, access);
  if (E.isLeft(customers)) return customers;
  const asOf = Date.parse(options.asOf);
  const rows: CustomerContactRow[] = [];
  for (const customer of customers.right) {
    if (customer.status !== 'active' || customer.registeredOn > options.asOf.slice(0, 10)) continue;
    const last = await activeDocument(
      readModels,
      'lastContact',
      LastContactDocument,
      lastContactKey(customer.customerId),
    );
    const daysSince =
      last === undefined ? null : Math.floor((asOf - Date.parse(last.at)) / 86_400_000);
    if (daysSince !== null && daysSince < options.days) continue;
    rows.push({
      customerId: customer.customerId,
      ownerId: customer.ownerId,
      lastContactAt: last?.at ?? null,
      lastContactKind: last?.kind ?? null,
      daysSince,
    });
  }
  return E.right(
    rows.sort(
      (a, b) =>
        (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) ||
        a.customerId.localeCompare(b.customerId),
    ),
  );
};

/** One rep's follow-up compliance: of the occurrences due by the as-of instant, how many were done on time. */
export interface FollowUpComplianceRow {
  readonly assigneeId: string;
  readonly due: number;
  readonly doneOnTime: number;
  readonly doneLate: number;
  /** Still open past their due time. */
  readonly overdue: number;
  /** doneOnTime ÷ due. */
  readonly onTimeShare: Ratio;
}

/**
 * Follow-up compliance per rep: every task occurrence due from `from` up to `asOf` counts once,
 * done on time, done late, or overdue (still open). Cancelled tasks do not count.
 */
export const followUpCompliance = async (
  readModels: ReadModelStore,
  options: { readonly asOf: string; readonly from?: string },
): Promise<readonly FollowUpComplianceRow[]> => {
  const asOf = Date.parse(options.asOf);
  const from = options.from === undefined ? -Infinity : Date.parse(options.from);
  const inWindow = (at: string) => Date.parse(at) >= from && Date.parse(at) <= asOf;
  const tally = new Map<string, { due: number; onTime: number; late: number; overdue: number }>();
  for await (const { doc } of activeDocuments(readModels, 'agenda', AgendaTaskDocument, {
    keyPrefix: 'task:',
  })) {
    if (doc.status === 'cancelled') continue;
    const row = tally.get(doc.assigneeId) ?? { due: 0, onTime: 0, late: 0, overdue: 0 };
    for (const done of doc.completions.filter((completion) => inWindow(completion.dueAt))) {
      row.due += 1;
      if (done.onTime) row.onTime += 1;
      else row.late += 1;
    }
    const open = doc.status === 'open' && inWindow(doc.dueAt);
    if (open) {
      row.due += 1;
      row.overdue += 1;
    }
    tally.set(doc.assigneeId, row);
  }
  return [...tally]
    .filter(([, row]) => row.due > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([assigneeId, row]) => ({
      assigneeId,
      due: row.due,
      doneOnTime: row.onTime,
      doneLate: row.late,
      overdue: row.overdue,
      onTimeShare: ratio(row.onTime, row.due),
    }));
};
