#!/usr/bin/env node
// The benchmark: `npm run bench` (= npm run build && node bench/run.mjs).
//
//   node bench/run.mjs [--sizes 100,1000,5000] [--runs K] [--seed S] [--violations 0.1]
//                      [--today YYYY-MM-DD] [--scenarios floor,cold,warm] [--corpora clean,dense]
//                      [--results FILE] [--memory auto|time|preload] [--strict]
//
// For each corpus size N it generates bench/.corpus/N (only when missing or when the generator or
// its arguments changed: see bench/.corpus/N.stamp.json) and its finding-dense twin bench/.corpus/N-dense
// (the same generator, as of 11 weeks before --today: stale statuses, overdue milestones and risk
// reviews everywhere, as in a portfolio's first months under pmo), then runs every scenario K times
// (interleaved: floor, cold, warm, floor, cold, warm, ...) and takes the median whole-process wall
// time, and the highest peak RSS, of each. It prints a Markdown table and writes it to
// bench/RESULTS.md with the budgets as PASS/FAIL lines.
//
// Exit code: 0, or 1 when a scenario failed (crash, exit code outside its accepted set, stdout that
// is not JSON where JSON is expected), or when --strict is given and a budget failed.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generate, defaultToday, GENERATOR_VERSION } from './generate.mjs';
import { makeHistory } from './history.mjs';
import { makeCosts } from './costs.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const CORPUS_ROOT = path.join(BENCH, '.corpus');
const FLOOR = path.join(BENCH, 'floor.mjs');
// PMO_BIN=path/to/pmo.js benchmarks another build (an older checkout, a branch) against the same corpora.
const PMO = process.env.PMO_BIN ? path.resolve(process.env.PMO_BIN) : path.join(ROOT, 'bin', 'pmo.js');
const NODE = process.execPath;

