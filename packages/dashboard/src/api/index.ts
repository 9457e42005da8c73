export type { Actor } from './actor.js';
export type { Answer, DashboardData } from './dashboardData.js';
export type * from './dashboardJson.js';
export type * from './anomalyList.js';
