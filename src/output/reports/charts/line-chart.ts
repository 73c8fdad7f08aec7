/**
 * Lines over periods: one line per series, broken where a value is missing (a line drawn across a gap would
 * invent a value), a marker at every value with its tooltip, so a value alone between two gaps still shows as a
 * dot. Series differ by dash and marker shape as well as colour, for a black-and-white printout. An optional
 * horizontal reference line (1.0 for CPI/SPI, a target) is always inside the y range, and a flat series is
 * padded off the frame.
 */
import { decimal, el, GRID, heading, INK, money, MUTED, note, num, plural, svg, text, tooltip, truncate } from './svg.js';
import { clean, columnLabels, legend, niceRange, PLOT_H, PLOT_W, slots, stepDigits, WIDTH, X0, type TrendData } from './trend.js';

export type LineChartData = TrendData;

export interface LineChartOptions {
  title?: string;
  /** A horizontal reference line, e.g. 1.0 for CPI/SPI; ignored unless a finite number. */
  reference?: number;
  /** Its name, drawn at its right end; the value itself when not given. */
  referenceLabel?: string;
  /** How values and ticks are written: 1.25; money as 1.2M/350k; a percent as 85% (values already in percent). */
  format?: 'number' | 'money' | 'percent';
  /** Written after money values and over the y axis. */
  currency?: string;
}

