import type { DrillTable } from '@clientele/dashboard';

const CUSTOMER_PAGE = '/customers/';

/**
 * The people a drill-down table shows: the customers its cells link to and, in a table of leads,
 * the leads (a lead is a person). Ids only, each once, in row order.
 */
export const drillSubjects = (table: DrillTable): string[] => {
  const subjects = new Set<string>();
  const leadColumn = table.columns.indexOf('lead');
  for (const row of table.rows)
    row.forEach((cell, index) => {
      if (cell.href?.startsWith(CUSTOMER_PAGE) === true)
        subjects.add(decodeURIComponent(cell.href.slice(CUSTOMER_PAGE.length)));
      else if (index === leadColumn && cell.text !== '') subjects.add(cell.text);
    });
  return [...subjects];
};
