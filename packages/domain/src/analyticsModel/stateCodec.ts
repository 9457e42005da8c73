import * as t from 'io-ts';
import type { AnalyticsModelState } from './state.js';

/**
 * The AnalyticsModel state as stored in a snapshot (the last version trained and its cut-off):
 * decoded like any stored JSON, so a snapshot of another shape is ignored rather than trusted.
 */
export const AnalyticsModelStateCodec: t.Type<AnalyticsModelState, unknown> = t.readonly(
  t.type({ version: t.number, trainedUpTo: t.union([t.string, t.null]) }),
  'AnalyticsModelState',
);

/**
 * The version of the AnalyticsModel state's shape and `evolve`: bump it whenever either changes,
 * so snapshots written by an older `evolve` are ignored.
 */
export const ANALYTICS_MODEL_STATE_VERSION = 'analytics-model@1';
