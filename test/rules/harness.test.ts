/**
 * One harness for every rule fixture (markdownlint style): a fixture marks each line a rule must flag with
 * `# expect: <rule-id>` (several: `# expect: a, b`), and the harness compares the EXACT set of
 * (file, rule, line) the check reports with the marked ones. A fixture must otherwise be valid: any
 * schema, YAML or reference finding fails it.
 *
 * test/rules/fixtures/<rule-id>/<case>.yaml   one project file (its `id` is the file name)
 * test/rules/fixtures/<rule-id>/<case>/       a whole repo: projects/, requests/, people.yaml, pmo.yaml...
 *
 * Every fixture runs with --today 2026-11-20 and, unless it brings its own, the harness's pmo.yaml, people
 * and goals below. Record files a fixture names under records/ are created for it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { makeRepo, type Files } from '../helpers/repo.js';

export const TODAY = '2026-11-20';
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

const CONFIG = `version: 1
organization: Fixture Co
pmo_type: controlling
`;
const PEOPLE = `people:
  - { id: jdoe, name: Jane Doe, role: Project manager, capacity: 100 }
  - { id: asmith, name: Alex Smith, role: Sponsor, capacity: 20 }
  - { id: bkim, name: Bo Kim, role: Engineer, capacity: 80 }
  - { id: cfo, name: Chris Fo, role: CFO, capacity: 10 }
`;
const GOALS = 'goals:\n  - { id: G1, title: Grow recurring revenue }\n  - { id: G2, title: Retire legacy platforms }\n';

const EXPECT = /#\s*expect:\s*([a-z0-9/,\s-]+)$/;
const NOT_RULES = /^(yaml|schema|ref|dates|config)\//;

function readTree(dir: string, base = dir): Files {
  const files: Files = {};
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) Object.assign(files, readTree(path, base));
    else files[relative(base, path).split('\\').join('/')] = readFileSync(path, 'utf8');
  }
  return files;
}

function fixtureRepo(path: string): Files {
  const own: Files = statSync(path).isDirectory() ? readTree(path) : { [`projects/${path.replace(/^.*\//, '')}`]: readFileSync(path, 'utf8') };
  const files: Files = { 'pmo.yaml': CONFIG, 'people.yaml': PEOPLE, 'goals.yaml': GOALS, ...own };
  for (const text of Object.values(own)) {
    for (const [record] of String(text).matchAll(/records\/[\w./-]+\.\w+/g)) files[record] ??= `# ${record}\n`;
  }
  return files;
}

function expectedMarks(files: Files): string[] {
  return Object.entries(files).flatMap(([file, text]) =>
    String(text)
      .split('\n')
      .flatMap((line, i) => {
        const match = EXPECT.exec(line);
        return match ? match[1]!.split(',').map((rule) => `${file}:${i + 1} ${rule.trim()}`) : [];
      }),
  );
}

const cases = existsSync(FIXTURES)
  ? readdirSync(FIXTURES).flatMap((rule) =>
      statSync(join(FIXTURES, rule)).isDirectory()
        ? readdirSync(join(FIXTURES, rule)).map((name) => ({ rule, name, path: join(FIXTURES, rule, name) }))
        : [],
    )
  : [];

describe('rule fixtures', () => {
  it.each(cases)('$rule / $name', async ({ path }) => {
    const files = fixtureRepo(path);
    const dir = makeRepo(files);
    const { findings } = await check({ cwd: dir, today: TODAY, cache: false });
    expect(findings.filter((f) => NOT_RULES.test(f.rule)).map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message}`)).toEqual([]);
    const reported = findings.filter((f) => !NOT_RULES.test(f.rule)).map((f) => `${f.file}:${f.line} ${f.rule}`);
    expect(reported.sort()).toEqual(expectedMarks(files).sort());
  });

  it('covers every built-in rule with at least one fixture that flags it and one that does not', async () => {
    const { BUILTIN_RULES } = await import('../../src/rules/builtin/index.js');
    // A change rule judges a project against its base commit, which a fixture file cannot hold: those are
    // tested in real git repositories (test/e2e/change-rules.test.ts).
    for (const rule of BUILTIN_RULES.filter((r) => r.scope !== 'change')) {
      const own = cases.filter((c) => c.rule === rule.id);
      const marks = own.map((c) => expectedMarks(fixtureRepo(c.path)).filter((m) => m.endsWith(` ${rule.id}`)).length);
      expect(marks.some((n) => n > 0), `${rule.id}: a fixture that flags it`).toBe(true);
      expect(marks.some((n) => n === 0), `${rule.id}: a fixture that passes`).toBe(true);
    }
  });
});
