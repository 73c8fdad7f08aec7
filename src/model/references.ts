/**
 * What a file says about other files: the ids it defines (people, goals) and the references it makes
 * (people, goals, projects, record files, and actual dates to hold against today).
 *
 * A portfolio makes tens of references per project, and a warm check must resolve them all without the
 * files' data. So the cache keeps only each file's FACTS: the distinct values it refers to, and its latest
 * actual date. Only a file with a broken reference is parsed again, for the paths and words of its
 * REFERENCES (`risk R1: owner 'jdo'`), which are cached with it.
 */
import { fingerprints } from '../output/fingerprint.js';
import type { DataPath } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import { isRecord, labelPath, subject as subjectOf } from './labels.js';
import { eachString, selectStrings } from './select.js';
import { isRealDate } from './dates.js';

export type ReferenceKind = 'person' | 'goal' | 'project' | 'record' | 'actual-date';
export type ValueKind = Exclude<ReferenceKind, 'actual-date'>;

/** One reference, located and worded: `subject` names its place (`risk R1: owner`, `record 'charter'`). */
export interface Reference {
  kind: ReferenceKind;
  path: DataPath;
  value: string;
  subject: string;
  item?: string;
}

export interface FileFacts {
  /** Ids the file defines, for people.yaml and goals.yaml. */
  defines?: string[];
  /** The distinct values the file refers to, by kind. */
  values: Partial<Record<ValueKind, string[]>>;
  /** The latest date the file records as having happened. */
  latestActual?: string;
  /** What each portfolio rule keeps of the file (rule id → its extract). */
  rules?: Record<string, unknown>;
  /**
   * A hash of `rules`, set with it: the portfolio rules' findings are cached by these (so the cache can leave
   * the extracts unread), and two versions of a file with the same one give the rules the same facts.
   */
  rulesKey?: string;
  /** waivers.yaml: its complete waivers, with their index in the list. */
  waivers?: WaiverFact[];
  /** A project's phase (stage gates judge it). */
  phase?: string;
  /** An audit: what the recurrence check holds against today's findings (see auditFacts). */
  audit?: AuditFact;
}

/** What the recurrence check needs of an audit file, so that a warm check needs none of its data. */
export interface AuditFact {
  id: string;
  date: string;
  /** The fingerprints of every finding the audit recorded from pmo check. */
  recorded: string[];
  /** The recorded findings an action was verified effective on. */
  effective: EffectiveAction[];
}

export interface EffectiveAction {
  fingerprint: string;
  finding: string;
  action: string;
  verified: string;
  rule?: string;
  project?: string;
  /** Where the verification is, in the audit file. */
  path: [string, number, string, number, string, string];
}

export interface WaiverFact {
  index: number;
  rule: string;
  project: string;
  item?: string;
  reason: string;
  approved_by: string;
  expires: string;
}

const PATTERNS: Partial<Record<FileKind, Partial<Record<ReferenceKind, string[]>>>> = {
  project: {
    person: [
      'manager', 'sponsor', 'budget.approved_by', 'approvals.*.by', 'risks.*.owner', 'issues.*.owner', 'issues.*.escalated_to',
      'assumptions.*.owner', 'changes.*.decided_by', 'team.*.person', 'deliverables.*.acceptance.by', 'status.*.by',
    ],
    goal: ['goals.*'],
    project: ['dependencies.*.project'],
    record: ['records.*', 'vendors.*.contract', 'deliverables.*.acceptance.record'],
    'actual-date': [
      'dates.actual_end', 'milestones.*.actual', 'deliverables.*.acceptance.date', 'changes.*.decided_on',
      'approvals.*.on', 'status.*.date', 'revenue.*.invoiced', 'revenue.*.received', 'issues.*.resolved',
    ],
  },
  request: { person: ['requested_by'], goal: ['goals.*'] },
  goals: { person: ['goals.*.owner'] },
  waivers: { person: ['waivers.*.approved_by'] },
  audit: {
    person: ['auditor', 'findings.*.actions.*.owner', 'findings.*.actions.*.verification.by'],
    project: ['scope.*', 'findings.*.project'],
    'actual-date': ['date', 'findings.*.actions.*.done', 'findings.*.actions.*.verification.date'],
  },
};

const DEFINES: Partial<Record<FileKind, string>> = { people: 'people', goals: 'goals' };

const ACTUAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The facts of a file, for the cache. */
export function extractFacts(kind: FileKind, data: unknown): FileFacts {
  const values: Partial<Record<ValueKind, Set<string>>> = {};
  let latestActual: string | undefined;
  for (const [refKind, patterns] of Object.entries(PATTERNS[kind] ?? {}) as Array<[ReferenceKind, string[]]>) {
    for (const pattern of patterns) {
      eachString(data, pattern, (value) => {
        if (refKind !== 'actual-date') (values[refKind] ??= new Set()).add(value);
        else if (ACTUAL_DATE.test(value) && (!latestActual || value > latestActual)) latestActual = value;
      });
    }
  }
  const facts: FileFacts = {
    values: Object.fromEntries(Object.entries(values).map(([k, set]) => [k, [...set]])),
    ...(latestActual ? { latestActual } : {}),
  };
  if (kind === 'waivers') facts.waivers = waiverFacts(data);
  if (kind === 'audit') {
    const audit = auditFact(data);
    if (audit) facts.audit = audit;
  }
  if (kind === 'project' && isRecord(data) && typeof data.phase === 'string') facts.phase = data.phase;
  const list = DEFINES[kind];
  // A registry that is not a list (people: written as a map, an empty file) vouches for nothing: unknown.
  if (!list || !isRecord(data) || !Array.isArray(data[list])) return facts;
  const items = data[list] as unknown[];
  return { defines: items.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : [])), ...facts };
}

