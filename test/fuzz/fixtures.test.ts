/**
 * Every fixture under test/fixtures/fuzz/ (a case a fuzz run found failing, written by `npm run fuzz`) keeps
 * the contract now: pmo check, status and the reports, judged as the fuzz run judged them.
 */
import { afterAll, expect, it } from 'vitest';
import { fixtureCase, listFixtures, openSession } from './lib/index.mjs';

const session = openSession();
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
