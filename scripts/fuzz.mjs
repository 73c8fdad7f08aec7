#!/usr/bin/env node
// The long fuzz run: `npm run fuzz -- [--runs N] [--seed S] [--hostile] [--cli-every K] [--shrink-seconds T] [--no-fixtures]`
//
// Runs N random cases (test/fuzz/lib/cases.mjs) of seed S through pmo check, and one in five through pmo
// status and the reports too, judging each by the contract in test/fuzz/lib/judge.mjs; every K-th case's
// check also runs as `node bin/pmo.js` (default K = 10). --hostile adds the named hostile list
// (test/fuzz/lib/hostile.mjs). Each failure is shrunk by fast-check (at most T seconds, default 60) and
// written as a regression fixture under test/fixtures/fuzz/, which test/fuzz/fixtures.test.ts replays.
// Uses the built CLI (dist/): run `npm run build` after changing src/.
//
// Exit code: 0 when every case passed, 1 when some failed.
import fc from 'fast-check';
import { fuzzCase } from '../test/fuzz/lib/cases.mjs';
import { writeFixture } from '../test/fuzz/lib/fixtures.mjs';
import { hostileCases } from '../test/fuzz/lib/hostile.mjs';
import { openSession } from '../test/fuzz/lib/run-case.mjs';

function parseArgs(argv) {
  const options = { runs: 200, seed: Date.now() % 2 ** 31, hostile: false, cliEvery: 10, shrinkSeconds: 60, fixtures: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => Number(argv[++i]);
    if (flag === '--runs') options.runs = value();
    else if (flag === '--seed') options.seed = value();
    else if (flag === '--cli-every') options.cliEvery = value();
    else if (flag === '--shrink-seconds') options.shrinkSeconds = value();
    else if (flag === '--hostile') options.hostile = true;
    else if (flag === '--no-fixtures') options.fixtures = false;
    else throw new Error(`unknown option ${flag} (see the head of scripts/fuzz.mjs)`);
  }
  for (const key of ['runs', 'seed', 'cliEvery', 'shrinkSeconds']) if (!Number.isInteger(options[key]) || options[key] < 0) throw new Error(`--${key} takes a whole number`);
  return options;
}

/**
 * A problem's kind: the command and what went wrong, without the message pmo gave or the numbers (`check: exit N
 * for a problem in people.yaml, which is data`). Failures of one kind share it; one fixture stands for them.
 */
const signature = (problem) => problem.split(/: |[{(]/).slice(0, 2).join(': ').replace(/\d+/g, 'N');

const summary = (kase) => `${kase.file} ${kase.mutations.map((m) => m.kind).join('+')}${kase.fs ? ` ${kase.fs.kind}:${kase.fs.to ?? kase.fs.folder}` : ''}`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const session = openSession();
  const failures = [];
  const started = Date.now();
  let index = 0;
  try {
    if (options.hostile) {
      for (const kase of hostileCases()) {
        const { problems } = await session.run(kase, { cli: true });
        if (problems.length > 0) failures.push({ kase, problems, hostile: kase.name });
        report(`hostile: ${kase.name}`, problems);
      }
    }
    // Every case runs (the property always holds here): failures are collected, then each kind shrunk apart.
    const property = fc.asyncProperty(fuzzCase, async (kase) => {
      const path = String(index++);
      const { problems } = await session.run(kase, { cli: options.cliEvery > 0 && Number(path) % options.cliEvery === 0 });
      if (problems.length > 0) failures.push({ kase, problems, path });
      if (Number(path) % 50 === 0 || problems.length > 0) report(`case ${path} (${Math.round((Date.now() - started) / 1000)} s): ${summary(kase)}`, problems);
      return true;
    });
    await fc.check(property, { seed: options.seed, numRuns: options.runs });
    console.log(`\n${options.runs} cases of seed ${options.seed}${options.hostile ? ` and ${hostileCases().length} hostile ones` : ''} in ${Math.round((Date.now() - started) / 1000)} s: ${failures.length} failed`);
    if (options.fixtures) await writeFixtures(failures, options, session);
  } finally {
    session.close();
  }
  return failures.length === 0 ? 0 : 1;
}

function report(what, problems) {
  console.log(problems.length === 0 ? `ok   ${what}` : `FAIL ${what}\n${problems.map((p) => `       ${p}`).join('\n')}`);
}

/** One fixture for each kind of failure: the first case that showed it, shrunk to what still shows it. */
async function writeFixtures(failures, options, session) {
  const seen = new Set();
  for (const failure of failures) {
    const kinds = failure.problems.map(signature);
    if (kinds.every((k) => seen.has(k))) continue;
    kinds.forEach((k) => seen.add(k));
    const shrunk = failure.hostile ? failure : await shrink(failure, kinds, options, session);
    const name = failure.hostile
      ? `hostile-${failure.hostile.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 50)}`
      : `s${options.seed}-p${failure.path}-${shrunk.kase.mutations.map((m) => m.kind).join('-')}`;
    const how = failure.hostile ? `npm run fuzz -- --hostile (the hostile case "${failure.hostile}")` : `npm run fuzz -- --seed ${options.seed} (case path ${shrunk.path}, shrunk)`;
    const dir = writeFixture(name, shrunk.kase, { how, problems: shrunk.problems });
    console.log(`fixture: ${dir}\n       ${shrunk.problems.join('\n       ')}`);
  }
}

/** fast-check replays the failing case (its seed and path) and shrinks it while the same kind of problem shows. */
async function shrink(failure, kinds, options, session) {
  let last = failure;
  const property = fc.asyncProperty(fuzzCase, async (kase) => {
    const { problems } = await session.run(kase, {});
    const same = problems.filter((p) => kinds.includes(signature(p)));
    if (same.length > 0) last = { kase, problems: same };
    return same.length === 0;
  });
  const result = await fc.check(property, { seed: options.seed, path: failure.path, numRuns: 1, interruptAfterTimeLimit: options.shrinkSeconds * 1000, markInterruptAsFailure: false });
  return result.counterexample ? { kase: result.counterexample[0], problems: last.problems, path: result.counterexamplePath ?? failure.path } : { ...last, path: failure.path };
}

process.exitCode = await main();
