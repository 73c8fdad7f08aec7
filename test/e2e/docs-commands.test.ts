/**
 * Every `pmo` command README.md, docs/*.md and examples/acme/README.md quote runs as written on the example with its git history (built
 * by scripts/example-history.mjs, as `npm run example:history` builds it): the built CLI, through bash, from the
 * folder a reader would be in (the package root when the command names examples/acme, else the example itself).
 * A command fails the test when it exits 2 (pmo could not do its job), exits with anything but 0 or 1, prints a
 * stack trace, or prints other than the output the docs show under it. The commands of one fenced block are a
 * session (an update, then a hold, then a resume), run in order on one fresh copy; each quote in the prose runs
 * on its own copy. A quote with a placeholder (`<id>`, `[paths]`, `...`) is a synopsis and a bare `pmo <command>`
 * names a command: the first is counted, the second must be a command pmo has. What is left out on purpose is
 * listed below, each with its reason.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { docCommands, type DocCommand } from '../helpers/doc-commands.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts/example-history.mjs');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`), 'examples/acme/README.md'];

/** Quotes left out on purpose: what they show is not in the example. */
const ILLUSTRATIVE: Array<{ file: string; command: string; reason: string }> = [
  {
    file: 'docs/history.md',
    command: 'pmo log apollo-crm',
    reason: "shows a rename and a commit whose file did not parse; the example's history replays status updates only",
  },
  {
    file: 'docs/history.md',
    command: "pmo log apollo-crm --field 'status[-1].overall'",
    reason: 'the same illustrative project as the example above it',
  },
  { file: 'docs/history.md', command: 'pmo log zeus', reason: "a project deleted from the repository; the example's history deletes none" },
  { file: 'docs/authoring.md', command: 'pmo import costs finance/2026-11.csv', reason: 'the example ships no finance export: its cost logs are written in the project files' },
  { file: 'docs/reports.md', command: 'pmo report board', reason: 'a kind a PMO adds with templates/board.md.hbs, as the sentence says; the example adds none' },
  {
    file: 'docs/authoring.md',
    command: 'pmo update --from week-48.yaml --date 2026-11-26 --dry-run',
    reason: 'reads the batch file the doc shows above it, which the example does not hold: test/e2e/week-walk.test.ts writes it from the doc and runs the whole walk',
  },
  { file: 'docs/authoring.md', command: 'pmo update --from week-48.yaml --date 2026-11-26', reason: 'the same batch file, written: test/e2e/week-walk.test.ts runs it' },
];

const all = DOCS.flatMap((file) => docCommands(join(ROOT, file)).map((c) => ({ ...c, file })));
const skipped = (c: DocCommand) => ILLUSTRATIVE.some((s) => s.file === c.file && s.command === c.command);
/** `pmo status`, `pmo log`: the name of a command, as prose uses it. */
const bareName = (c: DocCommand) => /^(npx\s+)?pmo\s+[a-z]+$/.test(c.command);
const runnable = all.filter((c) => !c.synopsis && !skipped(c) && !bareName(c));

/** The block's commands together, each prose quote alone: the sessions to run. */
function sessions(commands: DocCommand[]): DocCommand[][] {
  const byBlock = new Map<string, DocCommand[]>();
  for (const c of commands) {
    const key = c.block === undefined ? `${c.file}:${c.line}:${c.command}` : `${c.file}:block ${c.block}`;
    byBlock.set(key, [...(byBlock.get(key) ?? []), c]);
  }
  return [...byBlock.values()];
}

let base: string;
let shims: string;
let example: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'pmo-docs-'));
  example = join(base, 'template/examples/acme');
  const built = spawnSync(process.execPath, [SCRIPT, example], { encoding: 'utf8' });
  expect([built.status, built.stderr]).toEqual([0, '']);
  // `pmo` and `npx pmo` are the built CLI, as they are after `npm install` in the package root.
  shims = join(base, 'bin');
  mkdirSync(shims);
  const shim = (name: string, body: string) => {
    writeFileSync(join(shims, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(shims, name), 0o755);
  };
  shim('pmo', `exec "${process.execPath}" "${BIN}" "$@"`);
  shim('npx', `[ "$1" = pmo ] || { echo "npx: only pmo here" >&2; exit 127; }\nshift\nexec pmo "$@"`);
}, 60_000);

