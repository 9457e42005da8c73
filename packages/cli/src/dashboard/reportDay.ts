import type { ReadModelStore } from '@clientele/projections';
import { reportDate } from '@clientele/projections';

/**
 * The day the dashboard's figures are taken as of: the rule every report and the demo share
 * (`reportDate`: the latest day something happened in the data), today on an empty store.
 */
export const reportDay = async (readModels: ReadModelStore): Promise<string> =>
  (await reportDate(readModels, undefined, new Date().toISOString().slice(0, 10))).asOf;
