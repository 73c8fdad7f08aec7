// `pmo log` on one project file with a long history: how long the audit trail takes.
//
//   node bench/log.mjs [--commits 200] [--runs 5] [--keep DIR]
//
// Builds a repository (git fast-import: seconds even for thousands of commits) whose projects/crm-migration.yaml,
// the example portfolio's biggest project, changes in every commit as a PM's week would change it: a new status
// update every fifth commit, a risk's probability, the forecast end, the budget forecast, a milestone's
// progress; a rename of the file halfway. Then times the built CLI (npm run build first), median of --runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const commits = Number(option('commits', '200'));
const runs = Number(option('runs', '5'));
const keep = option('keep', undefined);

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin/pmo.js');
const base = readFileSync(join(root, 'examples/acme/projects/crm-migration.yaml'), 'utf8');
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));

/** The file after commit i: deterministic edits of the example's values. */
function version(i) {
  const day = (n) => new Date(Date.UTC(2026, 0, 5) + n * 86_400_000).toISOString().slice(0, 10);
  let text = base
    .replace(/^(\s+probability:) \d/m, `$1 ${1 + (i % 5)}`)
    .replace(/forecast_end: \S+/, `forecast_end: ${day(300 + (i % 40))}`)
    .replace(/^(\s+forecast:) (\d{4,})$/m, (_, key, n) => `${key} ${Number(n) + 1000 * (i % 17)}`)
    .replace(/progress: \d+/, `progress: ${Math.min(100, i % 101)}`);
  const updates = Math.floor(i / 5);
  for (let u = 0; u < updates; u++) {
    text += `  - date: ${day(7 * u)}\n    by: ofarouk\n    overall: ${['green', 'amber', 'red'][u % 3]}\n    summary: Week ${u + 1}, batch ${u} migrated, ${u % 4} defects open.\n`;
  }
  return text;
}

const dir = keep ?? mkdtempSync(join(tmpdir(), 'pmo-bench-log-'));
execFileSync('git', ['init', '-q', '-b', 'main', dir], { env });
let stream = '';
const blob = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
for (let i = 0; i < commits; i++) {
  const when = 1_767_600_000 + i * 86_400;
  const path = i < commits / 2 ? 'projects/crm-migration.yaml' : 'projects/crm-migration-2026.yaml';
  const message = `Week ${i}: status and forecasts`;
  stream += `commit refs/heads/main\nauthor Omar Farouk <ofarouk@example.com> ${when} +0100\ncommitter Omar Farouk <ofarouk@example.com> ${when} +0100\n${blob(message)}`;
  if (i === 0) stream += `M 100644 inline pmo.yaml\n${blob('version: 1\norganization: Bench\n')}`;
  if (i === Math.ceil(commits / 2)) stream += `D projects/crm-migration.yaml\n`;
  stream += `M 100644 inline ${path}\n${blob(version(i))}\n`;
}
execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream, env, maxBuffer: 1 << 30 });
execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir, env });

function time(label, cliArgs) {
  const times = [];
  let out = '';
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [bin, ...cliArgs], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (run.status !== 0) throw new Error(`${label}: exit ${run.status}\n${run.stderr}`);
    out = run.stdout;
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(52)} ${String(Math.round(times[Math.floor(times.length / 2)])).padStart(6)} ms  (${out.length} bytes out)`);
}

console.log(`pmo log on a file with ${commits} commits (${dir}), median of ${runs}`);
time('pmo --version (node start-up)', ['--version']);
time('pmo log crm-migration-2026', ['log', 'crm-migration-2026']);
time("pmo log crm-migration-2026 --field 'status[-1].overall'", ['log', 'crm-migration-2026', '--field', 'status[-1].overall']);
time('pmo log crm-migration-2026 -f json', ['log', 'crm-migration-2026', '-f', 'json']);
time('pmo log crm-migration-2026 --limit 10', ['log', 'crm-migration-2026', '--limit', '10']);
const reference = process.hrtime.bigint();
execFileSync('git', ['log', '--follow', '-p', '--', 'projects/crm-migration-2026.yaml'], { cwd: dir, env, maxBuffer: 1 << 30 });
console.log(`${'(git log --follow -p, for reference)'.padEnd(52)} ${String(Math.round(Number(process.hrtime.bigint() - reference) / 1e6)).padStart(6)} ms`);
if (!keep) rmSync(dir, { recursive: true, force: true });
