/**
 * `pmo status`: the portfolio in one terminal screen. One row per project, worst status first, sized to the
 * terminal (80 columns at least): the name column takes what the fixed columns leave.
 */
import Table from 'cli-table3';
import type { Palette } from './color.js';
import { formatDate } from './reports/helpers.js';
import type { ProjectView } from './reports/model/project-view.js';

const RAG_ORDER: Record<string, number> = { red: 0, amber: 1, green: 2 };
const RAG_WORD: Record<string, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** The fixed columns and their widths (padding included); the project column gets the rest. */
const FIXED: ReadonlyArray<[string, number]> = [
  ['RAG', 6],
  ['Phase', 11],
  ['SPI', 5],
  ['CPI', 5],
  ['Next due', 12],
  ['Update', 7],
  ['Findings', 9],
];

export function sortForDashboard(projects: readonly ProjectView[]): ProjectView[] {
  return [...projects].sort(
    (a, b) => (RAG_ORDER[a.rag.overall ?? ''] ?? 3) - (RAG_ORDER[b.rag.overall ?? ''] ?? 3) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export function dashboard(projects: readonly ProjectView[], chalk: Palette, width = 80): string {
  // Each column is followed by a one-space separator but the last.
  const fixed = FIXED.reduce((sum, [, w]) => sum + w + 1, 0);
  const nameWidth = Math.max(14, Math.min(48, width - fixed));
  const table = new Table({
    head: ['Project', ...FIXED.map(([name]) => name)],
    colWidths: [nameWidth, ...FIXED.map(([, w]) => w)],
    colAligns: ['left', 'left', 'left', 'right', 'right', 'left', 'right', 'right'],
    wordWrap: false,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 1 },
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: ' ',
    },
  });
  for (const p of sortForDashboard(projects)) {
    const rag = p.rag.overall;
    const colour = rag === 'red' ? chalk.red : rag === 'amber' ? chalk.yellow : rag === 'green' ? chalk.green : chalk.dim;
    // A project on hold or cancelled reports no RAG: its state is the news.
    const ragCell = p.state === 'on_hold' ? chalk.dim('Hold') : p.state === 'cancelled' ? chalk.dim('Canc.') : colour(rag ? RAG_WORD[rag]! : '-');
    const next = p.next_milestone ? formatDate(p.next_milestone.due, 'short') + (p.milestones_overdue.length > 0 ? ' late' : '') : '-';
    const age = p.status ? `${p.status.age_days}d` : 'none';
    const findings = p.findings.errors + p.findings.warnings === 0 ? '-' : `${p.findings.errors}E ${p.findings.warnings}W`;
    table.push([
      p.id,
      ragCell,
      p.phase,
      ratio(p.evm.spi, chalk),
      ratio(p.evm.cpi, chalk),
      p.milestones_overdue.length > 0 ? chalk.red(next) : next,
      p.status_stale ? chalk.red(age) : age,
      p.findings.errors > 0 ? chalk.red(findings) : findings,
    ]);
  }
  return table.toString().split('\n').map((line) => line.trimEnd()).join('\n');
}

const ratio = (value: number | null, chalk: Palette) => (value === null ? '-' : value < 1 ? chalk.yellow(value.toFixed(2)) : value.toFixed(2));
