/**
 * A warm `pmo check` loads nothing it does not use. A PM's commit hook runs it on every commit and it must feel
 * instant: loading the YAML parser, zod, the CSV parser, Handlebars or git's client costs a warm check at 1,000
 * projects 30-70 ms each (5c7c140 fixed one: a command's option parser had pulled the CSV parser and the edit
 * workspace into every run, 0.21 s to 0.28 s). The bundle splits at dynamic imports; this watches which chunks
 * a real warm run loads, through a module loader hook, and what each holds.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/acme', import.meta.url));
const LOGGER = fileURLToPath(new URL('../helpers/module-log.mjs', import.meta.url));

/** What marks each heavy library in the chunk that bundles it (names of its own that pmo's code does not use). */
const HEAVY: Record<string, RegExp> = {
  'the YAML parser (yaml)': /function composeNode\(/,
  zod: /\$ZodType\b/,
  'the CSV parser (csv-parse)': /\bCsvError\b/,
  Handlebars: /\bHandlebarsEnvironment\b/,
  "git's client (simple-git)": /\bGitResponseError\b/,
};

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'pmo-warm-modules-'));
  // Not a cache an earlier run left in the example: the first run here must be cold.
  cpSync(EXAMPLE, repo, { recursive: true, filter: (source) => !/[\\/](\.pmo|node_modules)$/.test(source) });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** The heavy libraries among the modules a pmo run loaded (on its main thread). */
function heavyLoaded(args: string[], markers: Record<string, RegExp> = HEAVY): string[] {
  const log = join(repo, 'modules.log');
  rmSync(log, { force: true });
  const run = pmo(args, { cwd: repo, env: { NODE_OPTIONS: `--import=${LOGGER}`, PMO_MODULE_LOG: log } });
  expect(run.code, run.stderr).toBeLessThan(2);
  const files = readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url));
  expect(files.length).toBeGreaterThan(0);
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  return Object.entries(markers).flatMap(([name, marker]) => (texts.some((text) => marker.test(text)) ? [name] : []));
}

describe('a warm pmo check', () => {
  it('loads none of the heavy libraries, in every output format a hook or CI uses', () => {
    // The cold run analyzes every file: it needs the parser and the schemas (the hook proves it sees them).
    expect(heavyLoaded(['check', '--today', '2026-11-20'])).toEqual(expect.arrayContaining(['the YAML parser (yaml)', 'zod']));
    for (const format of ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit']) expect(heavyLoaded(['check', '--today', '2026-11-20', '--format', format]), format).toEqual([]);
  });
});

describe('the first check of a new day', () => {
  it('loads neither the `yaml` package nor zod, even for findings that point where none pointed before', () => {
    rmSync(join(repo, '.pmo'), { recursive: true, force: true });
    expect(heavyLoaded(['check', '--today', '2026-11-20'])).toEqual(expect.arrayContaining(['the YAML parser (yaml)', 'zod']));
    // On 2027-01-20 the waiver of budget-variance (expires 2027-01-31) is within its 14 warning days, and eight
    // projects have a first finding at their id: placed by the fast parser (js-yaml, which a new day's threads
    // use too, so only the `yaml` package's own class counts here), not by the `yaml` package.
    const { yaml, zod } = { yaml: /\bYAMLParseError = class\b/, zod: HEAVY.zod! };
    expect(heavyLoaded(['check', '--today', '2027-01-20'], { yaml, zod })).toEqual([]);
    const run = pmo(['check', '--today', '2027-01-20', '-f', 'json'], { cwd: repo });
    expect(run.stdout).toContain('waiver/expiring');
    expect(run.stdout).toBe(pmo(['check', '--today', '2027-01-20', '-f', 'json', '--no-cache'], { cwd: repo }).stdout);
  });
});
