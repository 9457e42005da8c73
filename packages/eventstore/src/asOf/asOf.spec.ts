import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../commandHandling/commandHandler.js';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { CounterEvent, counterDecider } from '../testing/contract/counterAggregate.js';
import { permitEveryoneInTests } from '../testing/permitEveryone.js';

describe('as-of loading', () => {
  it('tells what was known at a moment apart from what had happened by it', async () => {
    let clock = new Date('2026-03-01T10:00:00Z');
    const store = createInMemoryEventStore({ now: () => clock });
    const handler = createCommandHandler({
      authorize: permitEveryoneInTests(),
      store,
      decider: counterDecider(100),
      eventCodec: CounterEvent,
      streamName: (command) => `Counter-${command.id}`,
    });
    const increment = (commandId: string, occurredAt: string) =>
      handler.handle(
        { kind: 'increment', id: 'a', by: 1 },
        { commandId, actor: { id: 'rep', role: 'sales_rep' }, occurredAt },
      );
    await increment('0193e000-0000-7000-8000-000000000001', '2026-03-01T09:00:00Z');
    clock = new Date('2026-03-05T10:00:00Z'); // entered late: happened on the 2nd, recorded on the 5th
    await increment('0193e000-0000-7000-8000-000000000002', '2026-03-02T09:00:00Z');

    const known = await handler.loadAsOf('Counter-a', { knownAt: '2026-03-03T00:00:00Z' });
    const effective = await handler.loadAsOf('Counter-a', { effectiveAt: '2026-03-03T00:00:00Z' });
    expect(known.state).toBe(1);
    expect(effective.state).toBe(2);
    await expect(handler.loadAsOf('Counter-a', { knownAt: 'March' })).rejects.toThrow(
      /not an ISO-8601 instant/,
    );
  });
});
