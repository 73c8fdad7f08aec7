/**
 * A generated portfolio of 650 projects (bench/generate.mjs, seeded), big enough for the cold check to
 * spread over worker threads: every injected problem is found at its line, the clean projects pass every
 * check and rule (but for the overruns waivers.yaml waives), and the parallel, cached CLI agrees exactly
 * with the in-process, single-threaded check().
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Finding } from '../../src/findings.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { buildSchemas } from '../../src/model/config-compile.js';
import { pmo } from '../helpers/cli.js';

const TODAY = '2026-11-16';
const RULE_OF_KIND: Record<string, string[]> = {
  'unknown-field': ['schema/unknown-field'],
  'out-of-range': ['schema/invalid-value'],
  'bad-enum': ['schema/invalid-value'],
  'unknown-person': ['ref/unknown-person'],
  'missing-record': ['ref/missing-record'],
  'impossible-date': ['schema/invalid-date'],
};

let dir: string;
let manifest: { injected: Array<{ file: string; line: number; kind: string }> };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pmo-corpus-'));
  const generator = new URL('../../bench/generate.mjs', import.meta.url).pathname;
  execFileSync(process.execPath, [generator, '--projects', '650', '--out', join(dir, 'repo'), '--today', TODAY, '--manifest', join(dir, 'manifest.json'), '--quiet', '--force']);
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a generated 650-project portfolio', () => {
  it('finds every injected problem at its line, and nothing in the clean projects', async () => {
    const { findings } = await check({ cwd: join(dir, 'repo'), today: TODAY, cache: false });
    for (const injected of manifest.injected) {
      const expected = RULE_OF_KIND[injected.kind];
      expect(expected, `a rule for injected kind ${injected.kind}`).toBeDefined();
      const hit = findings.some((f) => f.file === injected.file && f.line === injected.line && expected!.includes(f.rule));
      expect(hit, `${injected.kind} at ${injected.file}:${injected.line}`).toBe(true);
    }
    const dirty = new Set(manifest.injected.map((i) => i.file));
    expect(findings.filter((f) => !dirty.has(f.file) && !f.waived)).toEqual([]);
    // The generator's waivers each hide the budget overrun of one clean project, and nothing else.
    const waivers = readFileSync(join(dir, 'repo', 'waivers.yaml'), 'utf8').match(/- rule: budget-variance/g) ?? [];
    const waived = findings.filter((f) => f.waived);
    expect(waived.length).toBe(waivers.length);
    expect(new Set(waived.map((f) => f.rule))).toEqual(new Set(['budget-variance']));
  });

  it("zod's compiled parsers and its plain ones (which pmo uses) give the same issues for every project", () => {
    const repo = join(dir, 'repo');
    const schemas = buildSchemas(parseYaml(readFileSync(join(repo, 'pmo.yaml'), 'utf8'), 'pmo.yaml').data);
    let withIssues = 0;
    for (const name of readdirSync(join(repo, 'projects'))) {
      const { data } = parseYaml(readFileSync(join(repo, 'projects', name), 'utf8'), name);
      const compiled = schemas.project.safeParse(data, { reportInput: true });
      const plain = schemas.project.safeParse(data, { reportInput: true, jitless: true });
      expect(plain.error?.issues, name).toEqual(compiled.error?.issues);
      if (compiled.error) withIssues++;
    }
    expect(withIssues).toBeGreaterThan(20);
  });

  it('the parallel cold CLI run and the warm one agree exactly with the single-threaded check()', async () => {
    const { findings } = await check({ cwd: join(dir, 'repo'), today: TODAY, cache: false });
    const cold = pmo(['check', '-C', join(dir, 'repo'), '--format', 'json', '--today', TODAY]);
    expect(cold.stderr).toBe('');
    expect(JSON.parse(cold.stdout) as Finding[]).toEqual(findings);
    const warm = pmo(['check', '-C', join(dir, 'repo'), '--format', 'json', '--today', TODAY]);
    expect(warm.stdout).toBe(cold.stdout);
    // A worker starved of heap fails; the main thread does its share and the answer is the same.
    const starved = pmo(['check', '-C', join(dir, 'repo'), '--format', 'json', '--today', TODAY, '--no-cache'], { env: { PMO_WORKER_HEAP_MB: '2' } });
    expect(starved.stderr).toBe('');
    expect(starved.stdout).toBe(cold.stdout);
  }, 60_000);
});
