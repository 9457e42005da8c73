import * as t from 'io-ts';

const pattern = (name: string, regex: RegExp) => t.refinement(t.string, (s) => regex.test(s), name);

/** An anonymized attribute of the help-desk log, `Value N`. */
const Anonymized = pattern('AnonymizedValue', /^Value \d+$/);

/** The 14 activities of the help-desk log. */
export const HelpdeskActivity = t.keyof(
  {
    'Insert ticket': null,
    'Assign seriousness': null,
    'Take in charge ticket': null,
    Wait: null,
    'Require upgrade': null,
    'Create SW anomaly': null,
    'Resolve SW anomaly': null,
    'Schedule intervention': null,
    'Resolve ticket': null,
    Closed: null,
    VERIFIED: null,
    RESOLVED: null,
    INVALID: null,
    DUPLICATE: null,
  },
  'HelpdeskActivity',
);
/** An activity of the help-desk log. */
export type HelpdeskActivity = t.TypeOf<typeof HelpdeskActivity>;

/**
 * One row of `helpdesk-italian-company/finale.csv`, by column name; the columns the mapping does
 * not use (the variants, the other anonymized attributes) are not checked.
 */
export const HelpdeskRow = t.type(
  {
    'Case ID': pattern('CaseId', /^Case \d+$/),
    Activity: HelpdeskActivity,
    Resource: Anonymized,
    'Complete Timestamp': pattern(
      'HelpdeskTimestamp',
      /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,3})?$/,
    ),
    customer: Anonymized,
    product: Anonymized,
    seriousness_2: Anonymized,
    service_type: Anonymized,
  },
  'HelpdeskRow',
);
/** One row of the help-desk log. */
export type HelpdeskRow = t.TypeOf<typeof HelpdeskRow>;

/** The number in `Value N` or `Case N`. */
export const anonymizedNumber = (value: string): string => value.replace(/^\D+/, '');
