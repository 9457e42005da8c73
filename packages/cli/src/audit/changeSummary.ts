// One line per event saying what it changed, for auditors reading a timeline in a table or a
// spreadsheet: `stage qualification → proposal`, `amount 12,000.00 → 9,500.00 EUR`,
// `owner rep-1 → rep-2`, `reason no budget`. The full data stays in the JSON output.
import { minorDigits } from '../reports/figures.js';

type Fields = Readonly<Record<string, unknown>>;

interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

const isMoney = (value: unknown): value is Money =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Fields)['amountMinor'] === 'number' &&
  typeof (value as Fields)['currency'] === 'string';

const major = (money: Money): string => {
  const digits = minorDigits(money.currency);
  return (money.amountMinor / 10 ** digits).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
};

/** An amount as `12,000.00 EUR`. */
export const formatAmount = (money: Money): string => `${major(money)} ${money.currency}`;

const isErased = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as Fields)['$erased'] === true;

/** A scalar value as text; objects other than amounts are left to the JSON output. */
const shown = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isErased(value)) return '(erased)';
  if (isMoney(value)) return formatAmount(value);
  return undefined;
};

// What a field is called in a summary: the concept, without the id suffix or the from/to prefix.
const CONCEPTS: Readonly<Record<string, string>> = {
  stageId: 'stage',
  toStageId: 'stage',
  ownerId: 'owner',
  assigneeId: 'assignee',
  probabilityBps: 'probability',
};

// Fields that only identify what the event is about: the stream already says it.
const IDENTIFYING = /^(?:.*Id|.*At|subjectId|organizationId|at|pipeline|lines|contact|plan)$/;

const conceptOf = (field: string): string => CONCEPTS[field] ?? field;

// Concepts that describe the record itself, so a later value replaces an earlier one. Others
// (a payment's amount, a refusal's reason) are facts of their own event and never show an arrow.
const STATE_OF_RECORD = new Set([
  'stage',
  'owner',
  'assignee',
  'probability',
  'forecastCategory',
  'priority',
  'segment',
]);

const tracked = (streamName: string, concept: string): boolean =>
  STATE_OF_RECORD.has(concept) || (concept === 'amount' && streamName.startsWith('Opportunity-'));

const change = (concept: string, before: string | undefined, after: string): string => {
  if (before === undefined || before === after) return `${concept} ${after}`;
  // Two amounts in one currency read best with the currency once, at the end.
  const sameCurrency = /^(.*) ([A-Z]{3})$/;
  const [b, a] = [sameCurrency.exec(before), sameCurrency.exec(after)];
  if (b !== null && a !== null && b[2] === a[2]) return `${concept} ${b[1]} → ${a[1]} ${a[2]}`;
  return `${concept} ${before} → ${after}`;
};

/** Remembers, per stream, the last value of each concept, so a later event can show "before → after". */
export interface ChangeSummarizer {
  /** The one-line summary of an event of `streamName` with `data`, in log order. */
  summarize(streamName: string, data: unknown): string;
}

/** An event being summarized: its stream, its fields, and what its stream showed last. */
interface SummarizedEvent {
  readonly streamName: string;
  readonly fields: Fields;
  readonly seen: Map<string, string>;
}

/** The summary part of one field of an event, undefined if the field says nothing new. */
const fieldChange = (
  { streamName, fields, seen }: SummarizedEvent,
  field: string,
  value: unknown,
): string | undefined => {
  if (/^(?:from|previous)/.test(field)) return undefined;
  const concept = conceptOf(field);
  if (IDENTIFYING.test(field) && concept === field) return undefined;
  const after = shown(field === 'probabilityBps' ? percent(value) : value);
  if (after === undefined) return undefined;
  const explicit = previousOf(fields, field);
  if (!tracked(streamName, concept)) return change(concept, explicit, after);
  const before = explicit ?? seen.get(concept);
  seen.set(concept, after);
  // An unchanged owner or stage repeated by a later event is not a change.
  return before === after ? undefined : change(concept, before, after);
};

/** A summarizer that has seen nothing yet: feed it a timeline's events in log order. */
export const changeSummarizer = (): ChangeSummarizer => {
  const lastSeen = new Map<string, Map<string, string>>();
  return {
    summarize: (streamName, data) => {
      if (typeof data !== 'object' || data === null) return '';
      const fields = data as Fields;
      const seen = lastSeen.get(streamName) ?? new Map<string, string>();
      lastSeen.set(streamName, seen);
      const event: SummarizedEvent = { streamName, fields, seen };
      return Object.entries(fields)
        .flatMap(([field, value]) => fieldChange(event, field, value) ?? [])
        .join('; ');
    },
  };
};

const percent = (bps: unknown): unknown =>
  typeof bps === 'number' ? `${(bps / 100).toLocaleString('en-US')}%` : bps;

/** The value an event itself names as the previous one (`fromStageId`, `previousOwnerId`, `previous`). */
const previousOf = (fields: Fields, field: string): string | undefined => {
  const capitalized = field.charAt(0).toUpperCase() + field.slice(1);
  const candidates =
    field === 'toStageId'
      ? ['fromStageId']
      : [
          `previous${capitalized}`,
          ...(isMoney(fields[field]) || field.endsWith('On') ? ['previous'] : []),
        ];
  for (const name of candidates) {
    const value = shown(fields[name]);
    if (value !== undefined) return value;
  }
  return undefined;
};
