import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../envelope/envelope.js';
import { walkEvents } from './eventWalk.js';

const event = (type: string): RecordedEvent => ({ type }) as unknown as RecordedEvent;

const typesOf = async (events: AsyncIterable<RecordedEvent>): Promise<string[]> => {
  const types: string[] = [];
  for await (const read of events) types.push(read.type);
  return types;
};

describe('the in-memory engine’s reads', () => {
  it('walk either way, skip what does not match and stop at maxCount', async () => {
    const events = ['A', 'B', 'C', 'D'].map(event);
    const matches = (read: RecordedEvent) => read.type !== 'C';
    expect(await typesOf(walkEvents(() => ({ events, start: 3, step: -1, maxCount: 2 })))).toEqual([
      'D',
      'C',
    ]);
    const filtered = walkEvents(() => ({ events, start: 0, step: 1, maxCount: 3, matches }));
    expect(await typesOf(filtered)).toEqual(['A', 'B', 'D']);
  });

  it('open at the first next(), see events appended during the read, and stay done', async () => {
    const events = [event('A')];
    let opened = 0;
    const walk = walkEvents(() => {
      opened += 1;
      return { events, start: 0, step: 1, maxCount: Number.POSITIVE_INFINITY };
    });
    expect(opened).toBe(0);
    expect(await walk.next()).toEqual({ done: false, value: events[0] });
    events.push(event('B'));
    expect(await walk.next()).toEqual({ done: false, value: events[1] });
    expect(await walk.next()).toEqual({ done: true, value: undefined });
    events.push(event('C'));
    expect(await walk.next()).toEqual({ done: true, value: undefined });
    expect(opened).toBe(1);
  });

  it('end at return(), as a loop that breaks ends an async generator', async () => {
    const events = ['A', 'B'].map(event);
    const walk = walkEvents(() => ({ events, start: 0, step: 1, maxCount: 2 }));
    for await (const read of walk) if (read.type === 'A') break;
    expect(await walk.next()).toEqual({ done: true, value: undefined });
    expect(walk[Symbol.asyncIterator]()).toBe(walk);
  });

  it('reject the first next() when opening throws, and are done afterwards', async () => {
    const walk = walkEvents(() => {
      throw new RangeError('bad start');
    });
    await expect(walk.next()).rejects.toThrow(RangeError);
    expect(await walk.next()).toEqual({ done: true, value: undefined });
  });
});
