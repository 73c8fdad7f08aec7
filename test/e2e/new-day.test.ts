/**
 * The first check of a new day: files whose rules read the day are judged again from what the cache kept of them
 * (their data, and the findings that hold on any day), never read or parsed again, and the answer is the one a
 * check without the cache gives that day.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { generatedPortfolio, type Generated } from '../helpers/generated.js';
import { git } from '../helpers/repo.js';
import { damagedFiles, readCacheFile, writeCacheFile, writeKeptBodies, type CacheFile } from '../helpers/cache-files.js';
import type { HeldReports } from '../../src/rules/run.js';

interface Located {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

// Written on 2026-09-07 and checked from 2026-11-20 on: status updates stale, milestones and risk reviews
// overdue, as in a portfolio's first months under pmo. With the PMO's own rules (the day is compiled into them).
let portfolio: Generated;
beforeAll(() => {
  portfolio = generatedPortfolio({ projects: 60, today: '2026-09-07', rules: true, git: true });
});
afterAll(() => portfolio.remove());

const cacheDir = () => join(portfolio.repo, '.pmo', 'cache');
const check = (today: string, ...args: string[]) => checkWith({}, today, ...args);
const checkWith = (env: Record<string, string>, today: string, ...args: string[]) => {
  const run = pmo(['check', '--today', today, '-f', 'json', ...args], { cwd: portfolio.repo, env });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Located[];
};
const rejudgeFiles = () => readdirSync(cacheDir()).filter((name) => name.endsWith('.rejudge.json'));
const bodyFiles = () => readdirSync(cacheDir()).filter((name) => name.endsWith('.rejudge-body.json'));

describe('the first check of a new day', () => {
  it('gives, day after day, the findings of a check without the cache', () => {
    rmSync(join(portfolio.repo, '.pmo'), { recursive: true, force: true });
    const first = check('2026-11-20');
    expect(first.length).toBeGreaterThan(100);
    expect(rejudgeFiles().length).toBeGreaterThan(0);
    // A day later, a week later, two months later: more becomes overdue each time.
    for (const day of ['2026-11-21', '2026-11-28', '2027-01-15']) {
      const judged = check(day);
      expect(judged).toEqual(check(day, '--no-cache'));
      expect(judged).not.toEqual(first);
      // and the same day again, from the entries the first check of the day wrote
      expect(check(day)).toEqual(judged);
    }
  });

  it('gives the same findings when worker threads share the files', () => {
    rmSync(join(portfolio.repo, '.pmo'), { recursive: true, force: true });
    // Two threads from 20 files on: the 60 projects are judged again on workers, each reading its share of the cache.
    const threads = { PMO_FILES_PER_THREAD: '10' };
    checkWith(threads, '2026-11-20');
    // What the workers spooled for the new day is in the rejudge files, and the spools are gone.
    expect(rejudgeFiles().length).toBeGreaterThan(0);
    expect(readdirSync(cacheDir()).filter((name) => name.includes('spool'))).toEqual([]);
    // A cold check that ends in an error after analyzing (a path that names no file) leaves no spool either.
    rmSync(join(portfolio.repo, '.pmo'), { recursive: true, force: true });
    const failed = pmo(['check', '--today', '2026-11-20', 'projects/no-such-project.yaml'], { cwd: portfolio.repo, env: threads });
    expect(failed.code).toBe(2);
    expect(readdirSync(cacheDir()).filter((name) => name.includes('spool'))).toEqual([]);
    for (const day of ['2026-11-21', '2026-12-01']) expect(checkWith(threads, day)).toEqual(check(day, '--no-cache'));
    // A worker that fails (here: a heap too small to load its modules) leaves the files it took to this thread
    // (or to be read again): the same findings.
    expect(checkWith({ ...threads, PMO_WORKER_HEAP_MB: '2' }, '2026-12-02')).toEqual(check('2026-12-02', '--no-cache'));
  });

  it('judges from what the cache kept, not from the file: the held reports, else the data', () => {
    rmSync(join(portfolio.repo, '.pmo'), { recursive: true, force: true });
    const first = check('2026-11-20');
    const stale = first.find((f) => f.rule === 'status-fresh' && f.message.startsWith('the newest status update'))!;
    // Plant another date in what the cache kept of that project's newest status update: the report status-fresh
    // made of it (stale, it holds: worded again each day without the data), and the data.
    const [name, kept, entry] = keptEntryOf(stale.file);
    const held = (entry.held as HeldReports[]).find((h) => h.rule === 'status-fresh')!;
    expect(held.until).toBeNull();
    Object.assign(held.reports[0]!, { data: { ...held.reports[0]!.data, date: '2026-10-01' }, since: { days: '2026-10-01' } });
    writeCacheFile(join(cacheDir(), name), kept);
    // The kept data is the JSON itself in the body file, not a string of it.
    const [bodies, body] = keptBodyOf(name, stale.file);
    const data = body.data as { status: Array<{ date: string }> };
    data.status[data.status.length - 1]!.date = '2026-10-02';
    writeKeptBodies(cacheDir(), name, bodies);

    const next = check('2026-11-21').find((f) => f.file === stale.file && f.rule === 'status-fresh')!;
    expect(next.message).toMatch(/^the newest status update is from 2026-10-01 \(51 days ago\)/);
    // At the finding's old place: where the status update's date is.
    expect([next.line, next.column]).toEqual([stale.line, stale.column]);

    // Without the held reports, the rule runs again on the kept data.
    const [, keptNow, entryNow] = keptEntryOf(stale.file);
    delete entryNow.held;
    writeCacheFile(join(cacheDir(), name), keptNow);
    const after = check('2026-11-22').find((f) => f.file === stale.file && f.rule === 'status-fresh')!;
    expect(after.message).toMatch(/^the newest status update is from 2026-10-02 \(51 days ago\)/);
  });

  it("places a new day's findings that point somewhere new, in files with findings and without, on the threads that judge them", () => {
    const place = (f: Located) => `${f.file}:${f.line}:${f.column}`;
    const ruled = (findings: Located[]) => new Set(findings.filter((f) => !f.rule.startsWith('schema/') && !f.rule.startsWith('yaml/')).map((f) => f.file));
    // On the day it was written the portfolio is nearly clean; by 2026-11-20 most files have findings.
    const clean = ruled(check('2026-09-07', '--no-cache'));
    const later = check('2026-11-20', '--no-cache');
    const firstFindings = [...ruled(later)].filter((file) => !clean.has(file));
    expect(firstFindings.length).toBeGreaterThan(5);
    for (const threads of ['10', '1000']) {
      rmSync(join(portfolio.repo, '.pmo'), { recursive: true, force: true });
      checkWith({ PMO_FILES_PER_THREAD: threads }, '2026-09-07');
      expect(checkWith({ PMO_FILES_PER_THREAD: threads }, '2026-11-20')).toEqual(later);
      // and the next week, from the positions kept on the 20th for files with findings
      const before = new Set(later.map(place));
      const expected = check('2026-11-28', '--no-cache');
      expect(expected.some((f) => !before.has(place(f)))).toBe(true);
      expect(checkWith({ PMO_FILES_PER_THREAD: threads }, '2026-11-28')).toEqual(expected);
    }
  });

  it("places a new day's first finding in a file only the `yaml` package reads, from that package", () => {
    const clean = check('2026-09-07', '--no-cache');
    const later = check('2026-11-20', '--no-cache');
    const target = later.find((f) => !f.rule.startsWith('schema/') && !clean.some((g) => g.file === f.file))!.file;
    const file = join(portfolio.repo, target);
    const text = readFileSync(file, 'utf8');
    try {
      // An anchor in it (even in a comment's words): the fast parser cannot vouch for its positions.
      writeFileSync(file, `${text}# a note that reads like an &anchor\n`);
      rmSync(join(portfolio.repo, '.pmo'), { recursive: true, force: true });
      check('2026-09-07');
      const mine = (findings: Located[]) => findings.filter((f) => f.file === target);
      const judged = mine(check('2026-11-20'));
      expect(judged.length).toBeGreaterThan(0);
      expect(judged).toEqual(mine(check('2026-11-20', '--no-cache')));
    } finally {
      writeFileSync(file, text);
    }
  });

  it("places a new day's new findings from the positions the cache kept, not from the file", () => {
    rmSync(join(portfolio.repo, '.pmo'), { recursive: true, force: true });
    const key = (f: Located) => `${f.file} ${f.rule} ${f.message}`;
    const place = (f: Located) => `${f.file}:${f.line}:${f.column}`;
    const first = check('2026-11-20');
    const before = new Set(first.map(place));
    const expected = check('2026-11-28', '--no-cache');
    // A finding on the 28th where none pointed on the 20th (a risk review fallen due, say), in a file the rules
    // found something in on the 20th: its positions were kept.
    const fresh = expected.find((f) => !before.has(place(f)) && first.some((g) => g.file === f.file && !g.rule.startsWith('schema/')))!;
    expect(fresh).toBeDefined();
    // Its kept line lengths with an empty line planted first: every offset kept is read one line further down.
    const [name] = keptEntryOf(fresh.file);
    const [bodies, body] = keptBodyOf(name, fresh.file);
    // (kept as `nodes;lines`: a 0 put first among the lines)
    body.positions = (body.positions as string).replace(';', ';0,');
    writeKeptBodies(cacheDir(), name, bodies);

    const judged = check('2026-11-28');
    const moved = judged.find((f) => key(f) === key(fresh))!;
    expect([moved.line, moved.column]).toEqual([fresh.line + 1, fresh.column]);
    // What was placed on the 20th keeps its place
    const placedBefore = judged.filter((g) => g.file === fresh.file && before.has(place(g)));
    expect(placedBefore.length).toBeGreaterThan(0);
    for (const f of placedBefore) expect(expected).toContainEqual(f);
  });

  it("keeps the other files' records as they were when a shard's rejudge files are written again for an edited file", () => {
    rmSync(join(portfolio.repo, '.pmo'), { recursive: true, force: true });
    check('2026-11-20');
    // Each record line of every rejudge and body file, by the path it is of (the line's JSON starts `["path",`).
    const linesOf = (names: string[]) => names.flatMap((name) => readFileSync(join(cacheDir(), name), 'utf8').split('\n').slice(2, -2).map((line) => [JSON.parse(line.slice(12, line.indexOf('",', 13) + 1)) as string, line] as const));
    const records = () => new Map([...linesOf(rejudgeFiles()), ...linesOf(bodyFiles())].map(([path, line]) => [`${path} ${line.includes(',{"hash":') && line.includes('"data":') ? 'body' : 'lean'}`, line]));
    const before = records();
    const [edited] = [...before.keys()].map((key) => key.split(' ')[0]);
    const file = join(portfolio.repo, edited!);
    const text = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, text.replace(/^name: (.*)$/m, 'name: $1 (phase 2)'));
      check('2026-11-20');
      const after = records();
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [key, line] of after) if (!key.startsWith(`${edited} `)) expect(line, key).toBe(before.get(key));
      expect(after.get(`${edited} body`)).not.toBe(before.get(`${edited} body`));
      expect(after.get(`${edited} body`)).toContain('(phase 2)');
      expect(check('2026-11-21')).toEqual(check('2026-11-21', '--no-cache'));
    } finally {
      writeFileSync(file, text);
    }
  });

  it('forgets the references it kept for broken ones once none is broken, and finds them again when one breaks', () => {
    rmSync(join(portfolio.repo, '.pmo'), { recursive: true, force: true });
    const withReferences = () => readdirSync(cacheDir()).filter((name) => name.endsWith('.detail.json')).flatMap((name) => readCacheFile(join(cacheDir(), name)).entries.filter(([, details]) => (details as { references?: unknown[] }).references?.length).map(([path]) => path));
    // The day before the portfolio was written, its newest status updates are dated in the future.
    const early = check('2026-09-06');
    const future = new Set(early.filter((f) => f.rule === 'dates/future').map((f) => f.file));
    expect(future.size).toBeGreaterThan(10);
    expect(withReferences().filter((path) => future.has(path))).toHaveLength(future.size);
    // The next day none is: their references are forgotten, but for files with another reference broken.
    const next = check('2026-09-07');
    expect(next).toEqual(check('2026-09-07', '--no-cache'));
    const stillBroken = new Set(next.filter((f) => f.rule.startsWith('ref/') || f.rule === 'dates/future').map((f) => f.file));
    const kept = withReferences().filter((path) => future.has(path));
    expect(kept.filter((path) => !stillBroken.has(path))).toEqual([]);
    expect(kept.length).toBeLessThan(future.size / 2);
    // Back on the day before, they are found again, worded and placed as a check without the cache does.
    expect(check('2026-09-06')).toEqual(early);
    expect(early).toEqual(check('2026-09-06', '--no-cache'));
  });

  it('reads a file again when the cache kept too little of it (its kept data lost)', () => {
    rmSync(join(portfolio.repo, '.pmo'), { recursive: true, force: true });
    check('2026-11-20');
    for (const name of rejudgeFiles()) writeCacheFile(join(cacheDir(), name), { head: { id: 'lost' }, entries: [] });
    expect(check('2026-11-21')).toEqual(check('2026-11-21', '--no-cache'));
    expect(check('2026-11-22')).toEqual(check('2026-11-22', '--no-cache'));
  });

  it('reads a file again when the body it needs is lost or damaged, and writes its rejudge files again', () => {
    rmSync(join(portfolio.repo, '.pmo'), { recursive: true, force: true });
    check('2026-11-20');
    const [lost, ...others] = bodyFiles();
    rmSync(join(cacheDir(), lost!));
    // Risk reviews due in 2026 put off to 2027 in the other body files: each such body fails its seal.
    const damaged = others.filter((name) => {
      const path = join(cacheDir(), name);
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, text.replace(/"review_by":"2026-/g, '"review_by":"2027-'));
      return readFileSync(path, 'utf8') !== text;
    });
    expect(damaged.length).toBeGreaterThan(5);
    expect(damagedFiles(cacheDir())).toEqual(damaged);
    expect(check('2026-11-21')).toEqual(check('2026-11-21', '--no-cache'));
    // The shards whose bodies were read are written again, whole: the next day judges from them.
    expect(bodyFiles()).toContain(lost);
    expect(damagedFiles(cacheDir()).length).toBeLessThan(damaged.length / 2);
    expect(check('2026-12-15')).toEqual(check('2026-12-15', '--no-cache'));
  });
});

describe('the first --staged check of a new day', () => {
  it("reports what the full check finds in the staged file and what the commit breaks elsewhere", () => {
    const repo = portfolio.repo;
    rmSync(join(repo, '.pmo'), { recursive: true, force: true });
    check('2026-11-20');
    // A provider project that ends two years later: every running project depending on it now waits (dependency-late).
    const text = (path: string) => readFileSync(join(repo, path), 'utf8');
    const running = portfolio.projects.map(([path]) => path).filter((path) => /^phase: (planning|execution)$/m.test(text(path)));
    const needed = running.flatMap((path) => [...text(path).matchAll(/project: (p\d+)/g)].map((m) => `projects/${m[1]}.yaml`));
    const provider = needed.find((path) => running.includes(path) && !text(path).includes('actual_end'))!;
    expect(provider).toBeDefined();
    const day = '2026-11-21';
    const before = check(day, '--no-cache');
    writeFileSync(join(repo, provider), text(provider).replace(/forecast_end: (\d{4})/, (_, year: string) => `forecast_end: ${Number(year) + 2}`));
    git(repo, 'add', provider);
    try {
      const after = check(day, '--no-cache');
      const key = (f: Located) => JSON.stringify(f);
      const old = new Set(before.map(key));
      const expected = after.filter((f) => f.file === provider || !old.has(key(f)));
      expect(expected.some((f) => f.file !== provider && f.rule === 'dependency-late')).toBe(true);
      expect(check(day, '--staged')).toEqual(expected);
    } finally {
      git(repo, 'checkout', 'HEAD', '--', provider);
    }
  });
});

/** A file's body (its data and positions) in the body file of the rejudge file `name`, and that body file's content. */
function keptBodyOf(name: string, path: string): [CacheFile, Record<string, unknown>] {
  const bodies = readCacheFile(join(cacheDir(), name.replace('.rejudge.json', '.rejudge-body.json')));
  const body = bodies.entries.find(([key]) => key === path)?.[1];
  if (!body) throw new Error(`no kept body for ${path}`);
  return [bodies, body];
}

/** The rejudge file that keeps what a new day needs of a file, its content, and that file's record in it. */
function keptEntryOf(path: string): [string, CacheFile, Record<string, unknown>] {
  for (const name of rejudgeFiles()) {
    const kept = readCacheFile(join(cacheDir(), name));
    const entry = kept.entries.find(([key]) => key === path)?.[1];
    if (entry) return [name, kept, entry];
  }
  throw new Error(`no kept data for ${path}`);
}
