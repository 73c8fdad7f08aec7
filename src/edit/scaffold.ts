/**
 * `pmo init`: the files of a new PMO repository. pmo.yaml explains each setting in comments, with the
 * defaults of the PMO type chosen; people.yaml and goals.yaml hold placeholders the example project refers
 * to, so that `pmo check` passes on the new repository from the first minute.
 */
import { DEFAULT_THRESHOLDS, type PmoType } from '../model/config.js';
import { scalarText } from './render.js';

export const PMO_TYPES = ['supportive', 'controlling', 'directive'] as const;

const THRESHOLD_NOTES: Record<keyof typeof DEFAULT_THRESHOLDS, string> = {
  status_max_age_days: 'a status update older than this is stale',
  budget_variance_pct: 'forecast cost vs approved budget (baseline + approved changes), in percent',
  schedule_slip_days: 'forecast end vs approved end (baseline end + approved changes), in days',
  risk_high_exposure: 'probability x impact (1..5 x 1..5) from which a risk is high',
  allocation_max_pct: "a person's default capacity (percent of a week)",
  evm_min_index: 'CPI / SPI below this while reported green is a finding',
  issue_escalation_days: 'an open issue older than this must be escalated',
  change_decision_days: 'a proposed change waiting longer than this is a finding',
  invoice_payment_days: 'invoiced but unpaid after this is revenue leakage',
  waiver_warning_days: 'a waiver expiring within this is announced',
  milestone_slip_days: "a milestone's forecast later than its baseline by more than this is a finding",
  tcpi_max: 'a TCPI above this (the efficiency the rest of the work needs to stay in budget) is a finding',
  finding_action_days: 'an audit finding with no action this many days after the audit is a finding',
  action_verify_days: 'a done audit action not verified within this many days is a finding',
  audit_every_days: 'every active project is audited at least this often (0: no audit frequency set)',
};

const TYPE_NOTES: Record<PmoType, string[]> = {
  supportive: ['# A supportive PMO offers templates and practices: rule findings are warnings, and', '# CI does not fail on them.'],
  controlling: ['# A controlling PMO enforces its method: governance rules are errors (CI fails on', '# them); advisory rules warn.'],
  directive: ['# A directive PMO runs the projects: every rule is an error, and the stage gates', '# block phase changes (pmo update --phase refuses one that fails its gate).'],
};

export function pmoYaml(type: PmoType, organization: string, currency: string): string {
  const width = Math.max(...Object.keys(DEFAULT_THRESHOLDS).map((k) => k.length)) + 2;
  const thresholds = Object.entries(DEFAULT_THRESHOLDS).map(([key, value]) => `  ${`${key}: ${value}`.padEnd(width + 5)}# ${THRESHOLD_NOTES[key as keyof typeof DEFAULT_THRESHOLDS]}`);
  const gates =
    type === 'supportive'
      ? [
          '# Stage gates: the criteria (rule ids) a project must pass to be in a phase or any',
          '# later one; `pmo gate <project>` shows its readiness. None yet; for example:',
          'gates: {}',
          '#  planning:  [charter-approved, sponsor-assigned]',
          '#  closed:    [lessons-recorded, final-report-filed]',
        ]
      : [
          '# Stage gates: the criteria (rule ids) a project must pass to be in a phase or any',
          '# later one; `pmo gate <project>` shows its readiness for the next one.',
          'gates:',
          '  planning:  [charter-approved, sponsor-assigned]',
          '  execution: [baseline-set, risks-identified, budget-approved]',
          '  closing:   [deliverables-accepted]',
          '  closed:    [lessons-recorded, final-report-filed]',
        ];
  const records =
    type === 'supportive'
      ? ['# Record management: the records every project keeps, by phase. None required yet.', 'records: {}']
      : ['# Record management: the records every project keeps (under its records:), by phase.', 'records:', '  planning:  [charter]', '  closed:    [acceptance, final_report]'];
  return [
    `# ${organization} project management office: the portfolio's configuration.`,
    '# This file marks the root of the PMO repository: pmo finds it by walking up from the',
    '# current directory. docs/format.md describes every setting.',
    'version: 1',
    `organization: ${scalarText(organization)}`,
    '',
    ...TYPE_NOTES[type],
    '# The types: supportive | controlling | directive.',
    `pmo_type: ${type}`,
    `currency: ${currency}                  # the currency of budgets (a project may set its own)`,
    '',
    '# The phases every project goes through, in order.',
    'lifecycle: [initiation, planning, execution, closing, closed]',
    '',
    ...gates,
    '',
    '# Tolerances (the defaults).',
    'thresholds:',
    ...thresholds,
    '',
    '# Severity overrides for any rule or check: error | warn | info | off. `pmo rules` lists',
    '# the rules with the severity they have here. For example:',
    'rules: {}',
    '#  status-fresh: error',
    '#  milestone-overdue: warn',
    '',
    ...(type === 'directive' ? ['# Rules no waiver can silence.', 'locked: [records-present]', ''] : []),
    "# The PMO's own rules (CEL expressions), see docs/format.md.",
    'rulesets: [rules/*.yaml]',
    '',
    '# Intake: weighted scoring of requests (a negative weight: lower is better).',
    'intake:',
    '  weights: { value: 3, alignment: 3, urgency: 2, risk: -1 }',
    '',
    ...records,
    '',
    '# Capacity planning (pmo report capacity): full-time people of a role beside those people.yaml',
    '# names, and the project fields the scorecards compare by, besides department, sponsor and goal.',
    '# capacity:',
    '#   roles: { Software engineer: 2 }',
    '# segments: [priority]',
    '',
    '# The training plan (docs/trainings.md): which trainings count, of whom, for how long.',
    '# trainings:',
    '#   required:',
    '#     - { name: Risk management, valid_months: 24, roles: [Project manager] }',
    '',
    "# The PMO's own project fields (JSON Schema, written in YAML). For example:",
    '# schema:',
    '#   project:',
    '#     required: [department]',
    '#     properties:',
    '#       department: { enum: [IT, Finance, Operations] }',
    '',
  ].join('\n');
}

export const PEOPLE_YAML = `# The people of the portfolio: project managers, sponsors, team members.
# Replace these placeholders with your own (the example project refers to them).
people:
  - id: example-pm
    name: Example Project Manager
    role: Project manager
    capacity: 100              # percent of a full-time week available for projects
  - id: example-sponsor
    name: Example Sponsor
    role: Sponsor
`;

export const GOALS_YAML = `# Strategic goals that projects align to (a project lists their ids under goals:).
goals:
  - { id: G1, title: Replace this with the organisation's first strategic goal }
`;

export const WAIVERS_YAML = `# Approved, expiring exceptions to rules. A waiver hides one rule's findings for a
# project until it expires. For example:
#  - rule: budget-variance
#    project: example
#    reason: Re-baselined by the steering committee
#    approved_by: example-sponsor
#    expires: 2026-12-31
waivers: []
`;

/** The values the example project is created with, through the project template. */
export const EXAMPLE_PROJECT = {
  id: 'example',
  values: { name: 'Example project', description: 'A first project to show the format; rename it, or delete it.', manager: 'example-pm', sponsor: 'example-sponsor', goals: ['G1'] },
};
