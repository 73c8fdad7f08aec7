/**
 * `pmo check` runs that overlap (issue 19 item 3): two at once on one repository (an editor's and a hook's), and
 * one while a project file is being written. Each gives what a check without the cache gives of what it read,
 * none crashes, and the cache they leave behind is whole and answers right.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pmo, pmoAsync, type Run } from '../helpers/cli.js';
import { damagedFiles } from '../helpers/cache-files.js';
import { generatedPortfolio, type Generated } from '../helpers/generated.js';

const TODAY = '2026-11-20';
const CHECK = ['check', '--today', TODAY, '-f', 'json'];

let generated: Generated;
let repo: string;
const cacheDir = () => join(repo, '.pmo', 'cache');
const noCache = () => pmo([...CHECK, '--no-cache'], { cwd: repo });

beforeAll(() => {
  // Enough projects that a cold check takes a while, so the two runs overlap in reading and in writing.
  generated = generatedPortfolio({ projects: 80, today: TODAY, violations: 0.3, rules: true });
  repo = generated.repo;
}, 60_000);

afterAll(() => generated.remove());

/** A run that did its job: findings or none, as JSON, and nothing on stderr. */
function expectCalm(run: Run, what: string): void {
  expect(run.stderr, what).toBe('');
  expect([0, 1], `${what}: exit ${run.code}`).toContain(run.code);
}

describe('two pmo check runs at once on one repository', () => {
  it('each give the findings of a check without the cache, cold, after an edit, and warm; the cache is left whole', async () => {
    const p7 = join(repo, 'projects/p00007.yaml');
    const original = readFileSync(p7, 'utf8');
    const rounds: Array<[string, () => void]> = [
      ['cold', () => undefined],
      ['after an edit', () => writeFileSync(p7, original.replace(/^priority: \d/m, 'priority: 9'))],
      ['warm', () => undefined],
    ];
    for (const [round, change] of rounds) {
      change();
      const expected = noCache();
      expectCalm(expected, `${round}, without the cache`);
      const runs = await Promise.all([pmoAsync(CHECK, { cwd: repo }), pmoAsync(CHECK, { cwd: repo })]);
      runs.forEach((run, i) => {
        expectCalm(run, `${round}, run ${i + 1}`);
        expect(run.stdout, `${round}, run ${i + 1}`).toBe(expected.stdout);
      });
      expect(damagedFiles(cacheDir()), round).toEqual([]);
      expect(pmo(CHECK, { cwd: repo }).stdout, `${round}, the run after`).toBe(expected.stdout);
    }
  }, 120_000);
});

/**
 * Rewrites `file` in place, again and again, alternating two versions, for `ms`: each write truncates the
 * file and writes it in two halves with a pause between, so that a reader can meet it empty, half written,
 * or whole. Resolves when the writer has stopped, leaving the second version.
 */
function churn(file: string, versions: [string, string], ms: number): Promise<void> {
  const script = `
    const fs = require('node:fs');
    const [file, a, b, ms] = [process.argv[1], process.argv[2], process.argv[3], Number(process.argv[4])];
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const end = Date.now() + ms;
    for (let i = 0; Date.now() < end || i % 2 === 1; i++) {
      const text = i % 2 ? b : a;
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, text.slice(0, text.length >> 1));
      Atomics.wait(pause, 0, 0, 1 + (i % 3));
      fs.writeSync(fd, text.slice(text.length >> 1));
      fs.closeSync(fd);
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, file, ...versions, String(ms)], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the writer exited ${code}`))));
  });
}

describe('a pmo check while a project file is being written', () => {
  it('never crashes, and once the writes stop, the cache answers as a check without it does', async () => {
    const file = join(repo, 'projects/p00011.yaml');
    const valid = readFileSync(file, 'utf8');
    const invalid = valid.replace(/^priority: \d/m, 'priority: 9');
    expect(invalid).not.toBe(valid);
    const writing = churn(file, [valid, invalid], 2000);
    const outcomes = new Set<string>();
    let runs = 0;
    let done = false;
    void writing.finally(() => (done = true));
    while (!done) {
      const run = await pmoAsync(CHECK, { cwd: repo });
      expectCalm(run, `run ${++runs} under the writer`);
      // What the check saw of the file: nothing wrong, the priority out of range, or a file cut short.
      outcomes.add(JSON.stringify((JSON.parse(run.stdout) as Array<{ file: string; rule: string }>).filter((f) => f.file === 'projects/p00011.yaml').map((f) => f.rule)));
    }
    await writing;
    expect(runs).toBeGreaterThan(2);
    expect(readFileSync(file, 'utf8')).toBe(invalid);
    const expected = noCache();
    expect(expected.stdout).toContain('projects/p00011.yaml');
    expect(pmo(CHECK, { cwd: repo }).stdout).toBe(expected.stdout);
    // Once the file is older than pmo's racy-stat window (2 s), its stat stands in for its content: still right.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(pmo(CHECK, { cwd: repo }).stdout).toBe(expected.stdout);
    expect(pmo(CHECK, { cwd: repo }).stdout).toBe(expected.stdout);
    expect(damagedFiles(cacheDir())).toEqual([]);
    console.log(`${runs} checks under the writer saw ${outcomes.size} versions of the file: ${[...outcomes].join(' ')}`);
  }, 120_000);
});
