import type { Actor } from './actor.js';
import type { AnomalyList } from './anomalyList.js';
import type {
  Analytics,
  CustomerView,
  DashboardFilters,
  DrillTable,
  Overview,
  TeamView,
} from './dashboardJson.js';

/** An answer of the data port: the figures, or why the actor may not see them. */
export type Answer<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'notFound'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Where the dashboard's figures come from. Every call is made as an actor and answers only what
 * the actor's role may read, or a refusal naming why.
 */
export interface DashboardData {
  overview(actor: Actor, filters: DashboardFilters): Promise<Answer<Overview>>;
  /** Segment movement, the win scores' calibration and the forecast with its interval. */
  analytics(actor: Actor, filters: DashboardFilters): Promise<Answer<Analytics>>;
  /** The records behind a figure: `kind` is deals, invoices, tickets or leads. */
  drill(
    actor: Actor,
    kind: string,
    query: Readonly<Record<string, string>>,
  ): Promise<Answer<DrillTable>>;
  /** A customer's timeline, now or as of `at` (known by then, or effective by then). */
  customer(
    actor: Actor,
    customerId: string,
    asOf: { readonly at: string; readonly effective: boolean } | undefined,
  ): Promise<Answer<CustomerView>>;
  team(actor: Actor, teamId: string, filters: DashboardFilters): Promise<Answer<TeamView>>;
  /** Unusual access found by the anomaly reactor, for those who audit the log (administrators). */
  anomalies(actor: Actor): Promise<Answer<AnomalyList>>;
  /**
   * Calls `onChange` whenever the figures may have changed (the read models took in new events),
   * until `signal` aborts.
   */
  follow(onChange: () => void, signal: AbortSignal): Promise<void>;
}
