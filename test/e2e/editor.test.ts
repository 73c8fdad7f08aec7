/**
 * `pmo schema` against its real consumer: the schemas and the VS Code settings it writes, loaded by the real
 * yaml-language-server, put each schema error on the line (and column) where `pmo check` reports it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { makePortfolio, MINIMAL_CONFIG, PROJECT } from '../helpers/repo.js';
import { YamlLanguageServer, type Diagnostic } from '../helpers/yaml-language-server.js';

const SLOW = 90_000;

interface Finding {
  file: string;
  rule: string;
  line: number;
  column: number;
  message: string;
}

/** Writes the schemas and .vscode/settings.json, and starts the server with those very settings. */
async function editorOn(repo: string): Promise<YamlLanguageServer> {
  const run = pmo(['schema', '--vscode'], { cwd: repo });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const settings = JSON.parse(readFileSync(join(repo, '.vscode/settings.json'), 'utf8')) as Record<string, unknown>;
  return YamlLanguageServer.start(repo, { schemas: settings['yaml.schemas'] });
}

/** pmo check's schema findings in a file, as 0-based [line, column] like the editor's. */
function schemaFindings(repo: string, file: string): Array<[number, number, string]> {
  const run = pmo(['check', file, '--format', 'json', '--no-cache', '--today', '2026-11-20'], { cwd: repo });
  const findings = JSON.parse(run.stdout) as Finding[];
  return findings.filter((f) => f.rule.startsWith('schema/')).map((f) => [f.line - 1, f.column - 1, f.message]);
}

const at = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.range.start.line, d.range.start.character]).sort(byPosition);
const byPosition = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]!;

describe('the editor (yaml-language-server) with the schemas of pmo schema', () => {
  it(
    'reports a value out of range, a wrong type and a misspelt field where pmo check does; shows descriptions on hover',
    async () => {
      const project = PROJECT.replace('    impact: 4', '    impact: 7') // out of 1..5
        .replace('priority: 2', 'priority: high') // not a number
        .replace('  actual: 320000\n', '  actual: 320000\n  budjet: 10\n'); // a typo inside budget
      const repo = makePortfolio({ 'projects/apollo.yaml': project });
      const expected = schemaFindings(repo, 'projects/apollo.yaml');
      expect(expected.map(([line, , message]) => [line, message])).toEqual([
        [5, 'priority must be an integer from 1 to 5, got "high"'],
        [14, "unknown field 'budjet' in budget; remove it, or declare it under schema.project.properties in pmo.yaml if the PMO wants it"],
        [31, 'risk R1: impact must be an integer from 1 to 5, got 7'],
      ]);

      const editor = await editorOn(repo);
      try {
        const diagnostics = await editor.diagnostics('projects/apollo.yaml');
        // The editor names the schema by its title.
        expect(new Set(diagnostics.map((d) => d.source))).toEqual(new Set(['yaml-schema: pmo project (projects/<id>.yaml)']));
        expect(at(diagnostics)).toEqual(expected.map(([line, column]) => [line, column]));
        expect(diagnostics.map((d) => d.message).sort()).toEqual([
          'Incorrect type. Expected one of integer, null.',
          'Property budjet is not allowed.',
          'Value is above the maximum of 5.',
        ]);
        expect(await editor.hover('projects/apollo.yaml', 31, 5)).toContain('an integer from 1 to 5');
        // The other kinds are mapped too, and a clean file shows nothing.
        for (const clean of ['pmo.yaml', 'people.yaml', 'goals.yaml']) expect(await editor.diagnostics(clean)).toEqual([]);
      } finally {
        editor.close();
      }
    },
    SLOW,
  );

  it(
    "carries pmo.yaml's extensions: a missing required field and a custom field of the wrong type",
    async () => {
      const config = `${MINIMAL_CONFIG}schema:
  project:
    required: [department]
    properties:
      department: { enum: [IT, Finance, Sales] }
      headcount: { type: integer, minimum: 1 }
`;
      const repo = makePortfolio({
        'pmo.yaml': config,
        'projects/apollo.yaml': PROJECT.replace('priority: 2\n', 'priority: 2\nheadcount: many\n'),
        'projects/hermes.yaml': PROJECT.replace('id: apollo', 'id: hermes').replace('priority: 2\n', 'priority: 2\ndepartment: HR\n'),
      });
      const editor = await editorOn(repo);
      try {
        for (const file of ['projects/apollo.yaml', 'projects/hermes.yaml']) {
          const expected = schemaFindings(repo, file);
          const diagnostics = await editor.diagnostics(file);
          expect(diagnostics.length).toBeGreaterThan(0);
          expect(at(diagnostics)).toEqual(expected.map(([line, column]) => [line, column]));
        }
        expect(schemaFindings(repo, 'projects/apollo.yaml').map(([line, , message]) => [line, message])).toEqual([
          [0, "missing required field 'department'"],
          [6, 'headcount must be an integer of at least 1, got "many"'],
        ]);
        expect(schemaFindings(repo, 'projects/hermes.yaml').map(([line, , message]) => [line, message])).toEqual([
          [6, 'department must be one of IT, Finance, Sales, got "HR"'],
        ]);
      } finally {
        editor.close();
      }
    },
    SLOW,
  );
});
