/** Findings: what every stage produces and every formatter consumes. */

export type Severity = 'error' | 'warn' | 'info';
export type SeverityLevel = Severity | 'off';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warn: 2, info: 1 };

/** A path into a parsed YAML document: map keys and sequence indexes. */
export type DataPath = ReadonlyArray<string | number>;

/**
 * Where a finding points before positions are resolved: a data path in a file, plus whether the key
 * (`unknown field`) or the value (`bad value`) is at fault. An explicit range is used by the loader,
 * which knows offsets directly (YAML syntax errors, merge-conflict markers).
 */
export type Anchor =
  | { path: DataPath; on?: 'key' | 'value' }
  | { offset: number; endOffset: number };

/** A finding as the stages produce it: located by anchor, severity still the rule's default. */
export interface RawFinding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  at: Anchor;
  project?: string;
  item?: string;
  waived?: Waived;
}

/** The waiver that hides a finding: the finding is still reported (JSON, --show-waived), never dropped. */
export interface Waived {
  reason: string;
  approved_by: string;
  expires: string;
}

/** A finding as the formatters see it: the JSON output contract of `pmo check --format json`. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
  project?: string;
  item?: string;
  waived?: Waived;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Findings counted by severity; a waived finding counts as waived only. */
export function countFindings(findings: readonly Pick<Finding, 'severity' | 'waived'>[]): { errors: number; warnings: number; infos: number; waived: number } {
  const counts = { errors: 0, warnings: 0, infos: 0, waived: 0 };
  for (const f of findings) {
    if (f.waived) counts.waived++;
    else if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warn') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** The anchors of findings that point at a path in their file's data (not at an offset of its text). */
export const pathAnchors = (findings: readonly RawFinding[]): Array<Extract<Anchor, { path: unknown }>> =>
  findings.flatMap((f) => ('path' in f.at ? [f.at] : []));

/**
 * Items grouped by a key, in the order they come, each group appended in place (a file with 100,000
 * findings must not copy its list once per finding). `keys` starts groups that may stay empty.
 */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string, keys: Iterable<string> = []): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const key of keys) groups.set(key, []);
  for (const item of items) {
    const list = groups.get(keyOf(item));
    if (list) list.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

/** Findings grouped by file (see groupBy). */
export function groupByFile<T extends { file: string }>(findings: Iterable<T>, files: Iterable<string> = []): Map<string, T[]> {
  return groupBy(findings, (finding) => finding.file, files);
}
