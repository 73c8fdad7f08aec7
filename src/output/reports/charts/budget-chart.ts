/**
 * Budget per project: baseline, forecast and actual as three bars in a fixed order, lightest to darkest so they
 * differ in black and white too, each with its value in letters (B, F, A). A forecast over its baseline is red,
 * outlined, and says by how much in bold: the overrun must not rest on colour alone.
 */
import { el, finite, GRID, heading, INK, money, MUTED, niceTicks, note, plural, svg, text, tooltip, truncate } from './svg.js';

export interface BudgetRow {
  label: string;
  baseline: number | null;
  forecast: number | null;
  actual: number | null;
}

export const BUDGET_LIMIT = 20;

const WIDTH = 760;
const LABEL_END = 192;
const X0 = 200;
const PLOT_W = 400;
const TOP = 52;
const BAR_H = 10;
/** A bar and the gap to the next: room for its 11 px value beside it, which is taller than the bar. */
const BAR_STEP = 14;
const ROW = 3 * BAR_STEP + 10;

const SERIES = [
  { key: 'baseline', letter: 'B', name: 'Baseline', fill: '#cfd8dc', stroke: '#607d8b' },
  { key: 'forecast', letter: 'F', name: 'Forecast', fill: '#1565c0', stroke: undefined },
  { key: 'actual', letter: 'A', name: 'Actual', fill: '#263238', stroke: undefined },
] as const;
const OVER = { fill: '#c62828', stroke: '#6d0000' };

export function budgetChart(rows: BudgetRow[], opts?: { title?: string; currency?: string; limit?: number }): string {
  const title = opts?.title ?? 'Budget: baseline, forecast and actual';
  const limit = Math.max(1, Math.floor(finite(opts?.limit) ?? BUDGET_LIMIT));
  const clean = (rows ?? []).map((r) => ({
    label: String(r.label),
    baseline: finite(r.baseline),
    forecast: finite(r.forecast),
    actual: finite(r.actual),
  }));
  // Largest baselines first, projects without one last; sort is stable, so ties keep the caller's order.
  const sorted = [...clean].sort((a, b) => (b.baseline ?? -Infinity) - (a.baseline ?? -Infinity) || 0);
  const shown = sorted.slice(0, limit);
  const hidden = sorted.length - shown.length;

  if (shown.length === 0) {
    const body = [heading(title, WIDTH), note('No projects with a budget', TOP)];
    return svg({ name: 'budget', width: WIDTH, height: TOP + 10, title, desc: 'No projects.', body });
  }

  const values = shown.flatMap((r) => [r.baseline, r.forecast, r.actual]).filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.max(0, ...values), 6);
  const domain = ticks[ticks.length - 1]!;
  const x = (v: number) => X0 + (Math.max(0, v) / domain) * PLOT_W;
  const bottom = TOP + shown.length * ROW;

  const body = [heading(title, WIDTH), legend()];
  // Gridlines and money ticks first, so the bars are drawn over them.
  const axis = ticks.map((t) =>
    [
      el('line', { x1: x(t), y1: TOP - 4, x2: x(t), y2: bottom, stroke: GRID }),
      text({ x: x(t), y: bottom + 14, 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 }, money(t)),
    ].join(''),
  );
  axis.push(el('line', { x1: X0, y1: bottom, x2: X0 + PLOT_W, y2: bottom, stroke: MUTED }));
  axis.push(
    text({ x: X0 + PLOT_W, y: bottom + 30, 'text-anchor': 'end', fill: MUTED, 'font-size': 11 }, opts?.currency ? `Budget (${opts.currency})` : 'Budget'),
  );
  body.push(el('g', { class: 'axis' }, axis.join('')));

  let over = 0;
  shown.forEach((row, i) => {
    const top = TOP + i * ROW;
    const isOver = row.forecast !== null && row.baseline !== null && row.forecast > row.baseline;
    if (isOver) over++;
    const parts = [
      text({ x: LABEL_END, y: top + 24, 'text-anchor': 'end', 'font-size': 11, 'font-weight': isOver ? 'bold' : undefined }, truncate(row.label, 26)),
    ];
    SERIES.forEach((s, j) => {
      const y = top + j * BAR_STEP;
      const value = row[s.key];
      if (value === null) {
        parts.push(text({ x: X0 + 4, y: y + BAR_H, fill: MUTED, 'font-size': 11 }, `${s.letter} n/a`));
        return;
      }
      const highlight = s.key === 'forecast' && isOver;
      const colours = highlight ? OVER : s;
      parts.push(
        el('rect', {
          class: highlight ? 'bar bar-over' : 'bar',
          'data-series': s.key,
          x: X0,
          y,
          width: x(value) - X0,
          height: BAR_H,
          fill: colours.fill,
          stroke: colours.stroke,
        }),
      );
      const label = `${s.letter} ${money(value)}${highlight ? `, ${overBy(value, row.baseline!)}` : ''}`;
      parts.push(
        text({ x: x(value) + 4, y: y + BAR_H, 'font-size': 11, 'font-weight': highlight ? 'bold' : undefined, fill: highlight ? OVER.stroke : INK }, label),
      );
    });
    const words = SERIES.map((s) => `${s.name.toLowerCase()} ${row[s.key] === null ? 'n/a' : money(row[s.key]!)}`).join(', ');
    const tip = `${row.label}: ${words}${isOver ? ` (forecast ${overBy(row.forecast!, row.baseline!)})` : ''}`;
    body.push(el('g', { class: 'budget-row', 'data-over': isOver ? 'true' : undefined }, `${tooltip(tip)}${parts.join('')}`));
  });

  let y = bottom + 46;
  if (hidden > 0) {
    body.push(note(`and ${hidden} more ${hidden === 1 ? 'project' : 'projects'} with smaller baselines, not drawn`, y, 'chart-note chart-more'));
    y += 16;
  }

  const descParts = [`${plural(shown.length, 'project')} by baseline, largest first.`, `${plural(over, 'forecast')} over baseline.`];
  if (hidden > 0) descParts.push(`${hidden} more not drawn.`);
  return svg({ name: 'budget', width: WIDTH, height: y, title, desc: descParts.join(' '), body });
}

/** "12% over", "<1% over" (never "0% over"), or plain "over" when the baseline is 0: a share of nothing is no number. */
function overBy(forecast: number, baseline: number): string {
  if (!(baseline > 0)) return 'over';
  const pct = Math.round(((forecast - baseline) / baseline) * 100);
  return pct < 1 ? '<1% over' : `${pct}% over`;
}

function legend(): string {
  const items = [...SERIES.map((s) => ({ fill: s.fill, stroke: s.stroke, label: `${s.letter} ${s.name}` })), { ...OVER, label: 'Forecast over baseline' }];
  let x = 0;
  const parts = items.map((item) => {
    const part =
      el('rect', { x, y: 28, width: 12, height: 10, fill: item.fill, stroke: item.stroke }) + text({ x: x + 16, y: 37, 'font-size': 11 }, item.label);
    x += 30 + item.label.length * 6.5;
    return part;
  });
  return el('g', { class: 'legend' }, parts.join(''));
}
