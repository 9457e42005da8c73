import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseStreamName, streamCategory, streamName } from './streamName.js';

describe('stream names', () => {
  it('follow the Category-<id> convention and split at the first dash', () => {
    const name = streamName('Lead', '0193-abcd');
    expect(name).toBe('Lead-0193-abcd');
    expect(parseStreamName(name)).toEqual(E.right({ category: 'Lead', id: '0193-abcd' }));
    expect(streamCategory(name)).toBe('Lead');
  });

  it('refuse a category with a dash or an empty id', () => {
    expect(() => streamName('Sales-Lead', '1')).toThrow(/letters and digits/);
    expect(() => streamName('Lead', '')).toThrow(/empty/);
    expect(E.isLeft(parseStreamName('Lead'))).toBe(true);
  });
});
