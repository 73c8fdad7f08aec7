/** Stage gates in pmo check: a project is held to the gates of its phase and of every earlier one. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { BUILTIN_RULES } from '../../src/rules/builtin/index.js';
import { asEntering } from '../../src/rules/gates.js';
import { makePortfolio, type Files } from '../helpers/repo.js';

const CLEAN = readFileSync(new URL('./clean-project.yaml', import.meta.url), 'utf8').replace('id: clean', 'id: apollo').replaceAll('records/clean/', 'records/apollo/');
const RECORDS = Object.fromEntries([...new Set(CLEAN.match(/records\/[\w./-]+\.\w+/g))].map((r) => [r, '# record\n']));
const PEOPLE = 'people:\n  - { id: jdoe, name: J }\n  - { id: asmith, name: A }\n  - { id: bkim, name: B }\n  - { id: cfo, name: C }\n';
const GATES = `version: 1
pmo_type: controlling
gates:
  planning: [charter-approved, sponsor-assigned]
  execution: [baseline-set, budget-approved]
  closing: [deliverables-accepted]
`;

async function run(project: string, files: Files = {}) {
  const dir = makePortfolio({ 'pmo.yaml': GATES, 'people.yaml': PEOPLE, ...RECORDS, 'projects/apollo.yaml': project, ...files });
  return (await check({ cwd: dir, today: '2026-11-20', cache: false })).findings;
}
const rows = (findings: Awaited<ReturnType<typeof run>>) => findings.map((f) => [f.file, f.line, f.rule, f.severity]);

describe('stage gates', () => {
  it('a project that passes every gate up to its phase has no gate finding', async () => {
    expect(await run(CLEAN)).toEqual([]);
  });

  it('a failing criterion of the current gate is a gate finding at the phase, beside the rule finding', async () => {
    const findings = await run(CLEAN.replace('  baseline: { by: asmith, on: 2026-04-10 }\n', ''));
    expect(rows(findings)).toEqual([
      ['projects/apollo.yaml', 7, 'gate/execution', 'error'],
      ['projects/apollo.yaml', 14, 'baseline-set', 'error'],
    ]);
    expect(findings[0]!.message).toBe(
      'baseline-set: the project is in execution but fails a criterion of the execution gate: the project is in execution but has no approvals.baseline: the sponsor has not signed off the baseline',
    );
  });

  it('earlier gates still hold in later phases; later gates do not apply yet', async () => {
    const noCharter = CLEAN.replace('  charter: { by: asmith, on: 2026-02-20 }\n', '');
    expect(rows(await run(noCharter)).filter(([, , rule]) => String(rule).startsWith('gate/'))).toEqual([
      ['projects/apollo.yaml', 7, 'gate/planning', 'error'],
    ]);
    // D2 is pending: the closing gate would fail, but the project is in execution.
    expect(rows(await run(CLEAN)).filter(([, , rule]) => rule === 'gate/closing')).toEqual([]);
  });

  it('a waived criterion passes its gate', async () => {
    const waivers = 'waivers:\n  - { rule: baseline-set, project: apollo, reason: Sign-off in the December board, approved_by: asmith, expires: 2027-01-31 }\n';
    const findings = await run(CLEAN.replace('  baseline: { by: asmith, on: 2026-04-10 }\n', ''), { 'waivers.yaml': waivers });
    expect(findings.filter((f) => !f.waived).map((f) => f.rule)).toEqual([]);
  });

  it('pmo.yaml gates name lifecycle phases and rules, with did-you-mean', async () => {
    const config = `${GATES}  closed: [lesons-recorded]\n  done: [final-report-filed]\n`;
    const findings = await run(CLEAN, { 'pmo.yaml': config });
    expect(findings.map((f) => [f.file, f.line, f.column, f.rule, f.message])).toEqual([
      ['pmo.yaml', 7, 12, 'gate/unknown-criterion', "gate 'closed' names 'lesons-recorded', which is not a rule; did you mean 'lessons-recorded'?: a criterion is the id of a built-in or custom rule (pmo rules lists them)"],
      ['pmo.yaml', 8, 3, 'gate/unknown-phase', "gate 'done' is not a phase of the lifecycle (initiation, planning, execution, closing, closed)"],
    ]);
  });
});

describe('a gate criterion judged for a phase to enter', () => {
  it('says what entering the phase needs, for every built-in message that names the phase', () => {
    // Each built-in message with {{phase}}, filled as a gate check fills it: the phase to enter.
    const filled = BUILTIN_RULES.flatMap((rule) => Object.values(rule.messages))
      .filter((m) => m.includes('{{phase}}'))
      .map((m) => m.replaceAll('{{phase}}', 'execution'));
    expect(filled.length).toBeGreaterThan(10);
    for (const message of filled) {
      const said = asEntering(message, 'execution');
      expect(said.startsWith('to enter execution, ')).toBe(true);
      expect(said).not.toMatch(/the project is (in )?execution/);
    }
    expect(asEntering('the project is in execution but has no dates.baseline_end: set it', 'execution')).toBe('to enter execution, the project has no dates.baseline_end: set it');
    expect(asEntering('the project is in execution and its risk register is empty; identify them', 'execution')).toBe('to enter execution, its risk register is empty; identify them');
    expect(asEntering('deliverable D1 "CRM" is pending and the project is in closing; accept it first', 'closing')).toBe('to enter closing, deliverable D1 "CRM" is pending; accept it first');
    expect(asEntering('milestone M3 "Go-live" has no baseline date, and the project is in execution: baseline it', 'execution')).toBe('to enter execution, milestone M3 "Go-live" has no baseline date: baseline it');
    expect(asEntering('the project is closed and has no actual end date (dates.actual_end)', 'closed')).toBe('to enter closed, the project has no actual end date (dates.actual_end)');
  });
});
