/**
 * JUnit XML, what Jenkins and GitLab show as test results: a test suite per checked file, a test case per rule
 * that has findings in it (a file without findings has one passing case, `pmo check`, so it shows as passed),
 * with one <failure> carrying every message of that rule in that file. Warnings and infos are failures too
 * (type says which): --fail-on decides whether the job fails, the report shows all. A rule whose findings in a
 * file are all waived is a skipped case; waived findings beside open ones are left out of the failure.
 */
import { groupByFile, SEVERITY_RANK, type Finding } from '../../findings.js';
import { showControls } from '../controls.js';
import type { Formatter } from './types.js';
import { YAML_FILE } from '../../layout.js';

/** Besides control characters, what XML 1.0 cannot carry at all: lone surrogates, U+FFFE and U+FFFF. */
const ILLEGAL = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

const legal = (text: string) => showControls(text).replace(ILLEGAL, '\ufffd');

/** Text content; a CR would be read back as a newline, so it is a character reference. */
const text = (value: string) => legal(value).replace(/[&<>"'\r]/g, (c) => ESCAPES[c]!);

/** Attribute values: besides text's escapes, tabs and newlines, which attribute normalization turns into spaces. */
const attr = (value: string) => text(value).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

interface Case {
  rule: string;
  open: Finding[];
  waived: Finding[];
}

function casesOf(findings: readonly Finding[]): Case[] {
  const byRule = new Map<string, Case>();
  for (const f of findings) {
    const c = byRule.get(f.rule) ?? { rule: f.rule, open: [], waived: [] };
    (f.waived ? c.waived : c.open).push(f);
    byRule.set(f.rule, c);
  }
  return [...byRule.values()];
}

/**
 * Jenkins reads a classname as package.Class and would show `projects/apollo.yaml` as class `yaml`: like
 * ESLint's junit format, the classname is the file without its extension (the suite's name keeps it).
 */
const classname = (file: string) => attr(file.replace(YAML_FILE, ''));

function testcase(file: string, c: Case): string {
  const open = `    <testcase name="${attr(c.rule)}" classname="${classname(file)}"`;
  if (c.open.length === 0) {
    const w = c.waived[0]!.waived!;
    const why = `waived until ${w.expires} (approved by ${w.approved_by}): ${w.reason}`;
    return `${open}>\n      <skipped>${text(why)}</skipped>\n    </testcase>`;
  }
  const worst = c.open.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
  const more = c.open.length > 1 ? ` (and ${c.open.length - 1} more)` : '';
  const lines = c.open.map((f) => `${file}:${f.line}:${f.column} ${f.severity} ${f.message}`).join('\n');
  return `${open}>\n      <failure message="${attr(c.open[0]!.message + more)}" type="${worst.severity}">${text(lines)}</failure>\n    </testcase>`;
}

export const junit: Formatter = (findings, { files }) => {
  // A finding in a file outside `files` cannot happen today; it must still be reported if it ever does.
  const byFile = groupByFile(findings, files);
  let [tests, failures] = [0, 0];
  const suites = [...byFile].map(([file, list]) => {
    const cases = casesOf(list);
    const failed = cases.filter((c) => c.open.length > 0).length;
    const waived = cases.length - failed;
    tests += Math.max(cases.length, 1);
    failures += failed;
    const body = cases.length ? cases.map((c) => testcase(file, c)) : [`    <testcase name="pmo check" classname="${classname(file)}"/>`];
    const counts = `tests="${Math.max(cases.length, 1)}" failures="${failed}" errors="0" skipped="${waived}"`;
    return [`  <testsuite name="${attr(file)}" ${counts}>`, ...body, '  </testsuite>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pmo check" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
