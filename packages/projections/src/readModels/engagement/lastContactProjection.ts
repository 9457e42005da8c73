import * as t from 'io-ts';
import { ActivityEvent } from '@clientele/domain';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';

const decode = domainEventDecoder(ActivityEvent);

/** When a customer was last in contact with a rep, and how. */
export const LastContactDocument = t.type(
  { customerId: t.string, at: t.string, kind: t.string, ownerId: t.string },
  'LastContactDocument',
);
/** When a customer was last in contact with a rep, and how. */
export type LastContactDocument = t.TypeOf<typeof LastContactDocument>;

/** The document key of a customer's last contact. */
export const lastContactKey = (customerId: string): string => `customer:${customerId}`;

/**
 * `lastContact`: per customer, the latest activity logged against it that was a contact (a note
 * is not), by the activity's own time: an import may append old history after new.
 */
export const lastContactProjection: Projection<LastContactDocument> = {
  name: 'lastContact',
  version: 1,
  filter: { streamNamePrefixes: ['Activity-'] },
  keysOf: (event) => {
    const activity = decode(event);
    if (activity?.type !== 'ActivityLogged' || activity.data.kind === 'note') return [];
    return activity.data.on
      .filter((link) => link.type === 'customer')
      .map((link) => lastContactKey(link.id));
  },
  initial: (key) => ({ customerId: key.slice('customer:'.length), at: '', kind: '', ownerId: '' }),
  apply: (doc, event) => {
    const activity = decode(event);
    if (activity?.type !== 'ActivityLogged') return doc;
    const { at, kind, ownerId } = activity.data;
    return doc.at !== '' && Date.parse(doc.at) >= Date.parse(at)
      ? doc
      : { ...doc, at, kind, ownerId };
  },
};
