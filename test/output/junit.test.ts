/** `pmo check --format junit`: valid by the JUnit schema Jenkins reads, and read back by a real XML parser (xmllint). */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { TODAY, findingsRepo } from './portfolio.js';
import { toolMissing } from '../helpers/tools.js';

const missing = toolMissing('xmllint', 'libxml2-utils', 'the JUnit schema tests') !== undefined;

const XSD = new URL('../fixtures/schemas/jenkins-junit.xsd', import.meta.url).pathname;

/** The report of the findings repo, written to a file for xmllint. */
function junitFile(dir: string): string {
  const run = pmo(['check', '--today', TODAY, '--format', 'junit'], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  const file = join(dir, 'junit.xml');
  writeFileSync(file, run.stdout);
  return file;
}

/** What xmllint's XPath gives, without the newline it ends its output with. */
const xpath = (file: string, expression: string) => execFileSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' }).replace(/\n$/, '');

describe.skipIf(missing)('pmo check --format junit', () => {
  it('validates against the Jenkins JUnit schema', () => {
    const file = junitFile(findingsRepo());
    const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    expect(lint.stderr).toBe(`${file} validates\n`);
    expect(lint.status).toBe(0);
  });

  it('has a suite per checked file, a passing case for a clean file, and a case per rule with findings', () => {
    const file = junitFile(findingsRepo());
    const suites = xpath(file, '//testsuite/@name').match(/name="[^"]*"/g);
    expect(suites).toEqual(['pmo.yaml', 'people.yaml', 'goals.yaml', 'waivers.yaml', 'projects/apollo.yaml', 'rules/team.yaml'].map((n) => `name="${n}"`));
    expect(xpath(file, 'string(//testsuite[@name="people.yaml"]/testcase/@name)')).toBe('pmo check');
    expect(xpath(file, 'count(//testsuite[@name="people.yaml"]//failure)')).toBe('0');
    const apollo = '//testsuite[@name="projects/apollo.yaml"]';
    expect(xpath(file, `concat(${apollo}/@tests, " ", ${apollo}/@failures, " ", ${apollo}/@skipped)`)).toBe('5 4 1');
    expect(xpath(file, `${apollo}/testcase/@name`).match(/name="[^"]*"/g)).toEqual(
      ['schema/unknown-field', 'ref/unknown-person', 'budget-variance', 'risk-has-owner', 'risk-review-soon'].map((n) => `name="${n}"`),
    );
    expect(xpath(file, `string(${apollo}/testcase[@name="risk-has-owner"]/@classname)`)).toBe('projects/apollo');
    expect(xpath(file, `string(${apollo}/testcase[@name="ref/unknown-person"]/failure/@type)`)).toBe('error');
    expect(xpath(file, 'string(//testsuite[@name="waivers.yaml"]/testcase/failure/@type)')).toBe('info');
    expect(xpath(file, 'concat(/testsuites/@tests, " ", /testsuites/@failures)')).toBe('10 5');
  });

  it('a waived rule is a skipped case that says whose waiver until when', () => {
    const file = junitFile(findingsRepo());
    const testcase = '//testcase[@name="budget-variance"]';
    expect(xpath(file, `count(${testcase}/failure)`)).toBe('0');
    expect(xpath(file, `string(${testcase}/skipped)`)).toBe('waived until 2026-12-01 (approved by asmith): Steering committee accepted the overrun & more');
  });

  it('carries every message of a rule in a file, with its position, and markup and control characters survive as text', () => {
    const file = junitFile(findingsRepo());
    const failure = '//testcase[@name="risk-review-soon"]/failure';
    expect(xpath(file, `string(${failure}/@message)`)).toBe(`risk R1 <&"'> Key engineer leaves is next reviewed in 11 days (and 1 more)`);
    expect(xpath(file, `string(${failure})`)).toBe(
      [
        `projects/apollo.yaml:31:5 warn risk R1 <&"'> Key engineer leaves is next reviewed in 11 days`,
        // The BEL (illegal in XML 1.0) is shown as \u0007; the line break in the title is kept.
        `projects/apollo.yaml:32:5 warn risk R2 <&"'> Supplier | <script>alert(1)</script> \\u0007late\nagain is next reviewed in 10 days`,
      ].join('\n'),
    );
  });
});
