/**
 * Randomised tests that can be run again: each draws from a seeded generator, the seed random unless
 * PMO_SEED gives it, and says the seed in its failures (`PMO_SEED=<seed> npx vitest run <file>` repeats them).
 */
import { createHash } from 'node:crypto';

export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
}

/** Numbers from SHA-1 of the seed and a counter: slow as generators go, plenty for picking bytes and delays. */
export function seeded(seed: number = process.env.PMO_SEED ? Number(process.env.PMO_SEED) : Math.floor(Math.random() * 2 ** 32)): Random {
  let counter = 0;
  const next = () => createHash('sha1').update(`${seed}:${counter++}`).digest().readUInt32BE(0) / 2 ** 32;
  return { seed, next, below: (n) => Math.floor(next() * n) };
}
