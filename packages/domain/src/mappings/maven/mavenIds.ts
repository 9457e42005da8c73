/** Namespace of the command ids of Maven rows: the same row always gets the same id. */
export const MAVEN_NAMESPACE = '9a3e27c4-52b1-4f0e-8c6d-7e1f4b2a9d63';

/** The sales organization the Maven data describes. */
export const MAVEN_ORGANIZATION_ID = 'maven';

/** Lower-case words joined by dashes: `Dustin Brinkmann` → `dustin-brinkmann`. */
const slug = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The rep id of a sales agent. */
export const mavenRepId = (agent: string): string => `maven-rep-${slug(agent)}`;
/** The id of a manager, who leads one team. */
export const mavenManagerId = (manager: string): string => `maven-manager-${slug(manager)}`;
/** The id of the team a manager leads. */
export const mavenTeamId = (manager: string): string => `maven-team-${slug(manager)}`;
/** The id of a regional office. */
export const mavenOfficeId = (office: string): string => `maven-office-${slug(office)}`;
/** The customer id of an account. */
export const mavenCustomerId = (account: string): string => `maven-account-${slug(account)}`;
/** The opportunity id of a pipeline row. */
export const mavenOpportunityId = (opportunityId: string): string =>
  `maven-opportunity-${opportunityId}`;
