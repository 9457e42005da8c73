import * as t from 'io-ts';

/**
 * A role's name: lower-case letters, digits and underscores, starting with a letter, as the
 * command line's `--actor ID:ROLE` writes it. `system` is reserved for trusted system work.
 */
export const RoleName = t.refinement(
  t.string,
  (s) => /^[a-z][a-z0-9_]{0,39}$/.test(s) && s !== 'system',
  'RoleName',
);
/** A role's name. */
export type RoleName = t.TypeOf<typeof RoleName>;

/**
 * A permission as grants write it: `Aggregate.action`, `Aggregate.*`, `*.read` or `*`. Letters
 * only in each part, so a permission can never carry markup, quotes or SQL into a report.
 */
export const PermissionPattern = t.refinement(
  t.string,
  (s) => /^(\*|[A-Za-z]{1,40}(\.(\*|[A-Za-z]{1,40}))?|\*\.[A-Za-z]{1,40})$/.test(s),
  'PermissionPattern',
);
/** A permission as grants write it. */
export type PermissionPattern = t.TypeOf<typeof PermissionPattern>;

/** How far a grant reaches: every record, the team's, or the actor's own. */
export const GrantScope = t.keyof({ any: null, team: null, own: null }, 'GrantScope');
/** How far a grant reaches. */
export type GrantScope = t.TypeOf<typeof GrantScope>;
