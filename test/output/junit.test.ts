/** `pmo check --format junit`: valid by the JUnit schema Jenkins reads, and read back by a real XML parser (libxml2). */
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { TODAY, findingsRepo } from './portfolio.js';
import { XmlQuery, xsdErrors } from '../helpers/xml.js';

const XSD = new URL('../fixtures/schemas/jenkins-junit.xsd', import.meta.url).pathname;

/** The report of the findings repo. */
function junit(dir: string): string {
  const run = pmo(['check', '--today', TODAY, '--format', 'junit'], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  return run.stdout;
}

describe('pmo check --format junit', () => {
  it('validates against the Jenkins JUnit schema', () => {
    const report = junit(findingsRepo());
    expect(xsdErrors(report, XSD)).toBe('');
    // The schema is one that would object: a suite that does not say how many tests it holds is not JUnit.
    expect(xsdErrors(report.replace(/(<testsuite [^>]*?) tests="\d+"/, '$1'), XSD)).toMatch(/testsuite.*tests/);
  });

  it('has a suite per checked file, a passing case for a clean file, and a case per rule with findings', () => {
    const xml = new XmlQuery(junit(findingsRepo()));
    expect(xml.strings('//testsuite/@name')).toEqual(['pmo.yaml', 'people.yaml', 'goals.yaml', 'waivers.yaml', 'projects/apollo.yaml', 'rules/team.yaml']);
    expect(xml.string('//testsuite[@name="people.yaml"]/testcase/@name')).toBe('pmo check');
    expect(xml.count('//testsuite[@name="people.yaml"]//failure')).toBe(0);
    const apollo = '//testsuite[@name="projects/apollo.yaml"]';
    expect(xml.string(`concat(${apollo}/@tests, " ", ${apollo}/@failures, " ", ${apollo}/@skipped)`)).toBe('5 4 1');
    expect(xml.strings(`${apollo}/testcase/@name`)).toEqual(['schema/unknown-field', 'ref/unknown-person', 'budget-variance', 'risk-has-owner', 'risk-review-soon']);
    expect(xml.string(`${apollo}/testcase[@name="risk-has-owner"]/@classname`)).toBe('projects/apollo');
    expect(xml.string(`${apollo}/testcase[@name="ref/unknown-person"]/failure/@type`)).toBe('error');
    expect(xml.string('//testsuite[@name="waivers.yaml"]/testcase/failure/@type')).toBe('info');
    expect(xml.string('concat(/testsuites/@tests, " ", /testsuites/@failures)')).toBe('10 5');
  });

  it('a waived rule is a skipped case that says whose waiver until when', () => {
    const xml = new XmlQuery(junit(findingsRepo()));
    const testcase = '//testcase[@name="budget-variance"]';
    expect(xml.count(`${testcase}/failure`)).toBe(0);
    expect(xml.string(`${testcase}/skipped`)).toBe('waived until 2026-12-01 (approved by asmith): Steering committee accepted the overrun & more');
  });

  it('carries every message of a rule in a file, with its position, and markup and control characters survive as text', () => {
    const xml = new XmlQuery(junit(findingsRepo()));
    const failure = '//testcase[@name="risk-review-soon"]/failure';
    expect(xml.string(`${failure}/@message`)).toBe(`risk R1 <&"'> Key engineer leaves is next reviewed in 11 days (and 1 more)`);
    expect(xml.string(`${failure}`)).toBe(
      [
        `projects/apollo.yaml:31:5 warn risk R1 <&"'> Key engineer leaves is next reviewed in 11 days`,
        // The BEL (illegal in XML 1.0) is shown as \u0007; the line break in the title is kept.
        `projects/apollo.yaml:32:5 warn risk R2 <&"'> Supplier | <script>alert(1)</script> \\u0007late\nagain is next reviewed in 10 days`,
      ].join('\n'),
    );
  });
});
