/**
 * GitHub Actions workflow commands: an annotation a finding (`::error file=...,line=...::message`), shown on
 * the pull request's diff and the run's summary. GitHub shows at most 10 errors, 10 warnings and 10 notices
 * of a step, so the most severe come first; the job summary (githubSummary, which the CLI appends to
 * $GITHUB_STEP_SUMMARY) lists them all. Waived findings are not annotated.
 */
import { SEVERITY_RANK, type Finding, type Severity } from '../../findings.js';
import { showControls } from '../controls.js';
import { totalsLine } from '../totals.js';
import { markdown } from './markdown.js';
import type { FormatContext, Formatter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'notice' };

/** GitHub's own limit per step and kind of annotation. */
const ANNOTATIONS_SHOWN = 10;

// The escaping of @actions/core's command.ts (a message may hold anything; a property may not hold : or ,),
// after control characters, which GitHub's log would obey (colours), are made visible.
const escapeData = (s: string) => showControls(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(f: Finding): string {
  // GitHub takes columns only for a span on one line.
  const oneLine = f.line === f.endLine;
  const properties = {
    file: f.file, line: f.line, ...(oneLine ? { col: f.column } : {}), endLine: f.endLine, ...(oneLine ? { endColumn: f.endColumn } : {}), title: f.rule,
  };
  const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${COMMAND[f.severity]} ${list.join(',')}::${escapeData(f.message)}`;
}

export const github: Formatter = (findings) => {
  const open = findings.filter((f) => !f.waived);
  // Array.prototype.sort is stable: within a severity, check's order (file, line, column, rule) stands.
  const bySeverity = [...open].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const cut = (['error', 'warn', 'info'] as const).some((s) => open.filter((f) => f.severity === s).length > ANNOTATIONS_SHOWN);
  const note = cut ? `; GitHub annotates ${ANNOTATIONS_SHOWN} of each kind, the job summary lists them all` : '';
  return [...bySeverity.map(annotation), `pmo check: ${totalsLine(findings)}${note}`, ''].join('\n');
};

/**
 * The Markdown job summary: every finding (the annotations stop at GitHub's limit) and the totals. The CLI gives
 * `--format github` the full rule catalog (DESCRIBES_RULES), so the ctx it formats with also serves here.
 */
export function githubSummary(findings: readonly Finding[], ctx: FormatContext): string {
  return markdown(findings, ctx);
}
