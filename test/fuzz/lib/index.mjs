/** What the vitest files use of the fuzz harness (typed by index.d.mts). */
export { fuzzCase } from './cases.mjs';
export { hostileCases } from './hostile.mjs';
export { openSession } from './run-case.mjs';
export { fixtureCase, listFixtures } from './fixtures.mjs';
export { judgeRun, judgeFindings, judgeLeftOut } from './judge.mjs';
