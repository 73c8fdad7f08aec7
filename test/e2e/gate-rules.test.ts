/** pmo gate and pmo rules, run as a user would, on the bundled example. */
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { makePortfolio, MINIMAL_CONFIG, PROJECT } from '../helpers/repo.js';

const ACME = fileURLToPath(new URL('../../examples/acme', import.meta.url));
const AT = ['-C', ACME, '--today', '2026-11-20', '--no-cache'];

describe('pmo gate', () => {
  it('lists every criterion up to the next phase and exits 1 when one fails', () => {
    const run = pmo(['gate', 'crm-migration', ...AT]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 11)).toEqual([
      'crm-migration: readiness for closing (now in execution)',
      '',
      '  planning gate',
      '    ✔ charter-approved',
      '    ✔ sponsor-assigned',
      '  execution gate',
      '    ✔ baseline-set',
      '    ✔ risks-identified',
      '    ✔ budget-approved',
      '  closing gate',
      '    ✖ deliverables-accepted',
    ]);
    expect(run.stdout).toContain('deliverable D2 "Migrated accounts, contacts and open opportunities" is pending');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ not ready: 1 of 6 criteria fail');
  });

  it('exits 0 when every criterion passes, and speaks JSON', () => {
    const run = pmo(['gate', 'expense-app', '--to', 'closed', '-f', 'json', ...AT]);
    expect(run.code).toBe(0);
    const readiness = JSON.parse(run.stdout);
    expect(readiness).toMatchObject({ project: 'expense-app', phase: 'closing', target: 'closed', ready: true });
    expect(readiness.criteria.map((c: { criterion: string; passed: boolean }) => [c.criterion, c.passed])).toEqual([
      ['charter-approved', true], ['sponsor-assigned', true], ['baseline-set', true], ['risks-identified', true],
      ['budget-approved', true], ['deliverables-accepted', true], ['lessons-recorded', true], ['final-report-filed', true],
    ]);
  });

  it('a project whose file has schema errors cannot be judged: not ready, says why', () => {
    const run = pmo(['gate', 'iso27001', ...AT]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('projects/iso27001.yaml has 1 error: fix them first (pmo check projects/iso27001.yaml)');
  });

  it('warns of a gate criterion that always passes: turned off, or an opt-in rule not turned on', () => {
    const config = `${MINIMAL_CONFIG}gates:\n  execution: [cost-month-logged, baseline-set]\nrules:\n  baseline-set: off\n`;
    const dir = makePortfolio({ 'pmo.yaml': config, 'projects/apollo.yaml': PROJECT });
    const findings = JSON.parse(pmo(['check', '-C', dir, '--today', '2026-11-20', '-f', 'json']).stdout) as Array<{ rule: string; message: string }>;
    expect(findings.filter((f) => f.rule === 'gate/criterion-off').map((f) => f.message)).toEqual([
      "gate 'execution' relies on cost-month-logged, which is off until rules: turns it on (give it a severity): the criterion always passes",
      "gate 'execution' relies on baseline-set, which rules: turns off: the criterion always passes",
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('judges a project kept in a .yml file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pmo-gate-yml-'));
    cpSync(ACME, dir, { recursive: true });
    renameSync(join(dir, 'projects', 'crm-migration.yaml'), join(dir, 'projects', 'crm-migration.yml'));
    const run = pmo(['gate', 'crm-migration', '-C', dir, '--today', '2026-11-20', '--no-cache']);
    rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('crm-migration: readiness for closing (now in execution)');
    expect(run.stdout).toContain('✖ not ready: 1 of 6 criteria fail');
  });

  it('says what entering the phase needs, not that the project is already in it', () => {
    // apollo in planning, asked about execution: it has no approvals, so baseline-set fails on approvals.baseline
    const dir = makePortfolio({ 'pmo.yaml': `${MINIMAL_CONFIG}gates:\n  execution: [baseline-set]\n`, 'projects/apollo.yaml': PROJECT.replace('phase: execution', 'phase: planning') });
    const run = pmo(['gate', 'apollo', '--to', 'execution', '-C', dir, '--today', '2026-11-20']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('to enter execution, the project has no approvals.baseline: the sponsor has not signed off the baseline');
    expect(run.stdout).not.toContain('the project is in execution');
  });

  it('an unknown project or phase is exit 2 with a did-you-mean', () => {
    const project = pmo(['gate', 'crm-migraton', ...AT]);
    expect(project.code).toBe(2);
    expect(project.stderr).toBe("pmo: there is no project 'crm-migraton' (no projects/crm-migraton.yaml); did you mean 'crm-migration'?\n");
    const phase = pmo(['gate', 'crm-migration', '--to', 'closng', ...AT]);
    expect(phase.code).toBe(2);
    expect(phase.stderr).toContain("did you mean 'closing'?");
  });
});

describe('pmo rules', () => {
  it('lists every rule with the severity this PMO gives it', () => {
    const run = pmo(['rules', '-C', ACME, '-f', 'json']);
    expect(run.code).toBe(0);
    const rules = JSON.parse(run.stdout) as Array<{ id: string; severity: string; kind: string }>;
    const byId = Object.fromEntries(rules.map((r) => [r.id, r]));
    // acme is a controlling PMO that sets milestone-overdue to warn and status-fresh to error.
    expect(byId['milestone-overdue']!.severity).toBe('warn');
    expect(byId['budget-variance']!.severity).toBe('error');
    expect(byId['kpi-off-target']).toMatchObject({ severity: 'warn', kind: 'advisory' });
    expect(rules.length).toBeGreaterThanOrEqual(34);
  });

  it('outside a PMO repository shows the defaults of a supportive PMO', () => {
    const run = pmo(['rules', '-f', 'json'], { cwd: '/' });
    const rules = JSON.parse(run.stdout) as Array<{ id: string; severity: string }>;
    // Every rule warns, but an opt-in one, off until pmo.yaml turns it on, and a notice, info under every PMO type
    const special = new Set(['cost-month-logged', 'training-expiring']);
    expect(new Set(rules.filter((r) => !special.has(r.id)).map((r) => r.severity))).toEqual(new Set(['warn']));
    expect(rules.find((r) => r.id === 'cost-month-logged')?.severity).toBe('off');
    expect(rules.find((r) => r.id === 'training-expiring')).toMatchObject({ severity: 'info', kind: 'notice' });
  });

  it('explain prints the doc; an unknown id is exit 2 with a did-you-mean', () => {
    const doc = pmo(['rules', 'explain', 'status-fresh']);
    expect(doc.code).toBe(0);
    expect(doc.stdout.split('\n')[0]).toBe('A running project has a status update no older than the status age threshold.');
    const typo = pmo(['rules', 'explain', 'status-frsh']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("pmo: no rule 'status-frsh'; did you mean 'status-fresh'?\n");
  });
});
