import type { DrillCell, DrillTable } from '@clientele/dashboard';
import { customerNames } from '@clientele/projections';
import type { ReportContext } from '../reports/index.js';

const CUSTOMER_PAGE = '/customers/';

const customerIdOf = (cell: DrillCell): string | undefined =>
  cell.href?.startsWith(CUSTOMER_PAGE) === true
    ? decodeURIComponent(cell.href.slice(CUSTOMER_PAGE.length))
    : undefined;

/**
 * The table with each customer cell showing the customer's name, still linking to the customer's
 * page by id. A customer whose name the actor may not read (or that has none) keeps its id.
 */
export const withCustomerNames = async (
  { readModels, events, access }: ReportContext,
  table: DrillTable,
): Promise<DrillTable> => {
  const ids = table.rows.flatMap((row) =>
    row.map(customerIdOf).filter((id): id is string => id !== undefined),
  );
  const names = await customerNames(readModels, events, access, ids);
  const named = (cell: DrillCell): DrillCell => {
    const id = customerIdOf(cell);
    const name = id === undefined ? undefined : names.get(id);
    return name === undefined ? cell : { ...cell, text: name };
  };
  return { ...table, rows: table.rows.map((row) => row.map(named)) };
};
