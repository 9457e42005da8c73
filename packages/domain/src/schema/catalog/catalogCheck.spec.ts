import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { CampaignCompleted } from '../../campaign/events.js';
import { DateOnly } from '../../shared/dates.js';
import { eventCodec } from '../../shared/eventCodec.js';
import { unionOfOne } from '../../shared/unionOfOne.js';
import type { JsonSchema } from '../jsonSchema.js';
import { catalogPath, eventCatalogEntries } from './catalogEntries.js';
import { compareWithCatalog } from './catalogCheck.js';

/** CampaignLaunched as version 1 wrote it: the shape the committed catalog below holds. */
const launchedV1 = eventCodec(
  'CampaignLaunched',
  t.type({ campaignId: t.string, launchedOn: DateOnly }),
);

/** A small union of Campaign events with `launched` as its CampaignLaunched. */
const campaignWith = (launched: t.Mixed) => t.union([launched, CampaignCompleted]);

/** The catalog as committed for that union with version 1 of CampaignLaunched. */
const committed = new Map<string, JsonSchema>(
  eventCatalogEntries([campaignWith(launchedV1)], () => 1).map((entry) => [
    catalogPath(entry),
    entry.schema,
  ]),
);

/** A deliberately incompatible change: `launchedOn` renamed to `wentLiveOn`. */
const renamedLaunch = eventCodec(
  'CampaignLaunched',
  t.type({ campaignId: t.string, wentLiveOn: DateOnly }),
);

describe('schema catalog compatibility check', () => {
  it('passes when the codecs are the catalogued ones', () => {
    const comparison = compareWithCatalog(
      eventCatalogEntries([campaignWith(launchedV1)], () => 1),
      committed,
    );
    expect(comparison.incompatible).toEqual([]);
    expect([...comparison.toWrite.keys()]).toEqual([]);
  });

  it('fails when a stored event is renamed at the same version, with no upcaster to read the old ones', () => {
    const entries = eventCatalogEntries([campaignWith(renamedLaunch)], () => 1);
    const comparison = compareWithCatalog(entries, committed);
    const advice =
      'with no upcaster: add an upcaster from version 1 to 2 in packages/domain/src/upcasting';
    expect(comparison.incompatible).toEqual([
      `CampaignLaunched v1 changed incompatibly (data.wentLiveOn: now required) ${advice}`,
      `CampaignLaunched v1 changed incompatibly (data.launchedOn: removed) ${advice}`,
    ]);
    expect(comparison.toWrite.has('events/CampaignLaunched.v1.json')).toBe(false);
  });

  it('accepts the same change as a new version once an upcaster exists, keeping v1 as history', () => {
    const entries = eventCatalogEntries([campaignWith(renamedLaunch)], (type) =>
      type === 'CampaignLaunched' ? 2 : 1,
    );
    const comparison = compareWithCatalog(entries, committed);
    expect(comparison.incompatible).toEqual([]);
    expect([...comparison.toWrite.keys()]).toEqual(['events/CampaignLaunched.v2.json']);
  });

  it('accepts an added optional field at the same version, since every old event still decodes', () => {
    const withNote = eventCodec(
      'CampaignLaunched',
      t.intersection([
        t.type({ campaignId: t.string, launchedOn: DateOnly }),
        t.partial({ note: t.string }),
      ]),
    );
    const comparison = compareWithCatalog(
      eventCatalogEntries([campaignWith(withNote)], () => 1),
      committed,
    );
    expect(comparison.incompatible).toEqual([]);
    expect([...comparison.toWrite.keys()]).toEqual(['events/CampaignLaunched.v1.json']);
  });

  it('fails when a stored event type disappears from the codecs', () => {
    const withoutLaunch = unionOfOne(CampaignCompleted, 'CampaignEvent');
    const comparison = compareWithCatalog(eventCatalogEntries([withoutLaunch]), committed);
    expect(comparison.incompatible).toEqual([
      'CampaignLaunched was removed, but stored events of that type would no longer be read',
    ]);
  });
});
