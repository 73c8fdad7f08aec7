import { describe, expect, it } from 'vitest';
import { complianceSummary } from '../../src/metrics/compliance.js';
import type { Finding, Severity } from '../../src/findings.js';

const finding = (file: string, rule: string, severity: Severity, waived = false): Finding => ({
  file, line: 1, column: 1, endLine: 1, endColumn: 2, rule, severity, message: `${rule} in ${file}`,
  ...(waived ? { waived: { reason: 'steering committee', approved_by: 'cfo', expires: '2026-12-31' } } : {}),
});

const projects = [
  { id: 'apollo', manager: 'jdoe', department: 'IT', path: 'projects/apollo.yaml' },
  { id: 'hermes', manager: 'jdoe', department: 'Finance', path: 'projects/hermes.yaml' },
  { id: 'zeus', manager: 'bkim', department: 'IT', path: 'projects/zeus.yaml' },
  { id: 'nyx', manager: 'bkim', path: 'projects/nyx.yaml' }, // no department
  { id: 'eos', manager: 'asmith', department: 42, path: 'projects/eos.yaml' }, // not text: no department
];

const findings: Finding[] = [
  finding('projects/apollo.yaml', 'risk-has-owner', 'error'),
  finding('projects/apollo.yaml', 'ref/unknown-person', 'error'),
  finding('projects/apollo.yaml', 'status-fresh', 'warn'),
  finding('projects/apollo.yaml', 'kpi-off-target', 'info'),
  finding('projects/apollo.yaml', 'budget-variance', 'error', true),
  finding('projects/hermes.yaml', 'status-fresh', 'warn'),
  ...Array.from({ length: 11 }, () => finding('projects/zeus.yaml', 'milestone-overdue', 'error')),
  finding('projects/eos.yaml', 'status-fresh', 'warn'),
  finding('projects/eos.yaml', 'kpi-off-target', 'info'),
  finding('people.yaml', 'ref/unknown-person', 'error'), // no project's file: counts for its rule only
];

describe('complianceSummary', () => {
  const summary = complianceSummary(findings, projects);

  it('scores each project: 100 - 10 x errors - 3 x warnings - 1 x info, at least 0, waived free; worst first', () => {
    // apollo: 100 - 20 - 3 - 1 = 76 (the waived error costs nothing)
    // hermes: 100 - 3 = 97;  zeus: 100 - 110 -> 0;  nyx: 100;  eos: 100 - 3 - 1 = 96
    expect(summary.projects).toEqual([
      { project: 'zeus', manager: 'bkim', department: 'IT', errors: 11, warnings: 0, infos: 0, waived: 0, score: 0 },
      { project: 'apollo', manager: 'jdoe', department: 'IT', errors: 2, warnings: 1, infos: 1, waived: 1, score: 76 },
      { project: 'eos', manager: 'asmith', department: null, errors: 0, warnings: 1, infos: 1, waived: 0, score: 96 },
      { project: 'hermes', manager: 'jdoe', department: 'Finance', errors: 0, warnings: 1, infos: 0, waived: 0, score: 97 },
      { project: 'nyx', manager: 'bkim', department: null, errors: 0, warnings: 0, infos: 0, waived: 0, score: 100 },
    ]);
  });

  it('ranks managers by the mean of their projects', () => {
    // asmith: eos 96;  jdoe: (76 + 97) / 2 = 86.5;  bkim: (0 + 100) / 2 = 50
    expect(summary.managers).toEqual([
      { manager: 'asmith', projects: 1, errors: 0, warnings: 1, score: 96, rank: 1 },
      { manager: 'jdoe', projects: 2, errors: 2, warnings: 2, score: 86.5, rank: 2 },
      { manager: 'bkim', projects: 2, errors: 11, warnings: 0, score: 50, rank: 3 },
    ]);
  });

  it('ranks departments, and shows the projects with none unranked and last', () => {
    // Finance: hermes 97;  IT: apollo and zeus, (76 + 0) / 2 = 38, 2 + 11 errors, 1 + 0 warnings;
    // none: nyx 100 and eos 96 -> 98, 0 + 1 warnings, not ranked
    expect(summary.departments).toEqual([
      { department: 'Finance', projects: 1, errors: 0, warnings: 1, score: 97, rank: 1 },
      { department: 'IT', projects: 2, errors: 13, warnings: 1, score: 38, rank: 2 },
      { department: null, projects: 2, errors: 0, warnings: 1, score: 98, rank: null },
    ]);
  });

  it('counts findings per rule, most errors first', () => {
    // ref/unknown-person: 2 errors (apollo, people.yaml), 1 project; budget-variance: only waived, 0 projects
    expect(summary.rules).toEqual([
      { rule: 'milestone-overdue', errors: 11, warnings: 0, infos: 0, waived: 0, projects: 1 },
      { rule: 'ref/unknown-person', errors: 2, warnings: 0, infos: 0, waived: 0, projects: 1 },
      { rule: 'risk-has-owner', errors: 1, warnings: 0, infos: 0, waived: 0, projects: 1 },
      { rule: 'status-fresh', errors: 0, warnings: 3, infos: 0, waived: 0, projects: 3 },
      { rule: 'kpi-off-target', errors: 0, warnings: 0, infos: 2, waived: 0, projects: 2 },
      { rule: 'budget-variance', errors: 0, warnings: 0, infos: 0, waived: 1, projects: 0 },
    ]);
  });

  it('shares ranks between equal scores (1, 1, 3)', () => {
    // ann and bob: clean, 100 each; cy: one warning, 97
    const ties = complianceSummary([finding('projects/c.yaml', 'status-fresh', 'warn')], [
      { id: 'b', manager: 'bob', path: 'projects/b.yaml' },
      { id: 'a', manager: 'ann', path: 'projects/a.yaml' },
      { id: 'c', manager: 'cy', path: 'projects/c.yaml' },
    ]);
    expect(ties.managers.map((m) => [m.rank, m.manager, m.score])).toEqual([[1, 'ann', 100], [1, 'bob', 100], [3, 'cy', 97]]);
    expect(ties.departments).toEqual([{ department: null, projects: 3, errors: 0, warnings: 1, score: 99, rank: null }]);
  });
});