/** The waivers that are complete enough to apply (an incomplete one is a schema finding, and hides nothing). */
function waiverFacts(data: unknown): WaiverFact[] {
  const list = isRecord(data) && Array.isArray(data.waivers) ? data.waivers : [];
  return list.flatMap((w, index): WaiverFact[] => {
    if (!isRecord(w)) return [];
    const { rule, project, item, reason, approved_by, expires } = w;
    const texts = [rule, project, reason, approved_by, expires];
    if (!texts.every((t) => typeof t === 'string' && t !== '') || !ACTUAL_DATE.test(expires as string) || !isRealDate(expires as string)) return [];
    return [{ index, rule, project, reason, approved_by, expires, ...(typeof item === 'string' ? { item } : {}) } as WaiverFact];
  });
}

/** An audit's recorded fingerprints and its actions verified effective (an audit without id or date: none). */
function auditFact(data: unknown): AuditFact | undefined {
  if (!isRecord(data) || typeof data.id !== 'string' || typeof data.date !== 'string') return undefined;
  const fact: AuditFact = { id: data.id, date: data.date, recorded: [], effective: [] };
  const findings = Array.isArray(data.findings) ? data.findings : [];
  const identities = recordedIdentities(findings);
  findings.forEach((finding, i) => {
    if (!isRecord(finding) || typeof finding.fingerprint !== 'string' || typeof finding.id !== 'string') return;
    const { id: findingId } = finding;
    const fingerprint = identities[i] ?? finding.fingerprint;
    fact.recorded.push(fingerprint);
    const actions = Array.isArray(finding.actions) ? finding.actions : [];
    actions.forEach((action, j) => {
      if (!isRecord(action) || action.state !== 'verified' || typeof action.id !== 'string') return;
      const verification = action.verification;
      if (!isRecord(verification) || verification.effective !== true || typeof verification.date !== 'string') return;
      fact.effective.push({
        fingerprint, finding: findingId, action: action.id, verified: verification.date,
        ...(typeof finding.rule === 'string' ? { rule: finding.rule } : {}),
        ...(typeof finding.project === 'string' ? { project: finding.project } : {}),
        path: ['findings', i, 'actions', j, 'verification', 'effective'],
      });
    });
  });
  return fact;
}

/**
 * The fingerprint of each finding pmo audit record froze, worked out again from what it recorded (rule, file,
 * project, item, message), in the audit's order: an audit recorded by an older pmo, whose fingerprints were
 * worked out otherwise, is still matched with today's findings. Undefined for a finding that lacks its rule or
 * message (written by hand): its recorded fingerprint stands.
 */
function recordedIdentities(findings: unknown[]): Array<string | undefined> {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const recorded = findings.flatMap((finding, index) => {
    if (!isRecord(finding) || typeof finding.fingerprint !== 'string' || typeof finding.rule !== 'string' || typeof finding.message !== 'string') return [];
    return [{ index, rule: finding.rule, message: finding.message, file: text(finding.file) ?? '', project: text(finding.project), item: text(finding.item) }];
  });
  const ids = fingerprints(recorded);
  const byIndex: Array<string | undefined> = [];
  recorded.forEach(({ index }, i) => (byIndex[index] = ids[i]));
  return byIndex;
}

/** Every reference of a file, located and worded: for files with a broken one. */
export function extractReferences(kind: FileKind, data: unknown): Reference[] {
  const refs: Reference[] = [];
  for (const [refKind, patterns] of Object.entries(PATTERNS[kind] ?? {}) as Array<[ReferenceKind, string[]]>) {
    for (const pattern of patterns) {
      for (const { path, value } of selectStrings(data, pattern)) refs.push({ kind: refKind, path, value, ...label(refKind, path, data) });
    }
  }
  return refs;
}

function label(kind: ReferenceKind, path: DataPath, data: unknown): { subject: string; item?: string } {
  const place = labelPath(path, data);
  const item = place.itemId ? { item: place.itemId } : {};
  if (kind === 'record') return { subject: path[0] === 'records' ? `record '${String(path[1])}'` : place.item, ...item };
  if (kind === 'actual-date') return { subject: subjectOf(place), ...item };
  // A bare list entry (goals: [G9]) is named by what it is; a field by its place (`risk R1: owner`).
  return { subject: place.field ? `${place.item ? `${place.item}: ` : ''}${place.field}` : kind, ...item };
}
