// A small seeded random source: every variant is rebuilt from its name alone, so a failure
// reruns exactly (no wall clock, no Math.random).

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** `k` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], k: number): T[];
  chance(p: number): boolean;
}

/** A 32-bit hash of a string (FNV-1a): the seed of a named variant. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough to pick transforms and elements. */
export function rngOf(seed: string | number): Rng {
  let state = typeof seed === 'number' ? seed >>> 0 : hashOf(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from nothing');
      return items[int(items.length)] as T;
    },
    sample: <T>(items: readonly T[], k: number): T[] => {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < k && pool.length > 0) out.push(pool.splice(int(pool.length), 1)[0] as T);
      return out;
    },
    chance: (p: number): boolean => next() < p,
  };
}
