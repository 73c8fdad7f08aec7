/**
 * Every fixture under test/fixtures/fuzz/ (a case a fuzz run found failing, written by `npm run fuzz`) keeps
 * the contract now: pmo check, status and the reports, judged as the fuzz run judged them.
 */
import { afterAll, expect, it } from 'vitest';
import { fixtureCase, listFixtures, openSession } from './lib/index.mjs';

// npm test runs test files side by side on a shared 2-core machine: a hang is still caught at 30 s, and
// `npm run fuzz`, alone on the machine, holds commands to 10 s.
const session = openSession({ timeLimitMs: 30_000 });
afterAll(() => session.close());

const fixtures = listFixtures();

it('there are fixtures to replay', () => {
  expect(fixtures.length).toBeGreaterThan(0);
});

it.each(fixtures)('%s', async (name) => {
  const { kase, layout } = fixtureCase(name);
  const { problems } = await session.run(kase, { layout, cli: true });
  expect(problems).toEqual([]);
});
