import * as t from 'io-ts';

/** The roles of a CRM's users, as actors carry them in `actor.role`. */
export const Role = t.keyof(
  {
    administrator: null,
    sales_manager: null,
    sales_rep: null,
    marketing: null,
    support_agent: null,
    finance: null,
    auditor: null,
  },
  'Role',
);
/** A CRM user's role. */
export type Role = t.TypeOf<typeof Role>;

/** Every built-in role, in the order the codec lists them. */
export const builtInRoles: readonly Role[] = Object.keys(Role.keys) as Role[];

/** How far a grant reaches: everything, the records of the actor's team, or the actor's own. */
export type Scope = 'any' | 'team' | 'own';

/**
 * A permission granted to a role. `permission` names an aggregate and a command,
 * `Customer.TransferCustomers`, or every command of an aggregate, `Customer.*`; reads are
 * `Customer.read` and exports `Customer.export`.
 */
export interface Grant {
  readonly permission: string;
  readonly scope: Scope;
}

/**
 * What each role may do: plain data, so a tenant can change it and a test can read it. The
 * built-in roles are always there; a tenant may define more (`RoleDefined`, see `accessPolicy`).
 */
export type RolePolicy = Readonly<Record<Role, readonly Grant[]>> &
  Readonly<Partial<Record<string, readonly Grant[]>>>;

/**
 * The grants of `role` in `policy`, or undefined when the policy has no such role. Only the
 * policy's own keys count, so a role named `constructor` or `__proto__` is no role at all.
 */
export const grantsOfRole = (policy: RolePolicy, role: string): readonly Grant[] | undefined =>
  Object.hasOwn(policy, role) ? policy[role] : undefined;

const all = (aggregate: string, scope: Scope): Grant => ({ permission: `${aggregate}.*`, scope });

/** Grants of the named commands (and `read`) of one aggregate, all with the same scope. */
const only = (aggregate: string, actions: readonly string[], scope: Scope): Grant[] =>
  actions.map((action) => ({ permission: `${aggregate}.${action}`, scope }));

/** What a rep does with their own quotes: everything but approving or rejecting a discount. */
const QUOTE_WORK = [
  'DraftQuote',
  'ReviseQuote',
  'SendQuote',
  'AcceptQuote',
  'RejectQuote',
  'ExpireQuote',
  'read',
];

/**
 * The default policy. Reps act on their own customers, leads and opportunities (and may capture
 * leads); managers on their team's; marketing runs campaigns and captures leads; support works
 * tickets; finance handles invoices, targets and commission; an auditor reads everything and
 * changes nothing; an administrator may do anything. Reads follow the same scopes (`Customer.*`
 * covers `Customer.read`); reps and managers also read their own (their team's) targets,
 * commission and customer exports. Reps log their own activities, tasks and appointments (support
 * agents their own activities and tasks), managers their team's. Reps work their own quotes but
 * cannot approve a discount (`Quote.ApproveQuoteDiscount`), submit their own expense claims but
 * cannot approve or reimburse one, and read their own orders and contracts; managers approve their
 * team's discounts and expense claims and amend their team's orders and contracts; finance keeps
 * the catalog and price lists, orders and contracts (`Contract.AmendContract`), reimburses expense
 * claims (`ExpenseClaim.ReimburseExpenseClaim`, which nobody else but an administrator may) and
 * sets budgets. Only managers (their team's customers), administrators and
 * whoever a tenant grants `Customer.export` by name may export customers in bulk.
 */
export const defaultRolePolicy: RolePolicy = {
  administrator: [{ permission: '*', scope: 'any' }],
  sales_manager: [
    all('Customer', 'team'),
    all('Lead', 'team'),
    all('Opportunity', 'team'),
    { permission: 'Lead.CaptureLead', scope: 'any' },
    { permission: 'Customer.RegisterCustomer', scope: 'any' },
    all('Target', 'team'),
    { permission: 'Customer.export', scope: 'team' },
    { permission: 'Commission.read', scope: 'team' },
    { permission: 'CustomerExport.read', scope: 'team' },
    all('Activity', 'team'),
    all('Task', 'team'),
    all('Appointment', 'team'),
    all('AccountTeam', 'team'),
    all('Quote', 'team'),
    all('SalesOrder', 'team'),
    all('Contract', 'team'),
    ...only(
      'ExpenseClaim',
      ['SubmitExpenseClaim', 'ApproveExpenseClaim', 'RejectExpenseClaim', 'read'],
      'team',
    ),
    all('ExpenseBudget', 'team'),
  ],
  sales_rep: [
    all('Customer', 'own'),
    all('Lead', 'own'),
    all('Opportunity', 'own'),
    { permission: 'Lead.CaptureLead', scope: 'any' },
    { permission: 'Customer.RegisterCustomer', scope: 'any' },
    { permission: 'Target.DeclareTarget', scope: 'own' },
    { permission: 'Target.read', scope: 'own' },
    { permission: 'Commission.read', scope: 'own' },
    { permission: 'CustomerExport.read', scope: 'own' },
    all('Activity', 'own'),
    all('Task', 'own'),
    all('Appointment', 'own'),
    ...only('Quote', QUOTE_WORK, 'own'),
    ...only('ExpenseClaim', ['SubmitExpenseClaim', 'read'], 'own'),
    { permission: 'ExpenseBudget.read', scope: 'own' },
    { permission: 'SalesOrder.read', scope: 'own' },
    { permission: 'Contract.read', scope: 'own' },
  ],
  marketing: [
    all('Campaign', 'any'),
    { permission: 'Lead.CaptureLead', scope: 'any' },
    { permission: 'Lead.read', scope: 'any' },
  ],
  support_agent: [
    all('Ticket', 'any'),
    { permission: 'Customer.read', scope: 'any' },
    all('Activity', 'own'),
    all('Task', 'own'),
  ],
  finance: [
    all('Invoice', 'any'),
    all('Commission', 'any'),
    all('Target', 'any'),
    { permission: 'Customer.read', scope: 'any' },
    { permission: 'Opportunity.read', scope: 'any' },
    all('Product', 'any'),
    all('PriceList', 'any'),
    all('SalesOrder', 'any'),
    all('Contract', 'any'),
    ...only('ExpenseClaim', ['ReimburseExpenseClaim', 'RejectExpenseClaim', 'read'], 'any'),
    all('ExpenseBudget', 'any'),
    { permission: 'Quote.read', scope: 'any' },
  ],
  auditor: [
    { permission: '*.read', scope: 'any' },
    { permission: '*.audit', scope: 'any' },
  ],
};
