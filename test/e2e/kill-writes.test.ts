/**
 * pmo update, close and new killed (SIGKILL) at random moments (issue 19 item 3): the file is always its old
 * version or its new one, byte for byte (for pmo new: no file, or the whole new one); at worst a hidden temp
 * file is left beside it. Half the kills are timed anywhere in the run; half within 25 ms of when the runs
 * that were not killed replaced the file (their median), where a kill could do harm. pmo's writes pause 20 ms
 * halfway (test/helpers/fault.mjs, slow), so that kills land inside them, not only around the microseconds
 * they would take: a writer that wrote the file in place fails this test at once. PMO_FAULT_RUNS sets how many
 * kills in all: npm test runs 30 (~8 s), PMO_FAULT_RUNS=200 the count (~50 s). A failure says its seed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { heavyRepo } from '../helpers/authoring.js';
import { BIN, pmo } from '../helpers/cli.js';
import { seeded } from '../helpers/random.js';

const RUNS = Number(process.env.PMO_FAULT_RUNS ?? 30);
const FAULT = fileURLToPath(new URL('../helpers/fault.mjs', import.meta.url));
const SLOW = { ...process.env, NODE_OPTIONS: `--import=${FAULT}`, PMO_FAULT: 'slow' };
const TODAY = ['--today', '2026-11-20'];
/** The closing checklist asks only for the actual end, so that pmo close gets as far as writing. */
const CLOSABLE = { 'pmo.yaml': 'version: 1\nrules:\n  lessons-recorded: off\n  final-report-filed: off\n  deliverables-accepted: off\n  acceptance-evidence: off\n' };

const COMMANDS: Array<{ name: string; file: string; args: string[] }> = [
  { name: 'update', file: 'projects/apollo.yaml', args: ['update', 'apollo', '--overall', 'amber', '--summary', 'Vendor quota escalated', '--milestone', 'M2', '--forecast', '2026-12-20', ...TODAY] },
  { name: 'close', file: 'projects/apollo.yaml', args: ['close', 'apollo', '--actual-end', '2026-11-19', ...TODAY] },
  { name: 'new', file: 'projects/hermes.yaml', args: ['new', 'project', 'hermes', '--name', 'Hermes', '--manager', 'jdoe', ...TODAY] },
];

/**
 * Starts pmo, kills it after `delayMs` (if it is still running), and says whether the kill came first and when
 * it started (Date.now(), to compare with the file's mtime).
 */
function runKilledAfter(cwd: string, args: string[], delayMs: number): Promise<{ killed: boolean; started: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: SLOW, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('exit', (_, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', started });
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** The files beside the target that are not the PMO's: what a killed write leaves. */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('writes killed at random moments', () => {
  it(`leave each file its old or its new version, byte for byte (${RUNS} kills across update, close and new)`, async () => {
    const random = seeded();
    const tally: string[] = [];
    for (const [index, command] of COMMANDS.entries()) {
      const dir = heavyRepo(CLOSABLE);
      const path = join(dir, command.file);
      const old = existsSync(path) ? readFileSync(path) : undefined;
      // An uncut run: the new version, how long a run takes, and when in it the file is replaced.
      const started = Date.now();
      expect(pmo(command.args, { cwd: dir, env: SLOW }).code, command.name).toBe(0);
      const duration = Date.now() - started;
      const replacedAt = [statSync(path).mtimeMs - started];
      const fresh = readFileSync(path);
      const restore = () => (old ? writeFileSync(path, old) : rmSync(path, { force: true }));

      const runs = Math.floor(RUNS / COMMANDS.length) + (index < RUNS % COMMANDS.length ? 1 : 0);
      const outcomes = { old: 0, new: 0, finished: 0, temp: 0 };
      for (let run = 0; run < runs; run++) {
        restore();
        const nearWrite = run % 2 === 1;
        const delay = nearWrite ? Math.max(0, median(replacedAt) - 25 + random.next() * 50) : random.next() * duration * 1.1;
        const { killed, started } = await runKilledAfter(dir, command.args, delay);
        const what = `seed ${random.seed}: pmo ${command.name} killed after ${delay.toFixed(1)} ms of ~${duration} (the write at ~${median(replacedAt).toFixed(0)})`;
        const now = existsSync(path) ? readFileSync(path) : undefined;
        const isOld = old ? now?.equals(old) === true : now === undefined;
        const isNew = now?.equals(fresh) === true;
        expect(isOld || isNew, `${what}: the file is neither version:\n${now?.toString('utf8').slice(0, 400)}`).toBe(true);
        if (!killed) replacedAt.push(statSync(path).mtimeMs - started);
        if (!killed) outcomes.finished++;
        else if (isNew) outcomes.new++;
        else outcomes.old++;
        const temps = leftovers(join(path, '..'));
        // A temp file is hidden and not YAML (pmo check reads *.yaml only); it is never left by a run that finished.
        expect(temps.every((name) => /^\.[\w.-]+\.pmo-\d+-[0-9a-f]+\.tmp$/.test(name)), `${what}: ${temps.join(', ')}`).toBe(true);
        if (!killed) expect(temps, what).toEqual([]);
        if (temps.length > 0) outcomes.temp++;
        for (const name of temps) rmSync(join(path, '..', name));
      }
      tally.push(`${command.name}: ${runs} runs, killed with the old version ${outcomes.old}, with the new ${outcomes.new}, finished first ${outcomes.finished}, a temp file left ${outcomes.temp}`);
      // The kills landed while pmo ran, not only after: both outcomes of a kill were seen.
      if (runs >= 10) expect(outcomes.old, tally.at(-1)).toBeGreaterThan(0);
    }
    console.log(`seed ${random.seed}\n${tally.join('\n')}`);
  }, 600_000);
});
