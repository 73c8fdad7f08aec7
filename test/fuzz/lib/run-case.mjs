/**
 * One case, start to end: lay out the mutated portfolio, run pmo check (and for a sample pmo status and the
 * reports) on it, judge every run, and check that nothing was written outside the repository.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseFolders, FILES, layOut } from './cases.mjs';
import { brokenFiles, changes, judgeFindings, judgeLeftOut, judgeRun, snapshot, TIME_LIMIT_MS, TODAY } from './judge.mjs';
import { PmoRunner, runCli } from './pmo-process.mjs';

/**
 * A fuzz session: the folders that must stay empty, and the pmo process the cases share. `timeLimitMs`: when a
 * command counts as hung (10 s; more where the machine is shared with other test files).
 */
export function openSession({ timeLimitMs = TIME_LIMIT_MS } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'pmo-fuzz-session-'));
  const sandbox = { root, home: join(root, 'home'), tmp: join(root, 'tmp'), cwd: join(root, 'cwd'), cases: join(root, 'cases') };
  for (const dir of [sandbox.home, sandbox.tmp, sandbox.cwd, sandbox.cases]) mkdirSync(dir);
  const runner = new PmoRunner(sandbox);
  return {
    sandbox,
    run: (kase, options) => runCase(kase, { ...options, sandbox, runner, timeLimitMs }),
    close: () => {
      runner.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Judges a case; `cli`: run check as `node bin/pmo.js` too, and compare (its second run finds a warm cache);
 * `layout`: how the case's repository is made (a fixture's is copied). Gives the problems (empty when the case
 * passes) and the check's findings.
 */
export async function runCase(kase, { sandbox, runner, timeLimitMs, cli = false, keep = false, layout = (dirs) => layOut(dirs, kase) }) {
  const dirs = caseFolders(sandbox.cases);
  const problems = [];
  try {
    layout(dirs);
    const before = snapshot(dirs.outside);
    const pmo = (argv) => runner.run(argv, timeLimitMs);
    const judge = (name, run) => judgeRun(name, run, kase, timeLimitMs);
    const check = await pmo(['check', '-C', dirs.repo, '--today', TODAY, '--format', 'json']);
    problems.push(...judge('check', check));
    const { problems: unlocated, findings } = judgeFindings(check);
    problems.push(...unlocated);
    if (cli) problems.push(...(await againAsUser(check, dirs, sandbox, judge, timeLimitMs)));
    if (kase.reports) problems.push(...(await reports(pmo, judge, dirs, kase, findings)));
    const written = [...changes(before, snapshot(dirs.outside)), ...leftovers(sandbox, dirs)];
    if (written.length > 0) problems.push(`wrote outside the repository: ${written.slice(0, 3).join(', ')}${written.length > 3 ? ` and ${written.length - 3} more` : ''}`);
    return { problems, findings };
  } finally {
    if (!keep) rmSync(dirs.base, { recursive: true, force: true });
  }
}

/** The same check as a user runs it, on the cache the first run left: the same exit code and findings. */
async function againAsUser(first, dirs, sandbox, judge, timeLimitMs) {
  const run = await runCli(['check', '-C', dirs.repo, '--today', TODAY, '--format', 'json'], sandbox, timeLimitMs);
  const problems = judge('check (bin/pmo.js, warm)', run);
  if (problems.length === 0 && (run.code !== first.code || run.stdout !== first.stdout)) {
    problems.push(`check (bin/pmo.js, warm): exit ${run.code} and ${run.stdout.length} bytes of output, where the first run gave exit ${first.code} and ${first.stdout.length} bytes`);
  }
  return problems;
}

/** pmo status and the reports on the case (money and people ones too): each judged, and the weekly lists the broken files as left out. */
async function reports(pmo, judge, dirs, kase, findings) {
  const project = FILES.projects.includes(kase.file) ? kase.file.replace(/^projects\/|\.ya?ml$/g, '') : 'crm-migration';
  const commands = {
    status: ['status', '-C', dirs.repo, '--today', TODAY, '-f', 'json', '--all'],
    'report weekly': ['report', 'weekly', '-C', dirs.repo, '--today', TODAY, '-f', 'json'],
    'report audit': ['report', 'audit', '-C', dirs.repo, '--today', TODAY, '-f', 'json'],
    'report project': ['report', 'project', project, '-C', dirs.repo, '--today', TODAY, '-f', 'json'],
    'report resources': ['report', 'resources', '-C', dirs.repo, '--today', TODAY, '-f', 'json'],
    'report people': ['report', 'people', '-C', dirs.repo, '--today', TODAY, '-f', 'json'],
    'report capacity': ['report', 'capacity', '-C', dirs.repo, '--today', TODAY, '-f', 'json'],
    'report intake': ['report', 'intake', '-C', dirs.repo, '--today', TODAY, '-f', 'json', '--budget', '2000000', '--capacity'],
  };
  const problems = [];
  for (const [name, argv] of Object.entries(commands)) {
    const run = await pmo(argv);
    problems.push(...judge(name, run));
    if (name === 'report weekly') problems.push(...judgeLeftOut(run, brokenFiles(findings)));
  }
  return problems;
}

/** pmo writes in the repository only: the session's home, temp and working folders stay empty, the case's folder holds its two. */
function leftovers(sandbox, dirs) {
  const found = [];
  for (const dir of [sandbox.home, sandbox.tmp, sandbox.cwd]) for (const name of readdirSync(dir)) found.push(join(dir, name));
  for (const name of readdirSync(dirs.base)) if (name !== 'repo' && name !== 'outside') found.push(join(dirs.base, name));
  return found;
}
