import type { SeededRandom } from './seededRandom.js';

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Barbara',
  'Edsger',
  'Margaret',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
  'Wei',
  'Mei',
  'Hiro',
  'Amara',
  'Lars',
  'Ines',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Liskov',
  'Dijkstra',
  'Hamilton',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
  'Zhang',
  'Chen',
  'Tanaka',
  'Okafor',
  'Berg',
  'Costa',
];
const COMPANY = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Wonka',
  'Aperture',
  'Oscorp',
  'Gringotts',
  'Monarch',
];
const SUFFIX = ['Inc.', 'GmbH', 'Ltd', 'S.A.', 'Co.', 'LLC', 'AG', ''];

/** Sample reference data the generator draws from. */
export const INDUSTRIES = [
  'software',
  'retail',
  'manufacturing',
  'healthcare',
  'finance',
  'logistics',
];
/** Regions of the generated organization's offices. */
export const REGIONS = ['EMEA', 'NA', 'APAC'];
/** Products the generated quotes sell, with unit prices in minor units. */
export const PRODUCTS: readonly (readonly [string, number])[] = [
  ['Seat licence', 12_000],
  ['Onboarding', 150_000],
  ['Support plan', 48_000],
  ['Integration', 320_000],
];

/** A person's name drawn from the sample lists. */
export const personName = (random: SeededRandom): string =>
  `${random.pick(FIRST)} ${random.pick(LAST)}`;

/** A company name, sometimes with a legal suffix (near-duplicates arise on purpose). */
export const companyName = (random: SeededRandom, serial: number): string =>
  `${random.pick(COMPANY)} ${serial % 7 === 0 ? '' : random.pick(['Systems', 'Labs', 'Trading', 'Works', 'Partners'])} ${random.pick(SUFFIX)}`
    .replace(/\s+/g, ' ')
    .trim();

const CAMPAIGN_KIND: Readonly<Record<string, string>> = {
  email: 'newsletter',
  social: 'social campaign',
  ads: 'search ads',
  exhibition: 'trade fair',
  content: 'buyer’s guide',
  event: 'roadshow',
};
const SEASONS = ['Winter', 'Spring', 'Summer', 'Autumn'];

/**
 * A campaign's name as marketing would write it, from its start day, channel and audience:
 * `Spring 2026 enterprise roadshow`.
 */
export const campaignName = (startsOn: string, channel: string, audience: string): string => {
  const month = Number(startsOn.slice(5, 7));
  const season = SEASONS[Math.floor((month % 12) / 3)] ?? '';
  return `${season} ${startsOn.slice(0, 4)} ${audience} ${CAMPAIGN_KIND[channel] ?? channel}`;
};

/** An email address unique to the serial number. */
export const emailFor = (name: string, serial: number): string =>
  `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${serial}@example.com`;

/** A phone number in E.164 unique to the serial number. */
export const phoneFor = (serial: number): string => `+4930${String(serial).padStart(8, '0')}`;