// ---------------------------------------------------------------------------------------------
// Scenarios. Each run of a size executes the enabled scenarios in this order, so a scenario may rely
// on the state the previous one left (warm follows cold and finds its cache). To add one (a check of
// staged files on a --git corpus, rules on vs schema only, ...), add an entry:
//   key        short name (used by --scenarios and in the details table)
//   title      what it measures
//   argv(c)    the command: [executable, ...args]; c = { dir, n, today } (dir is the corpus, today its date)
//   before(c)  optional: prepare the state, untimed (delete a cache, stage a file, ...)
//   after(c)   optional: put the corpus back as it was, untimed (unstage the file `before` staged)
//   ok         accepted exit codes
//   json       stdout must be JSON (it is kept in a temp file, parsed, and counted)
//   memory     measure peak RSS
//   default    run without --scenarios
//   corpus     optional extra generator options this scenario needs (e.g. { git: true }): not yet used
//              by the built-in scenarios; a scenario that needs another corpus should get its own
//              corpus key in corpusFor() below.
// --today pins the date the corpus was generated for, so date-dependent checks find the same things.
const checkArgv = (c, today = c.today) => [NODE, PMO, 'check', '-C', c.dir, '--format', 'json', '--today', today];
/** The date `days` days before a YYYY-MM-DD one. */
const daysBefore = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
/** The day before the corpus's day: the last check a PM ran before this morning's. */
const dayBefore = (c) => daysBefore(c.today, 1);
/** The cache as yesterday's check left it: what the first check of a new day meets. */
const checkedYesterday = (c) => {
  clearCache(c);
  const [node, ...args] = checkArgv(c, dayBefore(c));
  const run = spawnSync(node, args, { stdio: 'ignore' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`the check of the day before failed (exit code ${run.status})`);
};
const clearCache = (c) => {
  fs.rmSync(path.join(c.dir, '.pmo'), { recursive: true, force: true });
  fs.rmSync(path.join(c.dir, 'node_modules', '.cache', 'pmo'), { recursive: true, force: true });
};
/**
 * The corpus as a git repository (made once, untracked by pmo's own repository), back at its commit, the cache
 * warm from a check of that state, then one project edited and staged: what a PM's commit hook meets.
 */
const stageOneEdit = (c, warmDay = c.today) => {
  const git = (...args) => {
    const run = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: c.dir, encoding: 'utf8', env: scrubbedGitEnv() });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${c.dir}: ${run.stderr}`);
    return run.stdout;
  };
  if (!fs.existsSync(path.join(c.dir, '.git'))) {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'bench corpus');
  }
  git('reset', '-q', '--hard');
  if (warmDay !== c.today) clearCache(c);
  const [node, ...args] = checkArgv(c, warmDay);
  const warm = spawnSync(node, args, { stdio: 'ignore' });
  if (warm.status !== 0 && warm.status !== 1) throw new Error(`the check that warms the cache failed (exit code ${warm.status})`);
  const project = path.join(c.dir, 'projects', fs.readdirSync(path.join(c.dir, 'projects')).sort()[0]);
  fs.writeFileSync(project, fs.readFileSync(project, 'utf8').replace(/^name: (.*)$/m, 'name: $1 (phase 2)'));
  git('add', path.relative(c.dir, project));
};
/** The corpus back at its commit: the other scenarios, and a check by hand afterwards, meet it as generated. */
const unstageEdit = (c) => {
  const run = spawnSync('git', ['reset', '-q', '--hard'], { cwd: c.dir, encoding: 'utf8', env: scrubbedGitEnv() });
  if (run.status !== 0) throw new Error(`git reset --hard failed in ${c.dir}: ${run.stderr}`);
};
const trendsArgv = (c) => [NODE, PMO, 'report', 'trends', '-C', `${c.dir}-history`, '--weeks', '52', '--format', 'json', '--today', c.today];
const clearTrendMemo = (dir) => ['.pmo/cache', 'node_modules/.cache/pmo'].forEach((d) => fs.rmSync(path.join(dir, d, 'trends-memo.json'), { force: true }));
/** A trend run once, so that the memo holds its points (the timed run is the second). */
const trendsOnce = (dir, c) => {
  if (['.pmo/cache', 'node_modules/.cache/pmo'].some((d) => fs.existsSync(path.join(dir, d, 'trends-memo.json')))) return;
  const [node, ...args] = trendsArgv(c);
  if (spawnSync(node, args, { stdio: 'ignore' }).status !== 0) throw new Error('the trend run that fills the memo failed');
};
/** The cost-log copy of the corpus, its check cache warm (as the Friday report finds it after the week's checks). */
const costsArgv = (c) => [NODE, PMO, 'report', 'weekly', '-C', `${c.dir}-costs`, '--format', 'html', '--today', c.today];
const checkedCosts = (c) => {
  const dir = makeCosts(c.dir, `${c.dir}-costs`, c.today);
  const [node, ...args] = checkArgv({ ...c, dir });
  const run = spawnSync(node, args, { stdio: 'ignore' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`the check of the cost-log corpus failed (exit code ${run.status})`);
};
const scrubbedGitEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));
const SCENARIOS = [
  { key: 'floor', title: 'read + yaml parseDocument with LineCounter, every YAML file, one process',
    argv: (c) => [NODE, FLOOR, c.dir], ok: [0], memory: true, default: true },
  { key: 'cold', title: 'pmo check --format json, no cache (DIR/.pmo and DIR/node_modules/.cache/pmo deleted)',
    before: clearCache, argv: checkArgv, ok: [0, 1], json: true, memory: true, needsPmo: true, default: true },
  { key: 'warm', title: 'pmo check --format json again, with the cache the cold run left',
    argv: checkArgv, ok: [0, 1], json: true, memory: true, needsPmo: true, default: true },
  { key: 'schema', title: 'pmo check --format json --no-rules, cold: the loader and schemas only (the rules\' baseline)',
    before: clearCache, argv: (c) => [...checkArgv(c), '--no-rules'], ok: [0, 1], json: true, memory: true, needsPmo: true, default: true, corpora: ['clean'] },
  { key: 'staged', title: 'pmo check --staged: one project edited (one line) and staged, the cache warm from a check of HEAD (the pre-commit hook)',
    before: stageOneEdit, after: unstageEdit, argv: (c) => [...checkArgv(c), '--staged'], ok: [0, 1], json: true, memory: true, needsPmo: true, default: true },
  { key: 'newday', title: 'pmo check --format json, the first check of a day: the cache as a check of the day before left it',
    before: checkedYesterday, argv: checkArgv, ok: [0, 1], json: true, memory: true, needsPmo: true, default: true },
  { key: 'newstaged', title: 'pmo check --staged, the first of a day: one project edited and staged, the cache from a check of HEAD the day before',
    before: (c) => stageOneEdit(c, dayBefore(c)), after: unstageEdit, argv: (c) => [...checkArgv(c), '--staged'], ok: [0, 1], json: true, memory: true, needsPmo: true, default: true },
  { key: 'report', title: 'pmo report weekly --format html, the cache warm (the Friday report: every file parsed for its data)',
    argv: (c) => [NODE, PMO, 'report', 'weekly', '-C', c.dir, '--format', 'html', '--today', c.today], ok: [0], memory: true, needsPmo: true, default: true, corpora: ['clean'] },
  { key: 'costs', title: 'pmo report weekly --format html on a copy of the corpus whose projects log up to 12 months of costs (bench/costs.mjs; made once, untimed), the cache warm',
    before: checkedCosts, argv: costsArgv, ok: [0], memory: true, needsPmo: true, default: true, corpora: ['clean'] },
  { key: 'trends', title: 'pmo report trends --weeks 52 --format json on a copy of the corpus with a year of weekly commits, each changing ~20% of the projects (bench/history.mjs; made once, untimed), its memo of judged points deleted; N <= 1000',
    before: (c) => clearTrendMemo(makeHistory(c.dir, `${c.dir}-history`, { today: c.today })), maxN: 1000, corpora: ['clean'],
    argv: trendsArgv, ok: [0], memory: true, needsPmo: true, default: true },
  { key: 'trendsagain', title: 'pmo report trends again, nothing new in git: the memo the run before left (run once untimed first)',
    before: (c) => trendsOnce(makeHistory(c.dir, `${c.dir}-history`, { today: c.today }), c), maxN: 1000, corpora: ['clean'],
    argv: trendsArgv, ok: [0], memory: true, needsPmo: true, default: true },
  { key: 'nocache', title: 'pmo check --format json --no-cache (neither reads nor writes the cache)',
    argv: (c) => [...checkArgv(c), '--no-cache'], ok: [0, 1], json: true, memory: true, needsPmo: true, default: false },
];

// The budgets, shown as PASS/FAIL lines under the table. `R` is every (N, corpus) measured; most budgets are
// about the clean corpus, the new-day ones and the floor ratio about both.
const clean = (R) => R.filter((r) => r.corpus === 'clean');
const BUDGETS = [
  { text: 'cold <= 1.0x floor at every N, both corpora', eval: (R) => everyN(R, (r) => ratio(r, 'cold', 'floor'), (v) => v <= 1.0, (v) => `${v.toFixed(2)}x`) },
  { text: 'warm at N=1000 < 0.300 s', eval: (R) => atN(clean(R), 1000, (r) => med(r, 'warm'), (v) => v < 0.3, (v) => `${v.toFixed(3)} s`) },
  { text: 'warm at N=1000 <= 0.1x floor', eval: (R) => atN(clean(R), 1000, (r) => ratio(r, 'warm', 'floor'), (v) => v <= 0.1, (v) => `${v.toFixed(3)}x`) },
  { text: 'first check of a new day <= 2x the warm check, N=1000 and 5000, both corpora',
    eval: (R) => everyN(R.filter((r) => r.n >= 1000), (r) => ratio(r, 'newday', 'warm'), (v) => v <= 2, (v) => `${v.toFixed(2)}x`) },
  { text: 'all rules on within 1.5x of the schema-only check at N=5000 (cold)',
    eval: (R) => atN(clean(R), 5000, (r) => ratio(r, 'cold', 'schema'), (v) => v <= 1.5, (v) => `${v.toFixed(2)}x`) },
  { text: 'staged check of one project at N=5000 < 0.400 s', eval: (R) => atN(clean(R), 5000, (r) => med(r, 'staged'), (v) => v < 0.4, (v) => `${v.toFixed(3)} s`) },
  { text: 'first staged check of a new day at N=5000 < 0.400 s, both corpora',
    eval: (R) => everyN(R.filter((r) => r.n === 5000), (r) => med(r, 'newstaged'), (v) => v < 0.4, (v) => `${v.toFixed(3)} s`) },
  { text: 'trends over 52 weeks (~20% of projects changed weekly) at N=1000 < 10 s', eval: (R) => atN(clean(R), 1000, (r) => med(r, 'trends'), (v) => v < 10, (v) => `${v.toFixed(2)} s`) },
  { text: 'trends peak memory at N=1000 < 300 MB', eval: (R) => atN(clean(R), 1000, (r) => peak(r, 'trends'), (v) => v < 300, (v) => `${v.toFixed(0)} MB`) },
  { text: 'trends again, nothing new in git, at N=1000 < 3 s', eval: (R) => atN(clean(R), 1000, (r) => med(r, 'trendsagain'), (v) => v < 3, (v) => `${v.toFixed(2)} s`) },
  { text: 'weekly HTML report at N=1000 < 2.0 s', eval: (R) => atN(clean(R), 1000, (r) => med(r, 'report'), (v) => v < 2.0, (v) => `${v.toFixed(3)} s`) },
  { text: 'weekly HTML report with 12 months of cost logs at N=1000 < 2.0 s', eval: (R) => atN(clean(R), 1000, (r) => med(r, 'costs'), (v) => v < 2.0, (v) => `${v.toFixed(3)} s`) },
  { text: 'peak memory at N=5000 < 300 MB (cold and warm)',
    eval: (R) => atN(clean(R), 5000, (r) => maxOf(peak(r, 'cold'), peak(r, 'warm')), (v) => v < 300, (v) => `${v.toFixed(0)} MB`) },
];

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const o = { sizes: [100, 1000, 5000], runs: null, seed: '1', violations: 0.1, today: null, scenarios: null, corpora: ['clean', 'dense'],
    results: path.join(BENCH, 'RESULTS.md'), memory: 'auto', strict: false };
  for (let k = 0; k < argv.length; k++) {
    let a = argv[k];
    let v;
    const eq = a.indexOf('=');
    if (eq >= 0) [a, v] = [a.slice(0, eq), a.slice(eq + 1)];
    const val = () => {
      if (v === undefined) v = argv[++k];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--sizes': o.sizes = val().split(',').map((s) => parseInt(s, 10)); break;
      case '--runs': o.runs = parseInt(val(), 10); break;
      case '--seed': o.seed = val(); break;
      case '--violations': o.violations = Number(val()); break;
      case '--today': o.today = val(); break;
      case '--scenarios': o.scenarios = val().split(','); break;
      case '--corpora': o.corpora = val().split(','); break;
      case '--results': o.results = path.resolve(val()); break;
      case '--memory': o.memory = val(); break;
      case '--strict': o.strict = true; break;
      case '--help': case '-h':
        console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 8).map((l) => l.slice(3)).join('\n'));
        process.exit(0);
        break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  if (o.sizes.some((n) => !(n > 0))) throw new Error('--sizes takes positive integers: 100,1000');
  if (o.runs !== null && !(o.runs > 0)) throw new Error('--runs takes a positive integer');
  const keys = SCENARIOS.map((s) => s.key);
  for (const s of o.scenarios ?? []) if (!keys.includes(s)) throw new Error(`unknown scenario ${s} (known: ${keys.join(', ')})`);
  for (const c of o.corpora) if (!CORPORA[c]) throw new Error(`unknown corpus ${c} (known: ${Object.keys(CORPORA).join(', ')})`);
  if (!['auto', 'time', 'preload'].includes(o.memory)) throw new Error('--memory is auto, time or preload');
  return o;
}

// ---------------------------------------------------------------------------------------------
// Peak memory. GNU time's %M (max RSS of the child, from wait4) when /usr/bin/time is GNU time;
// otherwise a --require preload that writes process.resourceUsage().maxRSS on exit (main process only,
// and nothing when the process dies from a signal).

function memoryMethod(want, tmp) {
  if (want !== 'preload') {
    const out = path.join(tmp, 'probe.txt');
    const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, NODE, '-e', '0'], { stdio: 'ignore' });
    if (r.status === 0 && /^\d+\s*$/.test(fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '')) return 'time';
    if (want === 'time') throw new Error('--memory time: /usr/bin/time is not GNU time here (apt-get install -y time)');
  }
  fs.writeFileSync(path.join(tmp, 'rss-preload.cjs'),
    `const f = process.env.PMO_BENCH_RSS_FILE;\ndelete process.env.PMO_BENCH_RSS_FILE;\n` +
    `if (f) process.on('exit', () => { try { require('fs').writeFileSync(f, String(process.resourceUsage().maxRSS)); } catch {} });\n`);
  return 'preload';
}

/** Run one command: wall seconds, peak RSS in MB, exit code, signal, stderr, stdout file. */
function runOnce(argv, { method, tmp, captureOut }) {
  const rssFile = path.join(tmp, 'rss.txt');
  const outFile = path.join(tmp, 'stdout.txt');
  fs.rmSync(rssFile, { force: true });
  let cmd = argv[0];
  let args = argv.slice(1);
  const env = { ...process.env };
  if (method === 'time') {
    args = ['-f', '%M', '-o', rssFile, ...argv];
    cmd = '/usr/bin/time';
  } else {
    env.PMO_BENCH_RSS_FILE = rssFile;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(path.join(tmp, 'rss-preload.cjs'))}`.trim();
  }
  const fd = fs.openSync(captureOut ? outFile : '/dev/null', 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', fd, 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  fs.closeSync(fd);
  let rssMB = null;
  if (fs.existsSync(rssFile)) {
    const m = /(\d+)\s*$/.exec(fs.readFileSync(rssFile, 'utf8'));
    if (m) rssMB = Number(m[1]) / 1024;
  }
  let status = r.status;
  let stderr = r.stderr ? r.stderr.toString() : '';
  // GNU time reports a child killed by a signal as "Command terminated by signal N" and exits 128+N
  if (method === 'time' && fs.existsSync(rssFile)) {
    const sig = /terminated by signal (\d+)/.exec(fs.readFileSync(rssFile, 'utf8'));
    if (sig) stderr += `\n(killed by signal ${sig[1]})`;
  }
  return { seconds, rssMB, status, signal: r.signal, error: r.error, stderr, outFile: captureOut ? outFile : null };
}