// Every session's copy of the example with its git history is under `base`: hundreds of files to delete,
// which took longer than the default 10 s on a loaded machine.
afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
}, 120_000);

/** A fresh copy of the package root's stand-in (examples/acme with its history); the folder to run in. */
function freshCopy(mentionsExample: boolean): string {
  const root = mkdtempSync(join(base, 'run-'));
  cpSync(join(base, 'template'), root, { recursive: true });
  return mentionsExample ? root : join(root, 'examples/acme');
}

function run(command: string, cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${shims}:${process.env.PATH}`, NO_COLOR: '1', GITHUB_STEP_SUMMARY: join(cwd, 'step-summary.md') };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
  return spawnSync('bash', ['-c', command], { cwd, env, encoding: 'utf8', input: '', timeout: 90_000 });
}

const STACK = /^\s+at .+(:\d+:\d+\)?)$/m;

/** The lines the docs show appear in what ran, in order: each run of lines between `...` ones as it is. */
function expectShown(shown: string[], printed: string, where: string): void {
  const actual = printed.split('\n').map((l) => l.trimEnd());
  const chunks: string[][] = [[]];
  for (const line of shown) if (/^\s*(\.\.\.|…)\s*$/.test(line)) chunks.push([]);
  else chunks[chunks.length - 1]!.push(line.trimEnd());
  let from = 0;
  for (const chunk of chunks.filter((c) => c.length > 0)) {
    const at = actual.findIndex((_, i) => i >= from && chunk.every((line, k) => actual[i + k] === line));
    expect(at, `${where}: the docs show\n${chunk.join('\n')}\nbut it printed\n${printed}`).toBeGreaterThanOrEqual(0);
    from = at + chunk.length;
  }
}

describe('the commands the docs quote', () => {
  it('are found: every doc with commands, synopses counted, every illustrative entry still quoted', () => {
    expect(runnable.length).toBeGreaterThan(60);
    const files = new Set(runnable.map((c) => c.file));
    for (const file of ['README.md', 'docs/authoring.md', 'docs/ci.md', 'docs/editor.md', 'docs/history.md', 'docs/reports.md']) expect(files).toContain(file);
    for (const entry of ILLUSTRATIVE) expect(all.some((c) => c.file === entry.file && c.command === entry.command), entry.command).toBe(true);
    // A synopsis is recognised by its placeholder, not listed: there are a few, all with one.
    expect(all.filter((c) => c.synopsis).every((c) => /<|\[|\.\.\.|…/.test(c.command))).toBe(true);
  });

  it('name real commands where the prose says `pmo <command>`', () => {
    const names = [...new Set(all.filter(bareName).map((c) => c.command.split(/\s+/).pop()!))];
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const help = run(`pmo ${name} --help`, base);
      expect([name, help.status]).toEqual([name, 0]);
    }
  });

  for (const session of sessions(runnable)) {
    const first = session[0]!;
    const title = `${first.file}:${first.line} ${session.map((c) => c.command).join(' ; ')}`.slice(0, 200);
    it(
      title,
      () => {
        const cwd = freshCopy(session.some((c) => c.command.includes('examples/acme')));
        for (const c of session) {
          const where = `${c.file}:${c.line} \`${c.command}\``;
          const result = run(c.command, cwd);
          const printed = `${result.stdout}${result.stderr}`;
          expect([result.status, result.signal], `${where} exits 0 or 1\n${printed}`).toSatisfy(
            ([status, signal]: [number | null, unknown]) => signal === null && (status === 0 || status === 1),
          );
          expect(printed, `${where} prints no stack trace`).not.toMatch(STACK);
          if (c.output) expectShown(c.output, printed, where);
        }
      },
      120_000,
    );
  }
});
