/** The bundled example shows exactly the problems examples/acme/README.md documents. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';

const ACME = fileURLToPath(new URL('../../examples/acme', import.meta.url));

describe('examples/acme', () => {
  it('reports the documented problems, at their lines, with the documented severities and waivers', () => {
    const run = pmo(['check', '-C', ACME, '--today', '2026-11-20', '--format', 'json', '--no-cache']);
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as Array<{ file: string; line: number; rule: string; severity: string; waived?: unknown }>;
    expect(findings.map((f) => [f.file, f.line, f.rule, f.severity, Boolean(f.waived)])).toEqual([
      ['audits/2026-q3.yaml', 29, 'audit-finding-recurring', 'error', false],
      ['audits/2026-q3.yaml', 43, 'audit-action-overdue', 'error', false],
      ['people.yaml', 63, 'training-required', 'warn', false],
      ['people.yaml', 89, 'training-expiring', 'info', false],
      ['projects/brightmart-edi.yaml', 38, 'schema/invalid-date', 'error', false],
      ['projects/crm-migration.yaml', 3, 'manager-training', 'error', false],
      ['projects/crm-migration.yaml', 22, 'tcpi-achievable', 'warn', false],
      ['projects/crm-migration.yaml', 23, 'budget-variance', 'error', true],
      ['projects/crm-migration.yaml', 47, 'milestone-overdue', 'warn', false],
      ['projects/crm-migration.yaml', 133, 'allocation-over-capacity', 'error', false],
      ['projects/data-platform.yaml', 22, 'tcpi-achievable', 'warn', false],
      ['projects/data-platform.yaml', 23, 'budget-variance', 'error', false],
      ['projects/data-platform.yaml', 115, 'large-change-cfo-decision', 'error', false],
      ['projects/data-platform.yaml', 125, 'allocation-over-capacity', 'error', false],
      ['projects/expense-app.yaml', 112, 'kpi-off-target', 'warn', false],
      ['projects/expense-app.yaml', 113, 'kpi-off-target', 'warn', false],
      ['projects/expense-app.yaml', 114, 'kpi-off-target', 'warn', false],
      ['projects/expense-app.yaml', 122, 'ref/missing-record', 'error', false],
      ['projects/fast-close.yaml', 72, 'ref/unknown-person', 'error', false],
      ['projects/iso27001.yaml', 73, 'schema/invalid-value', 'error', false],
      ['projects/nordwind-portal.yaml', 89, 'high-risk-has-mitigation', 'error', false],
      ['projects/nordwind-portal.yaml', 89, 'risk-high-exposure-mitigation', 'error', false],
      ['projects/nordwind-portal.yaml', 143, 'revenue-invoice-unpaid', 'error', false],
      ['projects/route-optimization.yaml', 111, 'vendor-contract', 'error', true],
      ['projects/route-optimization.yaml', 146, 'status-fresh', 'error', false],
      ['projects/wms-upgrade.yaml', 67, 'schema/unknown-field', 'warn', false],
      ['waivers.yaml', 19, 'waiver/expiring', 'info', false],
    ]);
  });
});
