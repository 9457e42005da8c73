import type { LeadConverted } from '../lead/events.js';
import type * as t from 'io-ts';

type Converted = t.TypeOf<typeof LeadConverted>['data'];

/**
 * The registration a converted lead turns into. A lead with a company becomes a company customer
 * with the lead's person as a contact; otherwise the person is the customer. Either way the
 * person's fields keep the lead's data subject, so erasing that person reaches both records.
 */
export const registrationFromLead = (lead: Converted, customerId: string) => {
  const { contact } = lead;
  const personName = contact.name ?? `Lead ${lead.leadId}`;
  const common = {
    kind: 'RegisterCustomer' as const,
    customerId,
    emails: contact.email === undefined ? [] : [contact.email],
    phones: contact.phone === undefined ? [] : [contact.phone],
    source: lead.source,
    leadId: lead.leadId,
    ...(lead.ownerId === null ? {} : { ownerId: lead.ownerId }),
    ...(lead.region === undefined ? {} : { region: lead.region }),
    ...(lead.industry === undefined ? {} : { industry: lead.industry }),
  };
  if (contact.companyName === undefined || contact.companyName.trim() === '') {
    return {
      ...common,
      customerKind: 'person' as const,
      name: personName,
      subjectId: lead.subjectId,
    };
  }
  return {
    ...common,
    customerKind: 'company' as const,
    name: contact.companyName,
    contacts: [
      {
        subjectId: lead.subjectId,
        name: personName,
        ...(contact.email === undefined ? {} : { email: contact.email }),
        ...(contact.phone === undefined ? {} : { phone: contact.phone }),
        ...(contact.jobTitle === undefined ? {} : { role: contact.jobTitle }),
      },
    ],
  };
};
