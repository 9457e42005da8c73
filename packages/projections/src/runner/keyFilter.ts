/**
 * A Bloom filter of strings: `mightHold` is false only for a string never added, and true for
 * one that was added (and, rarely, for one that was not). Its memory is fixed however many
 * strings are added; past a few bits per string, false answers just become rarer.
 */
export interface KeyFilter {
  add(key: string): void;
  mightHold(key: string): boolean;
}

// FNV-1a over the UTF-16 code units, and a second hash mixed from it (murmur3's finalizer);
// Kirsch–Mitzenmacher double hashing derives the probes from the two.
const fnv1a = (key: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

const mixed = (hash: number): number => {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 1;
};

/** A filter of `2^log2Bits` bits probed `probes` times per key (defaults: 4 Mbit, 512 KiB; 5). */
export const createKeyFilter = (log2Bits = 22, probes = 5): KeyFilter => {
  const bits = new Uint32Array(2 ** (log2Bits - 5));
  const mask = 2 ** log2Bits - 1;
  const bitOf = (h1: number, h2: number, i: number): number => (h1 + Math.imul(i, h2)) & mask;
  return {
    add: (key) => {
      const h1 = fnv1a(key);
      const h2 = mixed(h1);
      for (let i = 0; i < probes; i += 1) {
        const bit = bitOf(h1, h2, i);
        bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
      }
    },
    mightHold: (key) => {
      const h1 = fnv1a(key);
      const h2 = mixed(h1);
      for (let i = 0; i < probes; i += 1) {
        const bit = bitOf(h1, h2, i);
        if (((bits[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return false;
      }
      return true;
    },
  };
};
