import type { AnalyticsModelEvent } from './events.js';

/** A model's record: the last version trained and its cut-off (version 0: never trained). */
export interface AnalyticsModelState {
  readonly version: number;
  readonly trainedUpTo: string | null;
}

/** A model never trained. */
export const initialAnalyticsModelState: AnalyticsModelState = { version: 0, trainedUpTo: null };

/** Folds one event into the model's record. */
export const evolveAnalyticsModel = (
  _state: AnalyticsModelState,
  event: AnalyticsModelEvent,
): AnalyticsModelState => ({ version: event.data.version, trainedUpTo: event.data.trainedUpTo });
