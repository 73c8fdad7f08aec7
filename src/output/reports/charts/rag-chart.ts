/**
 * Projects by RAG status: one horizontal bar per status, named in words and with its count, so the chart reads
 * the same printed in black and white (green and red are nearly the same grey).
 */
import { count, el, GRID, heading, MUTED, note, plural, RAG, svg, text, tooltip } from './svg.js';

export interface RagCounts {
  green: number;
  amber: number;
  red: number;
  none: number;
}

const STATUSES = [
  { key: 'green', label: 'Green' },
  { key: 'amber', label: 'Amber' },
  { key: 'red', label: 'Red' },
  { key: 'none', label: 'No status' },
] as const;

const WIDTH = 480;
const LABEL_W = 90;
const BAR_X = 100;
const BAR_MAX = 290;
const ROW = 28;
const TOP = 32;

export function ragChart(counts: RagCounts, opts?: { title?: string }): string {
  const title = opts?.title ?? 'Projects by RAG status';
  const rows = STATUSES.map((s) => ({ ...s, n: count(counts?.[s.key]) }));
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  const max = Math.max(...rows.map((r) => r.n));
  const body = [heading(title, WIDTH)];
  rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    const share = total > 0 ? ` (${Math.round((row.n / total) * 100)}%)` : '';
    // A status with a few projects among a thousand still shows a sliver; one with none shows no bar at all.
    const length = row.n > 0 ? Math.max(2, (row.n / max) * BAR_MAX) : 0;
    const parts = [text({ x: LABEL_W, y: y + 14, 'text-anchor': 'end' }, row.label), el('line', { x1: BAR_X, y1: y, x2: BAR_X, y2: y + 20, stroke: GRID })];
    if (length > 0) {
      const stroke = row.key === 'amber' ? '#8d6e00' : undefined; // amber on white paper needs an edge
      parts.push(el('rect', { class: 'bar', x: BAR_X, y: y + 2, width: length, height: 16, fill: RAG[row.key], stroke }));
    }
    parts.push(text({ class: 'value', x: BAR_X + length + 6, y: y + 14, fill: row.n > 0 ? undefined : MUTED }, `${row.n}${share}`));
    body.push(el('g', { class: 'rag-row', 'data-rag': row.key }, `${tooltip(`${row.label}: ${plural(row.n, 'project')}${share}`)}${parts.join('')}`));
  });
  const bottom = TOP + STATUSES.length * ROW + 12;
  body.push(note(total > 0 ? `${plural(total, 'project')} in all` : 'No projects', bottom, 'chart-note chart-total'));
  const desc =
    total > 0 ? `${plural(total, 'project')}: ${rows.map((r) => `${r.n} ${r.key === 'none' ? 'without status' : r.key}`).join(', ')}.` : 'No projects.';
  return svg({ name: 'rag', width: WIDTH, height: bottom + 8, title, desc, body });
}
