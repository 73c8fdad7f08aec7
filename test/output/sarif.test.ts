/** `pmo check --format sarif`: valid against the official SARIF 2.1.0 schema, and saying what GitHub needs. */
import { readFileSync } from 'node:fs';
import draft04 from 'ajv-draft-04';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { TODAY, findingsRepo } from './portfolio.js';

const schema = JSON.parse(readFileSync(new URL('../fixtures/schemas/sarif-2.1.0.json', import.meta.url), 'utf8'));
// CommonJS packages: under NodeNext their default export is the module object.
const [Ajv, addFormats] = [draft04.default, formats.default];
// The schema's `language` pattern (`...[a-zA-Z]{2}]?$`) is not valid with the u flag, which ajv uses by default.
const validate = addFormats(new Ajv({ strict: false, allErrors: true, unicodeRegExp: false })).compile(schema);
const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
const DOCS = `https://github.com/pmo-cli/pmo/blob/v${VERSION}/docs`;

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }>;
  partialFingerprints: Record<string, string>;
  suppressions?: unknown[];
}

function sarifOf(dir: string) {
  const run = pmo(['check', '--today', TODAY, '--format', 'sarif'], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  return JSON.parse(run.stdout);
}

describe('pmo check --format sarif', () => {
  it('is valid SARIF 2.1.0 by the official schema', () => {
    const log = sarifOf(findingsRepo());
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
  });

  it('describes each rule that has findings once: built-in, loader, waiver and the PMO’s own', () => {
    const { driver } = sarifOf(findingsRepo()).runs[0].tool;
    expect([driver.name, driver.version, driver.informationUri]).toEqual(['pmo', VERSION, 'https://github.com/pmo-cli/pmo#readme']);
    const rules = Object.fromEntries(driver.rules.map((r: { id: string }) => [r.id, r]));
    expect(Object.keys(rules).sort()).toEqual(
      ['budget-variance', 'ref/unknown-person', 'risk-has-owner', 'risk-review-soon', 'schema/unknown-field', 'waiver/expiring'].sort(),
    );
    expect(rules['risk-has-owner']).toEqual({
      id: 'risk-has-owner',
      shortDescription: { text: 'Every open risk has an owner.' },
      help: { text: expect.stringMatching(/^Set `owner` to the person/) },
      helpUri: `${DOCS}/rules.md#risk-has-owner`,
    });
    expect(rules['ref/unknown-person']).toEqual({
      id: 'ref/unknown-person',
      shortDescription: { text: 'A person id (manager, sponsor, owner, team member, approver...) is not in people.yaml.' },
      help: { text: 'Add the person or fix the id.' },
      helpUri: `${DOCS}/checks.md`,
    });
    expect(rules['risk-review-soon']).toEqual({
      id: 'risk-review-soon',
      shortDescription: { text: 'Open risks are reviewed at least every 5 days.' },
      help: { text: expect.stringContaining('rules/team.yaml') },
    });
  });

  it('gives each finding its rule, level, message and region; a waived one is suppressed with the waiver', () => {
    const run = sarifOf(findingsRepo()).runs[0];
    const results: Result[] = run.results;
    const brief = results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region.startLine, Boolean(r.suppressions)]);
    expect(brief).toEqual([
      ['schema/unknown-field', 'warning', 5, false],
      ['ref/unknown-person', 'error', 7, false],
      ['budget-variance', 'error', 21, true],
      ['risk-has-owner', 'error', 31, false],
      ['risk-review-soon', 'warning', 31, false],
      ['risk-review-soon', 'warning', 32, false],
      ['waiver/expiring', 'note', 2, false],
    ]);
    for (const r of results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(results[1]).toMatchObject({
      message: { text: "sponsor 'asmyth' is not in people.yaml; did you mean 'asmith'?" },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'projects/apollo.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 7, startColumn: 10, endLine: 7, endColumn: 16 },
          },
        },
      ],
    });
    expect(results[2]!.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'Steering committee accepted the overrun & more', properties: { approvedBy: 'asmith', expires: '2026-12-01' } },
    ]);
    const fingerprints = results.map((r) => r.partialFingerprints['pmoFinding/v2']);
    expect(new Set(fingerprints).size).toBe(results.length);
  });

  it('percent-encodes file names into URI references, and says so when there is nothing to report', () => {
    const dir = findingsRepo({ 'projects/apollo.yaml': 'id: apollo\n', 'projects/q#1 100%.yaml': 'id: "q#1 100%"\n' });
    const uris = sarifOf(dir).runs[0].results.map((r: Result) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('projects/q%231%20100%25.yaml');
    const clean = pmo(['check', '--today', TODAY, '--format', 'sarif', '--no-rules', 'people.yaml'], { cwd: findingsRepo() });
    const log = JSON.parse(clean.stdout);
    expect(validate(log)).toBe(true);
    expect([log.runs[0].results, log.runs[0].tool.driver.rules]).toEqual([[], []]);
  });
});