// ---------------------------------------------------------------------------------------------
// Corpus

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16);
}

/**
 * The corpora: the generator's portfolio as of the day it is checked on (clean but for the injected problems),
 * and the same as of 11 weeks earlier, checked on the same day (most projects with findings that depend on it).
 */
const CORPORA = {
  clean: { suffix: '', asOf: (today) => today },
  dense: { suffix: '-dense', asOf: (today) => daysBefore(today, 77) },
};

function ensureCorpus(n, o, kind = 'clean') {
  const name = `${n}${CORPORA[kind].suffix}`;
  const dir = path.join(CORPUS_ROOT, name);
  const stampFile = path.join(CORPUS_ROOT, `${name}.stamp.json`);
  const want = { generator: sha256(path.join(BENCH, 'generate.mjs')), version: GENERATOR_VERSION, projects: n,
    seed: String(o.seed), violations: o.violations, today: CORPORA[kind].asOf(o.today) };
  let have = null;
  try {
    have = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {}
  const fresh = have && JSON.stringify(have.args) === JSON.stringify(want) && fs.existsSync(path.join(dir, 'pmo.yaml'));
  if (!fresh) {
    process.stderr.write(`generating corpus N=${n} (${kind}) in ${path.relative(ROOT, dir)} ... `);
    fs.rmSync(stampFile, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
    const s = generate({ projects: n, out: dir, seed: o.seed, violations: o.violations, today: want.today,
      manifest: path.join(CORPUS_ROOT, `${name}.manifest.json`) });
    fs.writeFileSync(stampFile, JSON.stringify({ args: want, summary: s }, null, 1) + '\n');
    process.stderr.write(`${(s.ms / 1000).toFixed(1)} s\n`);
  }
  return { dir, stats: corpusStats(dir) };
}

/** The YAML files a check reads (the same set floor.mjs parses), plus every file, read once: this also
 *  warms the page cache so that the first timed run does not pay for the disk. */
function corpusStats(dir) {
  const yaml = { files: 0, bytes: 0, lines: 0 };
  let allFiles = 0;
  const walk = (d, top) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name === '.git' || e.name === '.pmo' || e.name === 'node_modules') continue;
        walk(p, false);
        continue;
      }
      const buf = fs.readFileSync(p);
      allFiles++;
      const rel = path.relative(dir, p);
      const isYaml = e.name.endsWith('.yaml') &&
        (top ? ['pmo.yaml', 'people.yaml', 'goals.yaml', 'waivers.yaml'].includes(e.name) : /^(projects|requests)[\\/][^\\/]+$/.test(rel));
      if (isYaml) {
        yaml.files++;
        yaml.bytes += buf.length;
        for (let k = buf.indexOf(10); k !== -1; k = buf.indexOf(10, k + 1)) yaml.lines++;
      }
    }
  };
  walk(dir, true);
  return { ...yaml, allFiles };
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const med = (r, key) => r.scenarios[key]?.median ?? null;
const peak = (r, key) => r.scenarios[key]?.peakMB ?? null;
const ratio = (r, a, b) => (med(r, a) != null && med(r, b) ? med(r, a) / med(r, b) : null);
const maxOf = (...xs) => (xs.some((x) => x == null) ? null : Math.max(...xs));
const f = (x, digits) => (x == null ? '—' : x.toFixed(digits));

