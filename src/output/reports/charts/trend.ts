/**
 * What the two trend charts (stacked bars and lines over periods) share: the data's shape, cleaning it, the
 * series colours, the horizontal layout (a slot per column, so a bar chart and a line chart of the same periods
 * line up one above the other), column labels thinned so they never overlap, and a legend that wraps.
 */
import { el, finite, MUTED, RAG, text, truncate } from './svg.js';

export interface TrendSeries {
  label: string;
  /** One value per column; null (or anything that is not a finite number) is "no data" for that period. */
  values: Array<number | null>;
  /** A CSS colour: #rgb, #rrggbb (#rgba, #rrggbbaa) or a plain name; anything else falls back to the palette. */
  color?: string;
}

export interface TrendData {
  /** The periods, oldest first: "2026-W07", "2026-03", "2026-Q1". */
  columns: string[];
  series: TrendSeries[];
}

/** Two years of weeks. More columns would be slivers: the most recent are kept, and the chart says so. */
export const TREND_MAX_COLUMNS = 104;

/** The RAG chart's colours, for series named green/amber/red/none, so a stacked RAG history matches it. */
export const RAG_SERIES_COLORS: Readonly<Record<'green' | 'amber' | 'red' | 'none', string>> = {
  green: RAG.green,
  amber: RAG.amber,
  red: RAG.red,
  none: RAG.none,
};

/** For series without a colour, in order; dark and light alternate so neighbours differ in grey too. */
export const SERIES_PALETTE = ['#1565c0', '#f9a825', '#6a1b9a', '#80cbc4', '#c62828', '#bdbdbd', '#2e7d32', '#ff8a65'] as const;

/**
 * Only a colour that cannot be anything else: a colour string goes into a fill attribute, and `url(https://…)`
 * there would make the page fetch something (and escaping alone does not stop that).
 */
const COLOUR = /^(#[0-9a-fA-F]{3,4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,20})$/;

export function seriesColour(asked: unknown, index: number): string {
  return typeof asked === 'string' && COLOUR.test(asked) ? asked : SERIES_PALETTE[index % SERIES_PALETTE.length]!;
}

export interface CleanSeries {
  label: string;
  colour: string;
  values: Array<number | null>;
}

export interface CleanData {
  columns: string[];
  series: CleanSeries[];
  /** Columns left out at the start (the oldest), past TREND_MAX_COLUMNS. */
  dropped: number;
  /** How many columns the caller gave. */
  total: number;
}

/** Labels as strings, values as finite numbers or null, one per kept column; the most recent columns kept. */
export function clean(data: TrendData | undefined): CleanData {
  const all = (data?.columns ?? []).map(String);
  const dropped = Math.max(0, all.length - TREND_MAX_COLUMNS);
  const columns = all.slice(dropped);
  const series = (data?.series ?? []).map((s, i) => ({
    label: String(s?.label ?? ''),
    colour: seriesColour(s?.color, i),
    values: columns.map((_, c) => finite(s?.values?.[dropped + c])),
  }));
  return { columns, series, dropped, total: all.length };
}

export const WIDTH = 760;
/** The plot's left edge (room for the y ticks) and width. */
export const X0 = 64;
export const PLOT_W = 672;
export const PLOT_H = 220;

/** A slot per column across the plot; `x(i)` is the slot's centre. */
export function slots(n: number): { slot: number; x: (i: number) => number } {
  const slot = PLOT_W / Math.max(1, n);
  return { slot, x: (i: number) => X0 + (i + 0.5) * slot };
}

/** Characters drawn about twice as wide as a Latin letter (as in truncate). */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
const LABEL_CHARS = 10;
/** Roughly how wide a character is at font-size 11 (DejaVu Sans' digits: 7 px), and the room kept between two labels. */
const CHAR_PX = 7;
const LABEL_GAP = 8;

/**
 * Every k-th column label, k the smallest that keeps the widest label clear of its neighbours. Counted from the
 * last column, so the most recent period is always named.
 */
export function labelStep(columns: string[], slot: number): number {
  const widest = Math.max(0, ...columns.map((c) => Array.from(truncate(c, LABEL_CHARS)).reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0)));
  return Math.max(1, Math.ceil((widest * CHAR_PX + LABEL_GAP) / slot));
}

/** The column labels under the plot, thinned to every labelStep-th. */
export function columnLabels(columns: string[], y: number): string {
  const { slot, x } = slots(columns.length);
  const step = labelStep(columns, slot);
  const last = columns.length - 1;
  const parts = columns.flatMap((c, i) =>
    (last - i) % step === 0 ? [text({ x: x(i), y, 'text-anchor': 'middle', 'font-size': 11, fill: MUTED }, truncate(c, LABEL_CHARS))] : [],
  );
  return el('g', { class: 'column-labels', 'data-step': step }, parts.join(''));
}

export interface LegendItem {
  label: string;
  /** The swatch, drawn in a 16×10 box whose top-left corner is (x, y). */
  swatch: (x: number, y: number) => string;
}

/** A legend from `top`, wrapping to as many rows as it needs; its markup and the y under it. */
export function legend(items: LegendItem[], top: number): { markup: string; bottom: number } {
  let x = 0;
  let y = top;
  const parts = items.map((item, i) => {
    const label = truncate(item.label, 28);
    const width = 28 + Array.from(label).length * 6.5;
    if (x > 0 && x + width > WIDTH) {
      x = 0;
      y += 16;
    }
    const part = el('g', { class: 'legend-item', 'data-series': i }, item.swatch(x, y) + text({ x: x + 20, y: y + 9, 'font-size': 11 }, label));
    x += width;
    return part;
  });
  return { markup: el('g', { class: 'legend' }, parts.join('')), bottom: items.length > 0 ? y + 16 : top };
}

/** Round steps (1, 2, 2.5, 5 times a power of ten) from at most `lo` to at least `hi`, about `target` of them. */
export function niceRange(lo: number, hi: number, target = 5): { ticks: number[]; step: number } {
  const span = hi - lo > 0 ? hi - lo : 1;
  const rough = span / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough * (1 - 1e-9)) ?? 10 * power;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.max(first + 1, Math.ceil(hi / step - 1e-9));
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)));
  return { ticks, step };
}

/** Decimals that write every multiple of `step` exactly: 0.05 → 2, 0.25 → 2, 5 → 0. */
export function stepDigits(step: number): number {
  for (let digits = 0; digits < 8; digits++) {
    const scaled = step * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return digits;
  }
  return 8;
}
