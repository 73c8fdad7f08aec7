/** The shape of a governance rule: metadata as data, and a pure check of one entity against a context. */
import type { DataPath, Severity } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config, PmoType, Thresholds } from '../model/config.js';
import type { Project } from '../model/schemas/project.js';
import type { Request } from '../model/schemas/request.js';
import type { Audit } from '../model/schemas/audit.js';
import type { AuditFact } from '../model/references.js';
import type { ProjectMeasures } from '../metrics/measures.js';

export type Category =
  | 'schedule' | 'cost' | 'earned-value' | 'risk' | 'communication' | 'scope' | 'quality' | 'resource'
  | 'stakeholders' | 'procurement' | 'revenue' | 'strategy' | 'records' | 'closing' | 'baseline' | 'audit' | 'competence';

export interface RuleMeta {
  /** Kebab-case and stable: waivers, overrides and CI configs refer to it. */
  id: string;
  /** One line; also the first line of the rule's doc (test/rules/docs.test.ts holds them together). */
  description: string;
  category: Category;
  /**
   * A governance rule is one a controlling PMO enforces (error); the others advise (warn) until the PMO is
   * directive. Under a supportive PMO every rule warns.
   */
  governance: boolean;
  /** pmo.yaml thresholds the rule reads. */
  thresholds: Array<keyof Thresholds>;
  /** What the rule can say, keyed by id, with {{placeholders}} filled from the report's data. */
  messages: Record<string, string>;
  /** A notice: info under every PMO type (an announcement ahead of a deadline, like waiver/expiring), unless pmo.yaml's `rules:` says otherwise. */
  notice?: boolean;
  /** Off unless pmo.yaml's `rules:` gives it a severity: a practice some PMOs ask of their projects, not all. */
  optIn?: boolean;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  /** The node the finding points at, in the entity's file. */
  path: DataPath;
  on?: 'key' | 'value';
  item?: string;
  /** The project a finding outside the project's file is about (an audit finding's). */
  project?: string;
  /**
   * The `data` that count the days since a date, by key: the date. Within the horizon the rule said
   * (RuleContext.sameFindingsUntil), the same report on a later day is this one with those counts from that
   * day, so a new day words it again without the file's data (rejudge.ts).
   */
  since?: Record<string, string>;
}

export interface RuleContext {
  today: string;
  thresholds: Thresholds;
  config: Config;
  /** Whether `phase` is at or after the named lifecycle phase (false when that phase is not in the lifecycle). */
  phaseAtLeast(phase: unknown, name: string): boolean;
  /** The project's measures (src/metrics/measures.ts): the one place a rule gets a budget, a slip, EVM... */
  measure(project: Project): ProjectMeasures;
  report(report: Report): void;
  /**
   * For a file rule that reads the day: over the same data it reports the same findings on every day before
   * `day` (null: on every later day), but for the numbers in their words (the days since a date grow). Said as
   * often as the rule likes, the earliest day counts; a rule that reads the day and says nothing is taken to
   * hold for the day only. A history run keeps the findings so (see run.ts): a trend counts findings and never
   * words them. A new day's check words them again, from each report's `since`. Contexts that keep nothing
   * ignore it.
   */
  sameFindingsUntil(day: string | null): void;
}

export interface ProjectRule extends RuleMeta {
  scope: 'project';
  check(project: Project, ctx: RuleContext): void;
}

export interface RequestRule extends RuleMeta {
  scope: 'request';
  check(request: Request, ctx: RuleContext): void;
}

export interface AuditRule extends RuleMeta {
  scope: 'audit';
  check(audit: Audit, ctx: RuleContext): void;
}

export type FileRule = ProjectRule | RequestRule | AuditRule;

/** What a portfolio rule sees of one file: what its `extract` kept (cached with the file). */
export interface PortfolioFile<T> {
  path: string;
  kind: FileKind;
  facts: T;
}

/** What a rule that reports in any file of the portfolio sees. */
export interface ReportingContext extends Omit<RuleContext, 'report'> {
  report(report: Report & { file: string }): void;
}

export interface PortfolioContext extends ReportingContext {
  /**
   * For a rule that reads the day: its findings over the same extracts hold on every day before `day` (null: on
   * every later day), so the cache keeps them until then (see portfolio-run.ts). Said as often as the rule
   * likes, the earliest day counts; a rule that reads the day and says nothing is judged again the next day.
   */
  holdsUntil(day: string | null): void;
}

/**
 * A rule across files (an over-allocated person spans projects). Two pure halves: `extract` keeps what the
 * rule needs of one file's data (small, JSON; cached with the file, so a warm run needs no data), and
 * `check` judges all files' extracts together on every run.
 */
export interface PortfolioRule<T = unknown> extends RuleMeta {
  scope: 'portfolio';
  extract(kind: FileKind, data: unknown): T | undefined;
  check(files: ReadonlyArray<PortfolioFile<T>>, ctx: PortfolioContext): void;
}

/**
 * A rule about a change: it judges a project against the same project at the base (HEAD for a pre-commit check,
 * the merge base for `--changed-since`, `--base <ref>` otherwise). Baselines are commitments: what moves them,
 * and how, is the rule's question. Runs only on projects that the change touches and that existed at the base.
 */
export interface ChangeRule extends RuleMeta {
  scope: 'change';
  check(before: Project, after: Project, ctx: RuleContext): void;
}

/**
 * A rule about the check's own findings against the audits: one whose action was verified effective and that
 * pmo check finds again. Runs after every other finding is known (before severities), on the audits' facts
 * (cached with their files) and the fingerprints of the findings (src/output/fingerprint.ts).
 */
export interface FindingsRule extends RuleMeta {
  scope: 'findings';
  check(found: ReadonlySet<string>, audits: ReadonlyArray<AuditFact & { file: string }>, ctx: ReportingContext): void;
}

export type BuiltinRule = FileRule | PortfolioRule | ChangeRule | FindingsRule;

/** The default severity of a rule under a PMO type (DOMAIN.md's table). */
export function defaultSeverity(meta: Pick<RuleMeta, 'governance' | 'notice'>, pmoType: PmoType): Severity {
  if (meta.notice) return 'info';
  if (pmoType === 'supportive') return 'warn';
  if (pmoType === 'directive') return 'error';
  return meta.governance ? 'error' : 'warn';
}

export function fillMessage(template: string, data: Record<string, string | number> = {}): string {
  let filled = '';
  for (const part of partsOf(template)) filled += typeof part === 'string' ? part : Object.hasOwn(data, part.key) ? String(data[part.key]) : part.whole;
  // Templates count in plurals ("{{days}} days ago"); one of them reads "1 day ago".
  return filled.includes('1 ') ? filled.replace(/(^|[^\d.,-])1 (day|week|month|year)s\b/g, '$11 $2') : filled;
}

/** A template as its text and its placeholders, cut once: a year's trend at 1,000 projects fills ~340,000 messages. */
const templates = new Map<string, Array<string | { key: string; whole: string }>>();
function partsOf(template: string): Array<string | { key: string; whole: string }> {
  let parts = templates.get(template);
  if (!parts) {
    parts = [];
    let at = 0;
    for (const match of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      parts.push(template.slice(at, match.index), { key: match[1]!, whole: match[0] });
      at = match.index + match[0].length;
    }
    parts.push(template.slice(at));
    templates.set(template, parts);
  }
  return parts;
}
