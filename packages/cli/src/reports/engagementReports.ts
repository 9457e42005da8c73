import * as E from 'fp-ts/lib/Either.js';
import type { ReadRefusal } from '@clientele/projections';
import { inReadScope } from '@clientele/domain';
import {
  ACTIVITY_KINDS,
  activityCountsReport,
  customerNames,
  followUpCompliance,
  isoWeekOf,
  neglectedCustomers,
  ratio,
} from '@clientele/projections';
import type { Report } from './report.js';
import { column, nullable } from './report.js';
import type { ReportShape } from './reportJson.js';
import { percent } from './figures.js';
import type { ReportContext, ReportOptions } from './reportSection.js';

/** How many days without contact make a customer neglected when `--neglected-days` is not given. */
export const DEFAULT_NEGLECTED_DAYS = 30;

/** The end of the report date: what happened that day counts. */
const endOf = (day: string): string => `${day}T23:59:59.999Z`;

const KIND_COLUMNS = ACTIVITY_KINDS.map((kind) =>
  column('count', kind, kind, `Activities of kind ${kind} (lead contact attempts included).`),
);
const ACTIVITY_TOTALS = [...KIND_COLUMNS, column('count', 'total', 'total', 'Every activity.')];

/** The columns of the activities report. */
export const activitiesShape: ReportShape = {
  name: 'activities',
  description:
    'Activities per rep and ISO week, by kind: calls, emails, meetings, visits, messages, notes.',
  columns: [
    column('text', 'rep', 'rep', 'The rep who logged them.'),
    column('period', 'week', 'week', 'The ISO week of the activity’s own time (2026-W10).'),
    ...ACTIVITY_TOTALS,
  ],
  totalColumns: ACTIVITY_TOTALS,
};

