export * from './agendaDocument.js';
export * from './agendaProjection.js';
export * from './repAgenda.js';
export * from './isoWeek.js';
export * from './activityCountsProjection.js';
export * from './lastContactProjection.js';
export * from './engagementReports.js';
