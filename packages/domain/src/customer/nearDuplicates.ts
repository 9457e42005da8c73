import type { Personal } from '../shared/personalData.js';
import { isRevealed } from '../shared/personalData.js';
import type { CustomerEvent } from './events.js';

/** Company suffixes that do not tell two companies apart ("Acme Inc." is "ACME"). */
const COMPANY_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'pty',
  'kk',
  'group',
  'holding',
  'holdings',
]);

/**
 * The form names are compared in: case folded, accents and punctuation dropped, spacing collapsed
 * and trailing company suffixes removed.
 */
export const nameKey = (name: string): string => {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Dots only abbreviate: "S.A." is "SA".
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  while (words.length > 1 && COMPANY_SUFFIXES.has(words[words.length - 1] as string)) words.pop();
  return words.join(' ');
};

/** Customers by name key: the read model near-duplicate warnings come from. */
export type CustomerNameIndex = ReadonlyMap<string, readonly string[]>;

/** Folds one customer event into the name index; merged customers drop out. */
export const evolveCustomerNameIndex = (
  index: CustomerNameIndex,
  event: CustomerEvent,
): CustomerNameIndex => {
  const remove = (map: Map<string, readonly string[]>, customerId: string) => {
    for (const [key, ids] of map)
      map.set(
        key,
        ids.filter((id) => id !== customerId),
      );
    return map;
  };
  // An erased name has no key: a forgotten person's customer warns about nobody.
  const add = (map: Map<string, readonly string[]>, customerId: string, name: Personal<string>) =>
    isRevealed(name)
      ? map.set(nameKey(name), [...(map.get(nameKey(name)) ?? []), customerId])
      : map;
  const { customerId } = event.data;
  switch (event.type) {
    case 'CustomerRegistered':
      return add(new Map(index), customerId, event.data.name);
    case 'CustomerProfileUpdated':
      return event.data.changes.name === undefined
        ? index
        : add(remove(new Map(index), customerId), customerId, event.data.changes.name);
    case 'CustomerMerged':
      return remove(new Map(index), customerId);
    default:
      return index;
  }
};

/** A customer whose name looks like the one being entered: a warning, never a block. */
export interface NearDuplicateWarning {
  readonly kind: 'NearDuplicateName';
  readonly customerIds: readonly string[];
}

/** Warns when customers with the same name key exist (other than `exceptCustomerId`). */
export const nearDuplicateWarning = (
  index: CustomerNameIndex,
  name: string,
  exceptCustomerId?: string,
): NearDuplicateWarning | undefined => {
  const customerIds = (index.get(nameKey(name)) ?? []).filter((id) => id !== exceptCustomerId);
  return customerIds.length === 0 ? undefined : { kind: 'NearDuplicateName', customerIds };
};