function everyN(R, get, pass, show) {
  const vals = R.map((r) => [`${r.n}${r.corpus === 'clean' ? '' : ` ${r.corpus}`}`, get(r)]);
  if (!vals.length || vals.some(([, v]) => v == null)) {
    const missing = vals.filter(([, v]) => v == null).map(([n]) => n);
    return { state: 'n/a', detail: `not measured at N=${missing.join(', ') || '(no sizes)'}` };
  }
  const bad = vals.filter(([, v]) => !pass(v));
  return { state: bad.length ? 'FAIL' : 'PASS', detail: vals.map(([n, v]) => `N=${n}: ${show(v)}`).join(', ') };
}
function atN(R, n, get, pass, show) {
  const r = R.find((x) => x.n === n);
  const v = r ? get(r) : null;
  if (v == null) return { state: 'n/a', detail: `not measured at N=${n}` };
  return { state: pass(v) ? 'PASS' : 'FAIL', detail: show(v) };
}

function countFindings(text) {
  let j;
  try {
    j = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  const arr = Array.isArray(j) ? j : Array.isArray(j?.findings) ? j.findings : null;
  return { ok: true, findings: arr ? arr.length : null, key: arr ? JSON.stringify(arr) : text };
}

// ---------------------------------------------------------------------------------------------

function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`run.mjs: ${e.message} (see node bench/run.mjs --help)`);
    process.exit(2);
  }
  o.today ??= defaultToday();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-bench-'));
  const method = memoryMethod(o.memory, tmp);
  const scenarios = SCENARIOS.filter((s) => (o.scenarios ? o.scenarios.includes(s.key) : s.default));
  const pmoMissing = scenarios.some((s) => s.needsPmo) && !fs.existsSync(PMO) ? `${PMO} does not exist` : null;
  const results = [];
  let failed = false;

  try {
    for (const [n, kind] of o.sizes.flatMap((n) => o.corpora.map((kind) => [n, kind]))) {
      const runs = o.runs ?? (n >= 5000 ? 3 : 5);
      const { dir, stats } = ensureCorpus(n, o, kind);
      const r = { n, corpus: kind, runs, stats, scenarios: {} };
      results.push(r);
      const mine = scenarios.filter((s) => !s.corpora || s.corpora.includes(kind));
      for (const s of scenarios) r.scenarios[s.key] = { times: [], rss: [], failed: mine.includes(s) ? null : `not run on the ${kind} corpus`, findings: null, outputs: [] };
      const c = { dir, n, today: o.today };
      console.error(`N=${n} (${kind}): ${stats.files} YAML files, ${(stats.bytes / 1e6).toFixed(1)} MB, ${stats.lines} lines; ${runs} runs`);
      for (let run = 1; run <= runs; run++) {
        for (const s of mine) {
          const st = r.scenarios[s.key];
          if (st.failed) continue;
          if (s.maxN && n > s.maxN) {
            st.failed = `not run above N=${s.maxN}`;
            continue;
          }
          if (s.needsPmo && pmoMissing) {
            st.failed = `not run: ${pmoMissing}`;
            continue;
          }
          s.before?.(c);
          const argv = s.argv(c);
          const res = runOnce(argv, { method, tmp, captureOut: !!s.json });
          s.after?.(c);
          let problem = null;
          if (res.error) problem = `could not start: ${res.error.message}`;
          else if (res.signal) problem = `killed by ${res.signal}`;
          else if (!s.ok.includes(res.status)) problem = `exit code ${res.status} (accepted: ${s.ok.join(', ')})`;
          else if (s.json) {
            const cf = countFindings(fs.readFileSync(res.outFile, 'utf8'));
            if (!cf.ok) problem = `exit code ${res.status} but stdout is not JSON`;
            else {
              st.findings = cf.findings;
              if (st.outputs.length < 1) st.outputs.push(cf.key);
            }
          }
          if (problem) {
            st.failed = problem;
            failed = true;
            const cmd = argv.map((a) => path.relative(ROOT, a).startsWith('..') ? a : path.relative(ROOT, a) || '.').join(' ');
            console.error(`\n${s.key} FAILED at N=${n}, run ${run}: ${problem}\n$ ${cmd}\n--- stderr ---\n${res.stderr.slice(-8000)}\n--------------`);
            continue;
          }
          st.times.push(res.seconds);
          if (res.rssMB != null) st.rss.push(res.rssMB);
          console.error(`  run ${run}/${runs} ${s.key.padEnd(7)} ${res.seconds.toFixed(3)} s` +
            (res.rssMB != null ? `  ${res.rssMB.toFixed(0)} MB` : '') + (st.findings != null ? `  ${st.findings} findings` : ''));
        }
      }
      for (const s of scenarios) {
        const st = r.scenarios[s.key];
        st.median = st.failed ? null : median(st.times);
        st.min = st.times.length ? Math.min(...st.times) : null;
        st.max = st.times.length ? Math.max(...st.times) : null;
        st.peakMB = st.failed || !st.rss.length ? null : Math.max(...st.rss);
      }
      const cold = r.scenarios.cold;
      const warm = r.scenarios.warm;
      if (cold?.outputs.length && warm?.outputs.length) r.warmSameAsCold = cold.outputs[0] === warm.outputs[0];
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const budgets = BUDGETS.map((b) => ({ text: b.text, ...b.eval(results) }));
  const md = report(results, budgets, scenarios, o, method, pmoMissing);
  console.log(md);
  fs.writeFileSync(o.results, md);
  const shown = path.relative(process.cwd(), o.results);
  console.error(`written to ${shown.startsWith('..') ? o.results : shown}`);
  if (failed || pmoMissing || (o.strict && budgets.some((b) => b.state === 'FAIL'))) process.exitCode = 1;
}

function report(results, budgets, scenarios, o, method, pmoMissing) {
  const L = [];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  let nproc = String(os.availableParallelism?.() ?? os.cpus().length);
  const np = spawnSync('nproc', [], { encoding: 'utf8' });
  if (np.status === 0) nproc = np.stdout.trim();
  const git = spawnSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  const commit = git.status === 0 ? git.stdout.trim() : 'none';
  const dirty = spawnSync('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' });
  L.push('# pmo benchmark results', '');
  L.push(`- date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`);
  L.push(`- node ${process.version} on ${os.platform()} ${os.arch()}, nproc ${nproc}, ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
  L.push(`- commit ${commit}${dirty.status === 0 && dirty.stdout.trim() ? ' (with uncommitted changes)' : ''}`);
  L.push(`- corpus: bench/generate.mjs --seed ${o.seed} --violations ${o.violations} --today ${o.today}` +
    ` (bench/.corpus/N; injected problems listed in bench/.corpus/N.manifest.json); dense: the same --today ${CORPORA.dense.asOf(o.today)}, checked on ${o.today}`);
  L.push(`- wall time: whole process, median of the runs; runs: ${results.map((r) => `${r.runs} at N=${r.n}`).join(', ')}`);
  L.push(`- peak memory: highest max RSS over the runs, by ${method === 'time' ? 'GNU time (/usr/bin/time -f %M)' : 'a --require preload writing process.resourceUsage().maxRSS at exit (main process only)'}`);
  if (pmoMissing) L.push(`- **pmo was not run: ${pmoMissing}** (build it: npm run build)`);
  L.push('');
  L.push('| N | corpus | files | MB | floor s | cold s | cold/floor | warm s | new day s | new day/warm | staged s | new-day staged s | peak MB cold | peak MB warm |');
  L.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    L.push(`| ${r.n} | ${r.corpus} | ${r.stats.files} | ${(r.stats.bytes / 1e6).toFixed(1)} | ${f(med(r, 'floor'), 2)} | ${f(med(r, 'cold'), 2)} | ` +
      `${f(ratio(r, 'cold', 'floor'), 2)} | ${f(med(r, 'warm'), 3)} | ${f(med(r, 'newday'), 3)} | ${f(ratio(r, 'newday', 'warm'), 2)} | ` +
      `${f(med(r, 'staged'), 3)} | ${f(med(r, 'newstaged'), 3)} | ${f(peak(r, 'cold'), 0)} | ${f(peak(r, 'warm'), 0)} |`);
  }
  L.push('');
  for (const b of budgets) L.push(`- ${b.state === 'PASS' ? 'PASS' : b.state === 'FAIL' ? '**FAIL**' : 'n/a '} ${b.text}: ${b.detail}`);
  L.push('');
  L.push('## Corpora', '');
  L.push('files, MB and lines count the YAML files a check reads (pmo.yaml, people.yaml, goals.yaml, waivers.yaml, projects/, requests/).', '');
  L.push('| N | corpus | YAML files | MB | lines | all files (with records) | injected problems |');
  L.push('|---:|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    let injected = '—';
    try {
      injected = String(JSON.parse(fs.readFileSync(path.join(CORPUS_ROOT, `${r.n}${CORPORA[r.corpus].suffix}.manifest.json`), 'utf8')).injected.length);
    } catch {}
    L.push(`| ${r.n} | ${r.corpus} | ${r.stats.files} | ${(r.stats.bytes / 1e6).toFixed(2)} | ${r.stats.lines} | ${r.stats.allFiles} | ${injected} |`);
  }
  L.push('', '## Scenarios', '');
  for (const s of scenarios) L.push(`- ${s.key}: ${s.title}`);
  L.push('');
  L.push('| N | corpus | scenario | median s | min s | max s | peak MB | findings | note |');
  L.push('|---:|---|---|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    for (const s of scenarios) {
      const st = r.scenarios[s.key];
      let note = st.failed ?? '';
      if (s.key === 'warm' && r.warmSameAsCold === false) note = 'output differs from the cold run';
      L.push(`| ${r.n} | ${r.corpus} | ${s.key} | ${f(st.median, 3)} | ${f(st.min, 3)} | ${f(st.max, 3)} | ${f(st.peakMB, 0)} | ${st.findings ?? '—'} | ${note} |`);
    }
  }
  L.push('');
  return L.join('\n');
}

try {
  main();
} catch (e) {
  console.error(`run.mjs: ${e.stack || e.message}`);
  process.exit(2);
}
