/**
 * A tiny trend line for a table cell. A missing value breaks the line (a gap says "no data that week", a line
 * drawn across it would invent one); the last value gets a dot, since it is the one the row's figure shows.
 * Its words (<desc>) give the range and the last value for whoever cannot see it.
 */
import { decimal, el, finite, MUTED, num, svg, text } from './svg.js';

/** The most recent values kept: a sparkline is a few dozen pixels wide, and a table may hold a thousand of them. */
export const SPARKLINE_MAX_POINTS = 100;

const STROKE = '#455a64';
/** Room for the last value's dot (r 2) at the edges. */
const PAD = 2.5;

export function sparkline(values: Array<number | null>, opts?: { width?: number; height?: number }): string {
  const width = size(opts?.width, 80);
  const height = size(opts?.height, 20);
  const all = (values ?? []).map(finite);
  const kept = all.slice(-SPARKLINE_MAX_POINTS);
  const known = kept.filter((v): v is number => v !== null);
  const style = 'vertical-align:middle;max-width:100%;height:auto';

  if (known.length === 0) {
    const body = [text({ x: width / 2, y: height / 2 + 3, 'text-anchor': 'middle', 'font-size': 9, fill: MUTED }, 'n/a')];
    return svg({ name: 'sparkline', width, height, title: 'Trend', desc: 'No data.', body, style });
  }

  const min = Math.min(...known);
  const max = Math.max(...known);
  const x = (i: number) => (kept.length === 1 ? width / 2 : PAD + (i / (kept.length - 1)) * (width - 2 * PAD));
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

  const gaps = kept.length - known.length;
  const desc = [
    `${known.length} ${known.length === 1 ? 'value' : 'values'}${all.length > kept.length ? ` (the last ${kept.length} of ${all.length})` : ''}`,
    known.length > 1 ? `from ${decimal(min)} to ${decimal(max)}` : undefined,
    `last ${decimal(kept[last]!)}`,
    gaps > 0 ? `${gaps} missing` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return svg({ name: 'sparkline', width, height, title: 'Trend', desc: `${desc}.`, body, style });
}

/** A size in pixels the caller asked for, kept between 8 and 1,000; else the default. */
function size(value: number | undefined, fallback: number): number {
  const n = finite(value);
  return n === null ? fallback : Math.min(1000, Math.max(8, Math.round(n)));
}
