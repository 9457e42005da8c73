/**
 * `@clientele/dashboard`: the local web dashboard `clientele serve` starts. A Hono server on
 * 127.0.0.1 serves the browser app (built with Vite, every asset bundled) and a JSON API whose
 * figures come through the {@link DashboardData} port; pages update live over server-sent events.
 *
 * @packageDocumentation
 */
export type * from './api/index.js';
export type { DashboardAppOptions } from './server/createDashboardApp.js';
export { createDashboardApp } from './server/createDashboardApp.js';
export type { LiveUpdates } from './server/liveUpdates.js';
export { createLiveUpdates } from './server/liveUpdates.js';
export type { ActorSource, ActorTokenVerifier, RequestActor } from './server/requestActor.js';
export { TOKEN_COOKIE, requestActor } from './server/requestActor.js';
export type { DashboardOptions, RunningDashboard } from './server/startDashboard.js';
export { BUILT_APP, startDashboard } from './server/startDashboard.js';
