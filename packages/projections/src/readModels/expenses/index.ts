export * from './expenseClaimDocument.js';
export * from './expensesProjection.js';
export * from './expensesAgainstBudgetReport.js';