/** Activity counts per rep and week over the reps the actor may read (`Activity.read`). */
export const activitiesReport = async (
  { readModels, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const scope = access.scope('Activity.read');
  if (E.isLeft(scope)) return scope;
  const all = await activityCountsReport(readModels);
  const asOfWeek = isoWeekOf(`${options.asOf}T00:00:00Z`);
  const rows = all.filter((row) => inReadScope(scope.right, row.repId) && row.week <= asOfWeek);
  const sum = (key: string) =>
    rows.reduce(
      (n, row) => n + (key === 'total' ? row.total : row.counts[key as keyof typeof row.counts]),
      0,
    );
  return E.right({
    name: 'activities',
    title: 'Activities per rep and week',
    asOf: options.asOf,
    columns: activitiesShape.columns,
    rows: rows.map((row) => ({ rep: row.repId, week: row.week, ...row.counts, total: row.total })),
    totalColumns: activitiesShape.totalColumns,
    totals: Object.fromEntries(ACTIVITY_TOTALS.map((c) => [c.key, sum(c.key)])),
    chart: {
      kind: 'bars',
      title: 'Activities by kind',
      bars: ACTIVITY_KINDS.map((kind) => ({
        label: kind,
        key: kind,
        value: sum(kind),
        display: sum(kind).toLocaleString('en-US'),
      })),
    },
    note: 'Weeks are ISO weeks of the activity’s own time in UTC; a lead’s contact attempts count under their channel.',
  });
};

/** The columns of the neglected-customers report. */
export const neglectedShape: ReportShape = {
  name: 'neglected',
  description:
    'Active customers with no contact (call, email, meeting, visit, message) in the last N days.',
  columns: [
    column('text', 'customer', 'customer', {
      description: 'The customer’s name; null when the actor may not read it.',
      nullable: true,
      fallbackKey: 'customerId',
    }),
    column('text', 'customerId', 'customer id', {
      description: 'The customer’s id.',
      machineOnly: true,
      dataSubject: true,
    }),
    column('text', 'owner', 'owner', nullable('The rep who owns the customer.')),
    column(
      'text',
      'lastContactAt',
      'last contact',
      nullable('When the last contact happened; null: never.'),
    ),
    column('code', 'lastContactKind', 'how', nullable('The kind of the last contact.')),
    column(
      'days',
      'daysSince',
      'days since',
      nullable('Whole days from the last contact to the report date.'),
    ),
  ],
  totalColumns: [column('count', 'customers', 'customers', 'Neglected customers.')],
};

/** Customers the actor may read with no contact in `neglectedDays` days before the report date. */
export const neglectedReport = async (
  { readModels, events, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const days = options.neglectedDays ?? DEFAULT_NEGLECTED_DAYS;
  const rows = await neglectedCustomers(readModels, access, { asOf: endOf(options.asOf), days });
  if (E.isLeft(rows)) return rows;
  const names = await customerNames(
    readModels,
    events,
    access,
    rows.right.map((row) => row.customerId),
  );
  return E.right({
    name: 'neglected',
    title: `Customers with no contact in ${days.toString()} days`,
    asOf: options.asOf,
    columns: neglectedShape.columns,
    rows: rows.right.map((row) => ({
      customer: names.get(row.customerId) ?? null,
      customerId: row.customerId,
      owner: row.ownerId,
      lastContactAt: row.lastContactAt,
      lastContactKind: row.lastContactKind,
      daysSince: row.daysSince,
    })),
    totalColumns: neglectedShape.totalColumns,
    totals: { customers: rows.right.length },
    note: 'A note is not a contact; the longest-neglected first, never-contacted customers at the top.',
  });
};

const FOLLOW_UP_FIGURES = [
  column('count', 'due', 'due', 'Task occurrences due by the report date.'),
  column('count', 'doneOnTime', 'on time', 'Done by their due time.'),
  column('count', 'doneLate', 'late', 'Done after their due time.'),
  column('count', 'overdue', 'overdue', 'Still open past their due time.'),
  column('percent', 'onTimePercent', 'on-time share', nullable('On time ÷ due.')),
];

/** The columns of the follow-up compliance report. */
export const followUpShape: ReportShape = {
  name: 'followup',
  description:
    'Follow-up compliance per rep: the share of tasks due by the report date that were done on time.',
  columns: [column('text', 'rep', 'rep', 'The task’s assignee.'), ...FOLLOW_UP_FIGURES],
  totalColumns: FOLLOW_UP_FIGURES,
};

/** Follow-up compliance per rep the actor may read (`Task.read`). */
export const followUpReport = async (
  { readModels, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const scope = access.scope('Task.read');
  if (E.isLeft(scope)) return scope;
  const all = await followUpCompliance(readModels, {
    asOf: endOf(options.asOf),
    ...(options.from === undefined ? {} : { from: `${options.from}T00:00:00.000Z` }),
  });
  const rows = all.filter((row) => inReadScope(scope.right, row.assigneeId));
  const total = (key: 'due' | 'doneOnTime' | 'doneLate' | 'overdue') =>
    rows.reduce((n, row) => n + row[key], 0);
  return E.right({
    name: 'followup',
    title: 'Follow-up compliance',
    asOf: options.asOf,
    columns: followUpShape.columns,
    rows: rows.map((row) => ({
      rep: row.assigneeId,
      due: row.due,
      doneOnTime: row.doneOnTime,
      doneLate: row.doneLate,
      overdue: row.overdue,
      onTimePercent: percent(row.onTimeShare),
    })),
    totalColumns: followUpShape.totalColumns,
    totals: {
      due: total('due'),
      doneOnTime: total('doneOnTime'),
      doneLate: total('doneLate'),
      overdue: total('overdue'),
      onTimePercent: percent(ratio(total('doneOnTime'), total('due'))),
    },
    chart: {
      kind: 'bars',
      title: 'Tasks done on time, by rep (%)',
      bars: rows.map((row) => {
        const share = percent(row.onTimeShare) ?? 0;
        return {
          label: row.assigneeId,
          key: row.assigneeId,
          value: share,
          display: `${share.toFixed(2)}%`,
        };
      }),
    },
    note: 'Each occurrence of a recurring task counts once; cancelled tasks do not count.',
  });
};
