import * as t from 'io-ts';
import {
  AddCustomerContact,
  CaptureLead,
  Contact,
  IssueInvoice,
  LinkedRecordType,
  LogActivity,
  OpenOpportunity,
  OpenTicket,
  RecordPayment,
  RegisterCustomer,
} from '@clientele/domain';

/** What a mapping file can import, with the command its first row of a record becomes. */
export interface MappingKind {
  /** The command each record starts with; its fields are what `columns` and `constants` fill. */
  readonly codec: t.Mixed;
  /** The command field the id column (with its prefix) fills. */
  readonly idField: string;
  /** A field filled with the money reading's currency when no column or constant fills it. */
  readonly currencyField?: string;
  /** Fields read with the mapping's date format into a day (`YYYY-MM-DD`). */
  readonly dateFields: readonly string[];
  /** Fields read with the mapping's money reading into `{ amountMinor, currency }`. */
  readonly moneyFields: readonly string[];
  /**
   * For a command whose record sits inside it (a contact inside `AddCustomerContact`): the codec
   * of the fields a mapping fills, and how they and the record's id make the command.
   */
  readonly nested?: {
    readonly fields: t.Mixed;
    readonly command: (fields: Readonly<Record<string, unknown>>, id: string) => unknown;
  };
  /** Command fields a column may not fill, as the import sets them itself. */
  readonly setByImport?: readonly string[];
  /** Fields that are not the command's own, with what they do. */
  readonly extraFields: Readonly<Record<string, string>>;
}

/** A cell read as a whole number when it is one; else kept, so decoding names the field. */
const wholeNumber = (cell: unknown): unknown =>
  typeof cell === 'string' && /^\d+$/.test(cell.trim()) ? Number(cell) : cell;

/** An activity row's flat fields as the `LogActivity` command, its details nested by kind. */
const activityCommand = (fields: Readonly<Record<string, unknown>>, id: string): unknown => {
  const { recordType, recordId, direction, durationSeconds, outcome, placeName, at, ...rest } =
    fields;
  const call =
    direction === undefined && durationSeconds === undefined && outcome === undefined
      ? {}
      : { call: { direction, durationSeconds: wholeNumber(durationSeconds), outcome } };
  return {
    ...rest,
    ...call,
    ...(placeName === undefined ? {} : { checkIn: { at, placeName } }),
    kind: 'LogActivity',
    activityId: id,
    at,
    on: [{ type: recordType, id: recordId }],
  };
};

/** The kinds a mapping file imports. */
export const MAPPING_KINDS = {
  customers: {
    codec: RegisterCustomer,
    idField: 'customerId',
    dateFields: [],
    moneyFields: [],
    extraFields: {},
  },
  contacts: {
    codec: AddCustomerContact,
    idField: 'subjectId',
    dateFields: [],
    moneyFields: [],
    extraFields: {},
    nested: {
      fields: t.intersection([t.type({ customerId: t.string }), Contact]),
      command: ({ customerId, ...contact }, id) => ({
        kind: 'AddCustomerContact',
        customerId,
        contact: { ...contact, subjectId: id },
      }),
    },
  },
  leads: {
    codec: CaptureLead,
    idField: 'leadId',
    dateFields: [],
    moneyFields: [],
    extraFields: {},
  },
  tickets: {
    codec: OpenTicket,
    idField: 'ticketId',
    dateFields: [],
    moneyFields: [],
    extraFields: {},
  },
  invoices: {
    codec: IssueInvoice,
    idField: 'invoiceId',
    dateFields: ['issuedOn', 'dueOn'],
    moneyFields: ['total'],
    currencyField: 'currency',
    extraFields: {},
  },
  payments: {
    codec: RecordPayment,
    idField: 'paymentId',
    dateFields: ['receivedOn'],
    moneyFields: ['amount'],
    extraFields: {},
  },
  opportunities: {
    codec: OpenOpportunity,
    idField: 'opportunityId',
    dateFields: ['expectedCloseOn'],
    moneyFields: ['amount'],
    setByImport: ['stageId'],
    extraFields: {
      stage:
        "the pipeline stage id after the value map; a won or lost stage closes the deal on its close date, and later rows of the same id are the deal's stage history",
    },
  },
  activities: {
    codec: LogActivity,
    idField: 'activityId',
    dateFields: [],
    moneyFields: [],
    extraFields: {},
    nested: {
      // One record per row, flat as a CRM's activity export is; the command nests them.
      fields: t.intersection([
        t.type({
          activityKind: t.string,
          recordType: LinkedRecordType,
          recordId: t.string,
          ownerId: t.string,
          at: t.string,
        }),
        t.partial({
          subjectId: t.string,
          contactName: t.string,
          notes: t.string,
          emailSubject: t.string,
          direction: t.string,
          durationSeconds: t.string,
          outcome: t.string,
          placeName: t.string,
        }),
      ]),
      command: (fields, id) => activityCommand(fields, id),
    },
  },
} satisfies Record<string, MappingKind>;

/** A kind a mapping file imports. */
export type MappingKindName = keyof typeof MAPPING_KINDS;

/** The kinds a mapping file imports, in the order the help lists them. */
export const MAPPING_KIND_NAMES = Object.keys(MAPPING_KINDS) as readonly MappingKindName[];

/** The required and optional props of a codec made of intersections of types and partials. */
const commandProps = (codec: t.Mixed): { required: t.Props; optional: t.Props } => {
  if (codec instanceof t.IntersectionType)
    return (codec.types as t.Mixed[]).map(commandProps).reduce(
      (all, part) => ({
        required: { ...all.required, ...part.required },
        optional: { ...all.optional, ...part.optional },
      }),
      { required: {}, optional: {} },
    );
  if (codec instanceof t.InterfaceType) return { required: codec.props as t.Props, optional: {} };
  if (codec instanceof t.PartialType) return { required: {}, optional: codec.props as t.Props };
  return { required: {}, optional: {} };
};

/** The fields a mapping of `kind` can fill from columns or constants, and whether each is required. */
export const mappableFields = (
  kind: MappingKindName,
): readonly { readonly field: string; readonly required: boolean; readonly type: string }[] => {
  const {
    codec,
    idField,
    extraFields,
    nested,
    setByImport = [],
  } = MAPPING_KINDS[kind] as MappingKind;
  const { required, optional } = commandProps(nested?.fields ?? codec);
  const listed = (props: t.Props, isRequired: boolean) =>
    Object.entries(props)
      .filter(([field]) => field !== 'kind' && field !== idField && !setByImport.includes(field))
      .map(([field, type]) => ({ field, required: isRequired, type: type.name }));
  return [
    ...listed(required, true),
    ...listed(optional, false),
    ...Object.entries(extraFields).map(([field, what]) => ({ field, required: false, type: what })),
  ];
};