const DASHES = [undefined, '6 3', '2 2', '8 3 2 3'] as const;
const SHAPES = ['circle', 'square', 'diamond', 'triangle'] as const;
const HALO = { stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' } as const;

type Format = NonNullable<LineChartOptions['format']>;

export function lineChart(data: LineChartData, opts?: LineChartOptions): string {
  const title = opts?.title ?? 'Trend';
  const format: Format = opts?.format === 'money' || opts?.format === 'percent' ? opts.format : 'number';
  const currency = opts?.currency ? truncate(String(opts.currency), 8) : '';
  const reference = typeof opts?.reference === 'number' && Number.isFinite(opts.reference) ? opts.reference : null;
  const { columns, series, dropped, total } = clean(data);
  const body = [heading(title, WIDTH)];
  const known = series.flatMap((s) => s.values.filter((v): v is number => v !== null));

  if (columns.length === 0 || known.length === 0) {
    body.push(note('No data', 40));
    return svg({ name: 'line', width: WIDTH, height: 50, title, desc: 'No data.', body });
  }

  const value = (v: number) =>
    format === 'money' ? `${money(v)}${currency ? ` ${currency}` : ''}` : format === 'percent' ? `${decimal(v, 1)}%` : decimal(v, 2);

  const key = legend(
    series.map((s, k) => ({
      label: s.label,
      swatch: (x: number, y: number) =>
        el('line', { x1: x, y1: y + 5, x2: x + 16, y2: y + 5, stroke: s.colour, 'stroke-width': 2, 'stroke-dasharray': DASHES[k % DASHES.length] }) +
        marker(k, x + 8, y + 5, s.colour),
    })),
    26,
  );
  body.push(key.markup);

  // The y range: every value and the reference line; a flat range padded so the line is not on the frame; from 0
  // when the values are all positive and the lowest is within a third of the highest (counts, money).
  let lo = Math.min(...known, reference ?? Infinity);
  let hi = Math.max(...known, reference ?? -Infinity);
  if (hi === lo) {
    const pad = Math.abs(hi) * 0.1 || 1;
    lo = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
    hi += pad;
  } else if (lo > 0 && lo <= hi / 3) lo = 0;
  const { ticks, step } = niceRange(lo, hi, 5);
  const min = ticks[0]!;
  const max = ticks[ticks.length - 1]!;
  const digits = stepDigits(step);
  const tick = (t: number) => (format === 'money' ? money(t) : format === 'percent' ? `${t.toFixed(digits)}%` : t.toFixed(digits));

  const top = key.bottom + (format === 'money' && currency ? 24 : 12);
  const bottom = top + PLOT_H;
  const y = (v: number) => bottom - ((v - min) / (max - min)) * PLOT_H;

  const axis = ticks.map(
    (t) =>
      el('line', { x1: X0, y1: y(t), x2: X0 + PLOT_W, y2: y(t), stroke: GRID }) +
      text({ x: X0 - 6, y: y(t) + 3, 'text-anchor': 'end', 'font-size': 11, fill: MUTED }, tick(t)),
  );
  axis.push(el('line', { x1: X0, y1: bottom, x2: X0 + PLOT_W, y2: bottom, stroke: MUTED }));
  if (format === 'money' && currency) axis.push(text({ x: X0 - 6, y: top - 10, 'text-anchor': 'end', 'font-size': 11, fill: MUTED }, currency));
  body.push(el('g', { class: 'axis' }, axis.join('')));

  let referenceName = '';
  if (reference !== null) {
    const words = opts?.referenceLabel !== undefined ? truncate(String(opts.referenceLabel), 24) : value(reference);
    body.push(
      el(
        'g',
        { class: 'reference' },
        el('line', { x1: X0, y1: y(reference), x2: X0 + PLOT_W, y2: y(reference), stroke: INK, 'stroke-width': 1.25, 'stroke-dasharray': '5 4' }),
      ),
    );
    // The name after the lines, so that none of them hides it.
    referenceName = text({ class: 'reference-label', x: X0 + PLOT_W - 4, y: y(reference) - 5, 'text-anchor': 'end', 'font-size': 11, ...HALO }, words);
  }

  const { x } = slots(columns.length);
  let lone = 0;
  const lines = series.map((s, k) => {
    const segments: string[] = [];
    const points: string[] = [];
    let run: number[] = [];
    const close = () => {
      if (run.length === 1) lone++;
      if (run.length > 1) segments.push(run.map((c, i) => `${i === 0 ? 'M' : 'L'}${num(x(c))} ${num(y(s.values[c]!))}`).join(''));
      run = [];
    };
    s.values.forEach((v, c) => {
      if (v === null) return close();
      run.push(c);
      points.push(marker(k, x(c), y(v), s.colour, `${s.label}, ${columns[c]}: ${value(v)}`));
    });
    close();
    const path =
      segments.length > 0
        ? el('path', {
            class: 'line',
            d: segments.join(''),
            fill: 'none',
            stroke: s.colour,
            'stroke-width': 2,
            'stroke-dasharray': DASHES[k % DASHES.length],
            'stroke-linejoin': 'round',
            'stroke-linecap': 'round',
          })
        : '';
    return el('g', { class: 'series', 'data-series': k }, path + points.join(''));
  });
  body.push(el('g', { class: 'lines' }, lines.join('')));
  if (referenceName) body.push(referenceName);
  body.push(columnLabels(columns, bottom + 14));

  let yNote = bottom + 36;
  const missing = series.reduce((n, s) => n + s.values.filter((v) => v === null).length, 0);
  const notes: Array<[string, string]> = [];
  if (missing > 0) notes.push([`${plural(missing, 'value')} missing: the lines break there`, 'chart-note chart-gaps']);
  if (dropped > 0) notes.push([`the last ${columns.length} of ${total} periods drawn`, 'chart-note chart-more']);
  for (const [words, cls] of notes) {
    body.push(note(words, yNote, cls));
    yNote += 16;
  }

  const described = series.map((s) => {
    const vs = s.values.filter((v): v is number => v !== null);
    if (vs.length === 0) return `${s.label}: no data.`;
    const last = s.values.map((v, c) => (v === null ? -1 : c)).filter((c) => c >= 0).pop()!;
    const range = vs.length > 1 ? ` from ${value(Math.min(...vs))} to ${value(Math.max(...vs))},` : '';
    return `${s.label}:${range} latest ${value(s.values[last]!)} (${columns[last]}).`;
  });
  const desc = [
    `${plural(series.length, 'series', 'series')} over ${plural(columns.length, 'period')}${dropped > 0 ? ` (the last ${columns.length} of ${total})` : ''}.`,
    ...described,
    reference !== null ? `Reference line at ${value(reference)}${opts?.referenceLabel !== undefined ? ` (${String(opts.referenceLabel)})` : ''}.` : undefined,
    missing > 0 ? `${plural(missing, 'value')} missing.` : undefined,
    lone > 0 ? `${plural(lone, 'value')} alone between gaps, drawn as a dot.` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return svg({ name: 'line', width: WIDTH, height: yNote - 8, title, desc, body });
}

/** Series k's marker at (cx, cy): a circle, square, diamond or triangle, white-edged so overlapping ones part. */
function marker(k: number, cx: number, cy: number, colour: string, tip?: string): string {
  const shape = SHAPES[k % SHAPES.length]!;
  const attrs = { class: tip === undefined ? undefined : 'point', fill: colour, stroke: '#ffffff', 'stroke-width': 0.75 };
  const inner = tip === undefined ? undefined : tooltip(tip);
  if (shape === 'circle') return el('circle', { ...attrs, cx, cy, r: 3.5 }, inner);
  if (shape === 'square') return el('rect', { ...attrs, x: cx - 3.2, y: cy - 3.2, width: 6.4, height: 6.4 }, inner);
  const d =
    shape === 'diamond'
      ? `M${num(cx)} ${num(cy - 4.2)}L${num(cx + 4.2)} ${num(cy)}L${num(cx)} ${num(cy + 4.2)}L${num(cx - 4.2)} ${num(cy)}Z`
      : `M${num(cx)} ${num(cy - 4.4)}L${num(cx + 4.2)} ${num(cy + 3)}L${num(cx - 4.2)} ${num(cy + 3)}Z`;
  return el('path', { ...attrs, d }, inner);
}
