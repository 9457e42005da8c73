export * from './accountTeamsProjection.js';
export * from './loadTeamReads.js';
