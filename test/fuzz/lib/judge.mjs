/**
 * The contract a case is judged by: a problem in the data is a located finding; exit 2 only when pmo cannot do
 * its job (a broken pmo.yaml or rule file, named with its line); never an internal error, a stack trace, a
 * hang, or a write outside the repository. Reports and pmo status on the same input: exit 0 or 1, the broken
 * file listed as left out.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isConfigFile } from './cases.mjs';

export const TODAY = '2026-11-20';
export const TIME_LIMIT_MS = 10_000;

const STACK = /^\s+at .+(:\d+:\d+\)?|<anonymous>\)?)$/m;
const INTERNAL = /internal error|^uncaught/im;

/** Every path under a folder with what it is (links not followed), for "nothing changed here". */
export function snapshot(dir) {
  const out = {};
  const walk = (rel) => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      const stat = lstatSync(join(dir, path));
      if (stat.isSymbolicLink()) out[path] = `link ${readlinkSync(join(dir, path))}`;
      else if (stat.isDirectory()) (out[path] = 'dir'), walk(path);
      else if (stat.isFile()) out[path] = createHash('sha1').update(readFileSync(join(dir, path))).digest('hex');
      else out[path] = 'special';
    }
  };
  walk('');
  return out;
}

/** What changed between two snapshots, as `path` lines. */
export function changes(before, after) {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((p) => before[p] !== after[p]).sort();
}

/** A command's run judged alone: its problems, as short sentences. */
export function judgeRun(name, run, kase, limitMs = TIME_LIMIT_MS) {
  const problems = [];
  if (run.timedOut) return [`${name}: did not finish in ${limitMs / 1000} s`];
  if (run.crashed) return [`${name}: crashed: ${run.stderr}`];
  if (STACK.test(run.stderr) || INTERNAL.test(run.stderr)) problems.push(`${name}: internal error or stack trace: ${firstLines(run.stderr)}`);
  if (run.code === 2) {
    if (name === 'report project' && refusesBrokenProject(run.stderr, kase)) return problems;
    if (!isConfigFile(kase.file)) problems.push(`${name}: exit 2 for a problem in ${kase.file}, which is data: ${firstLines(run.stderr)}`);
    else if (!namesFile(run.stderr, kase)) problems.push(`${name}: exit 2 without naming ${kase.file}${kase.fs ? '' : ':line'}: ${firstLines(run.stderr)}`);
  } else if (run.code !== 0 && run.code !== 1) problems.push(`${name}: exit ${run.code}: ${firstLines(run.stderr)}`);
  if (run.ms > limitMs) problems.push(`${name}: took ${run.ms} ms`);
  return problems;
}

/** Exit 2 names the configuration file, and its line when the file's content is at fault. */
function namesFile(stderr, kase) {
  if (kase.fs?.kind === 'link') return stderr.includes(kase.file);
  return new RegExp(`${kase.file.replace(/[.]/g, '\\.')}:\\d+`).test(stderr);
}

/**
 * `pmo report project <id>` of a broken project has nothing to report: it says so and which file to fix. The
 * project is broken by its own mutation, or by one of pmo.yaml that changed what its file must hold.
 */
const refusesBrokenProject = (stderr, kase) =>
  stderr.includes(`${kase.file} cannot be reported`) || (kase.file === 'pmo.yaml' && BROKEN_PROJECT.test(stderr));
const BROKEN_PROJECT = /^pmo: projects\/[^\s]+\.ya?ml cannot be reported: it has \d+ YAML or schema errors?/m;

const firstLines = (text) => text.split('\n').slice(0, 4).join(' | ').slice(0, 400);

/** The JSON findings of `pmo check`: parsed, each with a file and a line and column from 1. */
export function judgeFindings(run) {
  if (run.code !== 0 && run.code !== 1) return { problems: [], findings: [] };
  let findings;
  try {
    findings = JSON.parse(run.stdout);
  } catch (error) {
    return { problems: [`check: stdout is not JSON (${error.message})`], findings: [] };
  }
  if (!Array.isArray(findings)) return { problems: ['check: the JSON is not a list of findings'], findings: [] };
  const unlocated = findings.filter((f) => !located(f));
  const problems = unlocated.slice(0, 3).map((f) => `check: unlocated finding ${JSON.stringify(f).slice(0, 300)}`);
  if (unlocated.length > 3) problems.push(`check: ... and ${unlocated.length - 3} more unlocated findings`);
  return { problems, findings };
}

const located = (f) =>
  typeof f?.file === 'string' && f.file !== '' && !f.file.startsWith('/') && !f.file.split('/').includes('..') && Number.isInteger(f.line) && f.line >= 1 && Number.isInteger(f.column) && f.column >= 1;

/** Files whose data a report cannot use: an error from the YAML or the schema checks. */
export const brokenFiles = (findings) => new Set(findings.filter((f) => f.severity === 'error' && !f.waived && /^(yaml|schema)\//.test(f.rule)).map((f) => f.file));

/** The weekly report (JSON) lists every broken data file as left out. */
export function judgeLeftOut(run, broken) {
  if (run.code !== 0 && run.code !== 1) return [];
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch (error) {
    return [`report weekly: stdout is not JSON (${error.message})`];
  }
  const listed = new Set((report.left_out ?? []).map((l) => l.file));
  const dataFile = (file) => /^(projects|requests)\/|^(people|goals|waivers)\.yaml$/.test(file);
  return [...broken].filter((file) => dataFile(file) && !listed.has(file)).map((file) => `report weekly: ${file} has YAML or schema errors but is not listed as left out`);
}
