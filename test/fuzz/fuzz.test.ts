/**
 * The fuzz harness's short run, part of `npm test`: random mutations of examples/acme from a fixed seed, and a
 * sample of the hostile list, each through pmo check (and some through pmo status and the reports), judged by
 * the contract in lib/judge.mjs. `npm run fuzz` runs the long one and writes failures as fixtures.
 */
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { fuzzCase, hostileCases, openSession } from './lib/index.mjs';

/** A failure here replays with `npm run fuzz -- --seed 20261120 --runs 40`, which also shrinks it. */
const SEED = 20261120;
const RUNS = 40;

// npm test runs test files side by side on a shared 2-core machine: a hang is still caught at 30 s, and
// `npm run fuzz`, alone on the machine, holds commands to 10 s.
const session = openSession({ timeLimitMs: 30_000 });
afterAll(() => session.close());

it(`${RUNS} random cases of seed ${SEED} keep the contract`, async () => {
  const property = fc.asyncProperty(fuzzCase, async (kase) => {
    const { problems } = await session.run(kase);
    expect(problems, JSON.stringify(kase).slice(0, 2000)).toEqual([]);
  });
  await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
}, 180_000);

// Every ninth of the hostile list: a spread of its kinds (aliases, prototype keys, tags, depth, links...).
const sample = hostileCases().filter((_, i) => i % 9 === 0);

it.each(sample.map((kase) => [kase.name, kase] as const))('hostile: %s', async (_name, kase) => {
  const { problems } = await session.run({ ...kase, reports: false });
  expect(problems).toEqual([]);
});
