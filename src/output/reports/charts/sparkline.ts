/**
 * A tiny trend line for a table cell. A missing value breaks the line (a gap says "no data that week", a line
 * drawn across it would invent one); the last value gets a dot, since it is the one the row's figure shows.
 * Its words (<desc>) give the range and the last value for whoever cannot see it.
 */
import { decimal, el, finite, MUTED, num, svg, text, truncate } from './svg.js';

/** The most recent values kept: a sparkline is a few dozen pixels wide, and a table may hold a thousand of them. */
export const SPARKLINE_MAX_POINTS = 100;

const STROKE = '#455a64';
/** Room for the last value's dot (r 2) at the edges. */
const PAD = 2.5;

export interface SparklineOptions {
  width?: number;
  height?: number;
  /** Words drawn after the line (e.g. its latest value, "red"): the line alone does not say what it shows. */
  label?: string;
  /** The accessible name and tooltip (default "Trend"). */
  title?: string;
}

/** The label's room: about 7 px a letter at 11 px, and a gap after the line. */
const LABEL_GAP = 5;
const LABEL_CHAR_PX = 7;
const LABEL_CHARS = 16;

export function sparkline(values: Array<number | null>, opts?: SparklineOptions): string {
  const lineWidth = size(opts?.width, 80);
  const height = size(opts?.height, 20);
  const title = opts?.title ? String(opts.title) : 'Trend';
  const words = opts?.label ? truncate(String(opts.label), LABEL_CHARS) : '';
  // The label widens the picture; the line keeps its own width.
  const width = words ? lineWidth + LABEL_GAP + Array.from(words).length * LABEL_CHAR_PX : lineWidth;
  const label = words ? text({ class: 'sparkline-label', x: lineWidth + LABEL_GAP, y: height / 2 + 4, 'font-size': 11, fill: MUTED }, words) : '';
  const all = (values ?? []).map(finite);
  const kept = all.slice(-SPARKLINE_MAX_POINTS);
  const known = kept.filter((v): v is number => v !== null);
  const style = 'vertical-align:middle;max-width:100%;height:auto';

  if (known.length === 0) {
    const body = [text({ x: lineWidth / 2, y: height / 2 + 4, 'text-anchor': 'middle', 'font-size': 11, fill: MUTED }, 'n/a'), label];
    return svg({ name: 'sparkline', width, height, title, desc: 'No data.', body, style });
  }

  const min = Math.min(...known);
  const max = Math.max(...known);
  const x = (i: number) => (kept.length === 1 ? lineWidth / 2 : PAD + (i / (kept.length - 1)) * (lineWidth - 2 * PAD));
  // A flat series sits in the middle rather than on an edge.
  const y = (v: number) => (max === min ? height / 2 : PAD + ((max - v) / (max - min)) * (height - 2 * PAD));

  const segments: string[] = [];
  const dots: string[] = [];
  let run: number[] = [];
  const close = () => {
    if (run.length === 1) dots.push(el('circle', { class: 'point', cx: x(run[0]!), cy: y(kept[run[0]!]!), r: 1.2, fill: STROKE }));
    else if (run.length > 1) segments.push(run.map((i, k) => `${k === 0 ? 'M' : 'L'}${num(x(i))} ${num(y(kept[i]!))}`).join(''));
    run = [];
  };
  kept.forEach((v, i) => (v === null ? close() : run.push(i)));
  close();

  const last = kept
    .map((v, i) => (v === null ? -1 : i))
    .filter((i) => i >= 0)
    .pop()!;
  const body: string[] = [];
  if (segments.length > 0)
    body.push(
      el('path', {
        class: 'line',
        d: segments.join(''),
        fill: 'none',
        stroke: STROKE,
        'stroke-width': 1.5,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
      }),
    );
  body.push(...dots);
  body.push(el('circle', { class: 'last', cx: x(last), cy: y(kept[last]!), r: 2, fill: STROKE }));
  if (label) body.push(label);

  const gaps = kept.length - known.length;
  const desc = [
    `${known.length} ${known.length === 1 ? 'value' : 'values'}${all.length > kept.length ? ` (the last ${kept.length} of ${all.length})` : ''}`,
    known.length > 1 ? `from ${decimal(min)} to ${decimal(max)}` : undefined,
    `last ${decimal(kept[last]!)}`,
    gaps > 0 ? `${gaps} missing` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return svg({ name: 'sparkline', width, height, title, desc: `${desc}.`, body, style });
}

/** A size in pixels the caller asked for, kept between 8 and 1,000; else the default. */
function size(value: number | undefined, fallback: number): number {
  const n = finite(value);
  return n === null ? fallback : Math.min(1000, Math.max(8, Math.round(n)));
}
