/**
 * A histogram over periods: a bar per column, the series stacked on it (first series at the bottom), e.g.
 * projects by RAG status week by week, or findings by severity. Segments are parted by a white line and each
 * bar outlined, and a segment tall enough prints its value, so the chart reads in black and white too; every
 * segment's tooltip names its series, period and value. A period without any value is a gap saying "no data",
 * never a bar of 0.
 */
import { decimal, el, finite, GRID, heading, INK, MUTED, niceTicks, note, plural, svg, text, tooltip } from './svg.js';
import { clean, columnLabels, legend, PLOT_H, PLOT_W, slots, WIDTH, X0, type TrendData } from './trend.js';

/**
 * `ceiling`: a limit per column drawn as a dashed line across each bar (the capacity report's supply), so a
 * stack above it shows at a glance. Null where there is none.
 */
export type StackedBarData = TrendData & { ceiling?: { label: string; values: Array<number | null> } };

const BAR_MAX = 48;
const EDGE = '#424242';
/** A white outline behind a value printed over a segment, so it reads on any colour. */
const HALO = { stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' } as const;

export function stackedBarChart(data: StackedBarData, opts?: { title?: string }): string {
  const title = opts?.title ?? 'Trend by period';
  const { columns, series, dropped, total } = clean(data);
  const ceiling = data?.ceiling ? { label: String(data.ceiling.label ?? ''), values: columns.map((_, c) => finite(data.ceiling?.values?.[dropped + c])) } : null;
  const body = [heading(title, WIDTH)];

  if (columns.length === 0 || series.length === 0) {
    body.push(note('No data', 40));
    return svg({ name: 'stacked', width: WIDTH, height: 50, title, desc: 'No data.', body });
  }

  const swatch = (colour: string) => (x: number, y: number) => el('rect', { x, y, width: 12, height: 10, fill: colour, stroke: EDGE, 'stroke-width': 0.75 });
  const limit = (x: number, y: number) => el('line', { x1: x, y1: y + 5, x2: x + 14, y2: y + 5, stroke: INK, 'stroke-width': 2, 'stroke-dasharray': '4 2' });
  const key = legend(
    [...series.map((s) => ({ label: s.label, swatch: swatch(s.colour) })), ...(ceiling ? [{ label: ceiling.label, swatch: limit }] : [])],
    26,
  );
  body.push(key.markup);

  const top = key.bottom + 12;
  const bottom = top + PLOT_H;
  // Negative values have no place in a stack: drawn as nothing, but their tooltip still says them.
  const totals = columns.map((_, c) => series.reduce((sum, s) => sum + Math.max(0, s.values[c] ?? 0), 0));
  const ticks = niceTicks(Math.max(0, ...totals, ...(ceiling?.values.map((v) => v ?? 0) ?? [])), 5);
  const domain = ticks[ticks.length - 1]!;
  const y = (v: number) => bottom - (Math.max(0, v) / domain) * PLOT_H;

  const axis = ticks.map(
    (t) =>
      el('line', { x1: X0, y1: y(t), x2: X0 + PLOT_W, y2: y(t), stroke: GRID }) +
      text({ x: X0 - 6, y: y(t) + 3, 'text-anchor': 'end', 'font-size': 11, fill: MUTED }, decimal(t)),
  );
  axis.push(el('line', { x1: X0, y1: bottom, x2: X0 + PLOT_W, y2: bottom, stroke: MUTED }));
  body.push(el('g', { class: 'axis' }, axis.join('')));

  const { slot, x } = slots(columns.length);
  const barW = Math.min(BAR_MAX, Math.max(1, slot * 0.7));
  let gaps = 0;
  const bars = columns.map((column, c) => {
    const left = x(c) - barW / 2;
    const values = series.map((s) => s.values[c] ?? null);
    if (values.every((v) => v === null)) {
      gaps++;
      // Something to hover over, the height of the plot, and a dash on the axis where a bar would stand.
      const target = el('rect', { class: 'gap', x: left, y: top, width: barW, height: PLOT_H, fill: '#ffffff', 'fill-opacity': 0 });
      const dash = text({ x: x(c), y: bottom - 3, 'text-anchor': 'middle', 'font-size': 11, fill: MUTED }, '–');
      return el('g', { class: 'column', 'data-column': c, 'data-gap': 'true' }, tooltip(`${column}: no data`) + target + dash);
    }
    const parts: string[] = [];
    let base = 0;
    series.forEach((s, k) => {
      const v = values[k]!;
      if (v === null || v <= 0) return;
      const y0 = y(base);
      const y1 = y(base + v);
      base += v;
      const tip = tooltip(`${s.label}, ${column}: ${decimal(v)}`);
      parts.push(
        el('rect', { class: 'segment', 'data-series': k, x: left, y: y1, width: barW, height: y0 - y1, fill: s.colour, stroke: '#ffffff', 'stroke-width': 0.75 }, tip),
      );
      const printed = decimal(v);
      if (y0 - y1 >= 14 && barW >= printed.length * 6 + 4)
        parts.push(text({ class: 'segment-value', x: x(c), y: (y0 + y1) / 2 + 4, 'text-anchor': 'middle', 'font-size': 11, fill: INK, ...HALO }, printed));
    });
    if (base > 0) parts.push(el('rect', { class: 'outline', x: left, y: y(base), width: barW, height: bottom - y(base), fill: 'none', stroke: EDGE, 'stroke-width': 0.75 }));
    const words = series.map((s, k) => `${s.label} ${values[k] === null ? 'n/a' : decimal(values[k]!)}`).join(', ');
    return el('g', { class: 'column', 'data-column': c }, tooltip(`${column}: total ${decimal(totals[c]!)} (${words})`) + parts.join(''));
  });
  body.push(el('g', { class: 'bars' }, bars.join('')));
  if (ceiling) body.push(ceilingLines(ceiling, columns, barW, y));
  body.push(columnLabels(columns, bottom + 14));

  let yNote = bottom + 36;
  const notes: Array<[string, string]> = [];
  if (gaps > 0) notes.push([`${plural(gaps, 'period')} without data (–)`, 'chart-note chart-gaps']);
  if (dropped > 0) notes.push([`the last ${columns.length} of ${total} periods drawn`, 'chart-note chart-more']);
  for (const [words, cls] of notes) {
    body.push(note(words, yNote, cls));
    yNote += 16;
  }

  const latest = columns.map((_, c) => c).filter((c) => series.some((s) => s.values[c] !== null)).pop();
  const desc = [
    ceiling ? `A dashed line marks the ${ceiling.label} of each period.` : undefined,
    `${plural(columns.length, 'period')}${dropped > 0 ? ` (the last ${columns.length} of ${total})` : ''}, ${series.length} series stacked bottom to top: ${series.map((s) => s.label).join(', ')}.`,
    latest === undefined
      ? 'No data.'
      : `Latest, ${columns[latest]}: ${series.map((s) => `${s.label} ${s.values[latest] === null ? 'n/a' : decimal(s.values[latest]!)}`).join(', ')}; total ${decimal(totals[latest]!)}.`,
    gaps > 0 && latest !== undefined ? `${plural(gaps, 'period')} without data.` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return svg({ name: 'stacked', width: WIDTH, height: yNote - 8, title, desc, body });
}

/** The ceiling: a dashed line a little wider than each bar, at its column's limit, with a tooltip. */
function ceilingLines(ceiling: { label: string; values: Array<number | null> }, columns: string[], barW: number, y: (v: number) => number): string {
  const { x } = slots(columns.length);
  const lines = ceiling.values.flatMap((v, c) =>
    v === null
      ? []
      : [el('line', { class: 'ceiling', 'data-column': c, x1: x(c) - barW / 2 - 4, y1: y(v), x2: x(c) + barW / 2 + 4, y2: y(v), stroke: INK, 'stroke-width': 2, 'stroke-dasharray': '4 2' }, tooltip(`${ceiling.label}, ${columns[c]}: ${decimal(v)}`))],
  );
  return el('g', { class: 'ceilings' }, lines.join(''));
}
