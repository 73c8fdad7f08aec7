/**
 * Integrity across files, and against today and the file system: references to people, goals, projects and
 * record files, and actual dates that have not happened yet. Runs every time (cheap: map lookups), because
 * its answers change when another file does.
 */
import type { DataPath, RawFinding } from '../findings.js';
import { labelPath, subject } from './labels.js';
import { selectStrings } from './select.js';
import { didYouMean } from './suggest.js';
import type { Workspace } from './workspace.js';

export interface IntegrityContext {
  today: string;
  /** Whether a repo-relative path names an existing file (working tree, or a git tree for as-of runs). */
  exists: (path: string) => boolean;
}

const PROJECT_PEOPLE = [
  'manager', 'sponsor', 'budget.approved_by', 'approvals.*.by', 'risks.*.owner', 'issues.*.owner',
  'assumptions.*.owner', 'changes.*.decided_by', 'team.*.person', 'deliverables.*.acceptance.by', 'status.*.by',
];
const PROJECT_RECORDS = ['records.*', 'vendors.*.contract', 'deliverables.*.acceptance.record'];
const PROJECT_ACTUAL_DATES = [
  'dates.actual_end', 'milestones.*.actual', 'deliverables.*.acceptance.date', 'changes.*.decided_on',
  'approvals.*.on', 'status.*.date', 'revenue.*.invoiced', 'revenue.*.received', 'issues.*.resolved',
];

export function checkIntegrity(ws: Workspace, ctx: IntegrityContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const people = ws.people;
  const goals = ws.goals;

  const unknown = (rule: string, what: string, registry: string, known: Iterable<string>, hint = '') =>
    (file: string, data: unknown, path: DataPath, value: string, project?: string): RawFinding => {
      const label = labelPath(path, data);
      // `risk R1: owner 'xx'`, `manager 'xx'`; a bare list entry (goals: [G9]) is named by what it is.
      const named = label.field ? `${label.item ? `${label.item}: ` : ''}${label.field}` : what;
      return {
        rule,
        severity: 'error',
        message: `${named} '${value}' is not in ${registry}${didYouMean(value, known) || hint}`,
        file,
        at: { path },
        ...(project ? { project } : {}),
        ...(label.itemId ? { item: label.itemId } : {}),
      };
    };
  const unknownPerson = people && unknown('ref/unknown-person', 'person', 'people.yaml', people.keys(), '; add them to people.yaml or fix the id');
  const unknownGoal = goals && unknown('ref/unknown-goal', 'goal', 'goals.yaml', goals.keys());
  const unknownProject = unknown('ref/unknown-project', 'project', 'projects/', ws.projects.keys());

  for (const [id, { file, data }] of ws.projects) {
    if (unknownPerson) {
      for (const pattern of PROJECT_PEOPLE) {
        for (const ref of selectStrings(data, pattern)) {
          if (!people!.has(ref.value)) findings.push(unknownPerson(file, data, ref.path, ref.value, id));
        }
      }
    }
    if (unknownGoal) {
      for (const ref of selectStrings(data, 'goals.*')) {
        if (!goals!.has(ref.value)) findings.push(unknownGoal(file, data, ref.path, ref.value, id));
      }
    }
    for (const ref of selectStrings(data, 'dependencies.*.project')) {
      if (!ws.projects.has(ref.value)) findings.push(unknownProject(file, data, ref.path, ref.value, id));
    }
    for (const pattern of PROJECT_RECORDS) {
      for (const ref of selectStrings(data, pattern)) findings.push(...checkRecord(file, data, ref.path, ref.value, id, ctx));
    }
    for (const pattern of PROJECT_ACTUAL_DATES) {
      for (const ref of selectStrings(data, pattern)) {
        if (ref.value > ctx.today && /^\d{4}-\d{2}-\d{2}$/.test(ref.value)) {
          const label = labelPath(ref.path, data);
          findings.push({
            rule: 'dates/future',
            severity: 'error',
            message: `${subject(label)} ${ref.value} is after today (${ctx.today}): it records what happened, so it cannot be in the future; plans go in forecast fields`,
            file,
            at: { path: ref.path },
            project: id,
            ...(label.itemId ? { item: label.itemId } : {}),
          });
        }
      }
    }
  }

  for (const { file, data } of ws.requests.values()) {
    if (unknownPerson) for (const ref of selectStrings(data, 'requested_by')) {
      if (!people!.has(ref.value)) findings.push(unknownPerson(file, data, ref.path, ref.value));
    }
    if (unknownGoal) for (const ref of selectStrings(data, 'goals.*')) {
      if (!goals!.has(ref.value)) findings.push(unknownGoal(file, data, ref.path, ref.value));
    }
  }

  if (unknownPerson) {
    for (const file of ws.files) {
      const pattern = file.kind === 'goals' ? 'goals.*.owner' : file.kind === 'waivers' ? 'waivers.*.approved_by' : undefined;
      if (!pattern) continue;
      for (const ref of selectStrings(file.data, pattern)) {
        if (!people!.has(ref.value)) findings.push(unknownPerson(file.path, file.data, ref.path, ref.value));
      }
    }
  }
  return findings;
}

function checkRecord(file: string, data: unknown, path: DataPath, value: string, project: string, ctx: IntegrityContext): RawFinding[] {
  const label = labelPath(path, data);
  const base = { file, at: { path }, project, ...(label.itemId ? { item: label.itemId } : {}) };
  const where = path[0] === 'records' ? `record '${String(path[1])}': ` : `${label.item}: `;
  if (/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value) || value.split(/[\\/]/).includes('..')) {
    return [
      {
        ...base,
        rule: 'ref/record-outside-repo',
        severity: 'error',
        message: `${where}path '${value}' leaves the repository; record paths are relative to the repo root and stay inside it (e.g. records/${project}/charter.md)`,
      },
    ];
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || ctx.exists(value.replace(/^\.\//, ''))) return [];
  return [
    {
      ...base,
      rule: 'ref/missing-record',
      severity: 'error',
      message: `${where}file '${value}' does not exist in the repository; add the record or fix the path`,
    },
  ];
}

