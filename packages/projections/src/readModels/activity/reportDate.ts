import { activeDocument } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { dayOf } from '../domainEvent.js';
import {
  LATEST_ACTIVITY_KEY,
  LatestActivityDocument,
  latestActivityProjection,
} from './latestActivityProjection.js';

/** A report's date and where it came from. */
export interface ReportDate {
  /** `YYYY-MM-DD`. */
  readonly asOf: string;
  /**
   * `given`: the user chose it; `data`: the latest day on which something happened in the data;
   * `empty`: the store holds no business event, so the caller's fallback day was used.
   */
  readonly source: 'given' | 'data' | 'empty';
}

/** The latest day (UTC) on which a business event happened, or undefined for an empty log. */
export const latestActivityDay = async (
  readModels: ReadModelStore,
): Promise<string | undefined> => {
  const doc = await activeDocument(
    readModels,
    latestActivityProjection.name,
    LatestActivityDocument,
    LATEST_ACTIVITY_KEY,
  );
  return doc?.occurredAt == null ? undefined : dayOf(doc.occurredAt);
};

/**
 * The one "as of" rule every report, the demo and the dashboard share: the day the user gave,
 * else the latest day on which something happened in the data (the largest occurred-at, never
 * the order rows were imported in), else `fallback` (the caller's today) when nothing happened yet.
 * The read models must be caught up with the log first.
 */
export const reportDate = async (
  readModels: ReadModelStore,
  given: string | undefined,
  fallback: string,
): Promise<ReportDate> => {
  if (given !== undefined) return { asOf: given, source: 'given' };
  const latest = await latestActivityDay(readModels);
  return latest === undefined
    ? { asOf: fallback, source: 'empty' }
    : { asOf: latest, source: 'data' };
};
