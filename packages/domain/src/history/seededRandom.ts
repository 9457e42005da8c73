/** A deterministic source of randomness: the same seed always gives the same sequence. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; the weights need not add up to anything in particular. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A uuid (version 4 layout) made from the sequence, for ids that must repeat with the seed. */
  readonly uuid: () => string;
}

/** SplitMix32: spreads a seed over the four words xoshiro needs, so nearby seeds differ fully. */
const splitMix32 = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
};

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/**
 * xoshiro128** seeded through SplitMix32: fast, well distributed, and reproducible across
 * machines because it only uses 32-bit integer arithmetic. Never `Math.random`.
 */
export const createSeededRandom = (seed: number): SeededRandom => {
  const seedWords = splitMix32(seed);
  const s = [seedWords(), seedWords(), seedWords(), seedWords()] as [
    number,
    number,
    number,
    number,
  ];
  const nextWord = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] = (s[2] ^ s[0]) >>> 0;
    s[3] = (s[3] ^ s[1]) >>> 0;
    s[1] = (s[1] ^ s[2]) >>> 0;
    s[0] = (s[0] ^ s[3]) >>> 0;
    s[2] = (s[2] ^ t) >>> 0;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const next = () => nextWord() / 0x1_0000_0000;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (words: number) =>
    Array.from({ length: words }, () => nextWord().toString(16).padStart(8, '0')).join('');
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let ticket = next() * total;
      for (const [item, weight] of items) {
        if (ticket < weight) return item;
        ticket -= weight;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new RangeError('cannot pick from an empty list');
      return last[0];
    },
    uuid: () => {
      const h = hex(4);
      const variant = ((parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
};
