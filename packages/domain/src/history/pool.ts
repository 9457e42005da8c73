import type { SeededRandom } from './seededRandom.js';

/**
 * A set of items by id with constant-time add, remove and random pick, so the generator stays
 * linear in the size of the history it makes (a million events must not mean a million scans).
 */
export interface Pool<T> {
  readonly size: number;
  has(id: string): boolean;
  add(id: string, item: T): void;
  remove(id: string): void;
  /** A random item; throws on an empty pool, so callers check `size` (their step's weight). */
  pick(random: SeededRandom): T;
}

/** An empty pool. */
export const createPool = <T>(): Pool<T> => {
  const ids: string[] = [];
  const items: T[] = [];
  const slots = new Map<string, number>();
  return {
    get size() {
      return ids.length;
    },
    has: (id) => slots.has(id),
    add: (id, item) => {
      if (slots.has(id)) return;
      slots.set(id, ids.length);
      ids.push(id);
      items.push(item);
    },
    remove: (id) => {
      const slot = slots.get(id);
      if (slot === undefined) return;
      // Move the last item into the freed slot: removal without shifting the array.
      const lastId = ids.pop() as string;
      const lastItem = items.pop() as T;
      slots.delete(id);
      if (slot < ids.length) {
        ids[slot] = lastId;
        items[slot] = lastItem;
        slots.set(lastId, slot);
      }
    },
    pick: (random) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty pool');
      return items[random.int(0, items.length - 1)] as T;
    },
  };
};
