import * as t from 'io-ts';

const pattern = (name: string, regex: RegExp) => t.refinement(t.string, (s) => regex.test(s), name);

const Named = pattern('NonEmptyName', /\S/);

/** An ISO day, or empty for "not set". */
const OptionalIsoDay = pattern('IsoDateOrEmpty', /^(\d{4}-\d{2}-\d{2})?$/);
/** Whole dollars, or empty for "not set". */
const OptionalDollars = pattern('WholeDollarsOrEmpty', /^(\d+)?$/);

/** The four stages of the Maven pipeline as the file spells them. */
export const MavenDealStage = t.keyof(
  { Prospecting: null, Engaging: null, Won: null, Lost: null },
  'MavenDealStage',
);
/** A stage of the Maven pipeline file. */
export type MavenDealStage = t.TypeOf<typeof MavenDealStage>;

/** One row of `sales_pipeline.csv`; an empty account, date or value means "not set". */
export const MavenPipelineRow = t.type(
  {
    opportunity_id: pattern('OpportunityId', /^[A-Z0-9]+$/),
    sales_agent: Named,
    product: Named,
    account: t.string,
    deal_stage: MavenDealStage,
    engage_date: OptionalIsoDay,
    close_date: OptionalIsoDay,
    close_value: OptionalDollars,
  },
  'MavenPipelineRow',
);
/** One row of `sales_pipeline.csv`. */
export type MavenPipelineRow = t.TypeOf<typeof MavenPipelineRow>;

/** One row of `accounts.csv`; the columns the mapping does not use are not checked. */
export const MavenAccountRow = t.type(
  { account: Named, sector: Named, office_location: Named },
  'MavenAccountRow',
);
/** One row of `accounts.csv`. */
export type MavenAccountRow = t.TypeOf<typeof MavenAccountRow>;

/** One row of `sales_teams.csv`. */
export const MavenTeamRow = t.type(
  { sales_agent: Named, manager: Named, regional_office: Named },
  'MavenTeamRow',
);
/** One row of `sales_teams.csv`. */
export type MavenTeamRow = t.TypeOf<typeof MavenTeamRow>;

/** One row of `products.csv`: the list price is in whole dollars. */
export const MavenProductRow = t.type(
  { product: Named, sales_price: pattern('WholeDollars', /^\d+$/) },
  'MavenProductRow',
);
/** One row of `products.csv`. */
export type MavenProductRow = t.TypeOf<typeof MavenProductRow>;
