import { describe, expect, it } from 'vitest';
import { counterDecider } from './contract/counterAggregate.js';
import { deciderSpec } from './deciderSpec.js';

const spec = deciderSpec(counterDecider(3));
const incremented = (by: number) => ({ type: 'CounterIncremented' as const, data: { by } });

describe('decider specs', () => {
  it('pass when the command emits the expected events', () => {
    spec
      .given([incremented(1)])
      .when({ kind: 'increment', id: 'a', by: 2 })
      .then([incremented(2)]);
  });

  it('pass when the command is refused with the expected error', () => {
    spec
      .given([incremented(3)])
      .when({ kind: 'increment', id: 'a', by: 1 })
      .thenFails({ kind: 'CounterOverCap', cap: 3 });
  });

  it('fail when the events differ or the command is unexpectedly refused or accepted', () => {
    expect(() => {
      spec
        .given([])
        .when({ kind: 'increment', id: 'a', by: 1 })
        .then([incremented(2)]);
    }).toThrow();
    expect(() => {
      spec
        .given([incremented(3)])
        .when({ kind: 'increment', id: 'a', by: 1 })
        .then([]);
    }).toThrow(/refused/);
    expect(() => {
      spec
        .given([])
        .when({ kind: 'increment', id: 'a', by: 1 })
        .thenFails(() => true);
    }).toThrow(/expected a refusal/);
  });
});
