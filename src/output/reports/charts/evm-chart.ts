/**
 * Earned value: each project a point at (SPI, CPI), with the 1.0 lines (on budget, on schedule) and the PMO's
 * threshold drawn and labelled, and the quadrants named. The projects with the lowest index are numbered and
 * listed beside the plot with their values: position and words carry the meaning, colour only repeats it.
 * Text is never drawn where a point can be: the values sit inside the frame, the lines' names outside it, the
 * quadrants' names in strips along the frame that no point reaches (test/e2e/chart-layout-browser.test.ts).
 */
import { decimal, el, finite, GRID, heading, INK, MUTED, note, plural, RAG, svg, text, tooltip, truncate } from './svg.js';

/** An index as PMOs write it: two decimals, 1.00 included. */
const index = (v: number) => v.toFixed(2);

/** A white outline behind text drawn over lines and points, so it stays readable. */
const HALO = { stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' } as const;

export interface EvmRow {
  label: string;
  cpi: number | null;
  spi: number | null;
}

/** More points than this are a blot, not a chart; the ones with the highest indices are left out. */
export const EVM_MAX_POINTS = 300;
/** How many of the lowest are numbered and listed. */
export const EVM_LABELLED = 10;

const WIDTH = 810;
const X0 = 60;
/** Room above the frame for the SPI lines' two rows of names. */
const Y0 = 58;
const SIZE = 340;
/**
 * The values are drawn inside the frame, this far from it: no point sits on the frame (where half of it would be
 * cut off, or cover the lines' names), and the strips along the top and bottom keep the quadrants' names, which
 * no point can reach.
 */
const INSET = 24;
/** Right of the CPI lines' names, which sit outside the frame on its right. */
const LIST_X = 512;
/** Indices past these are drawn at the edge: a CPI of 20 (a tiny actual cost) would squash every other point. */
const FLOOR = 0;
const CEILING = 3;

export function evmChart(rows: EvmRow[], opts?: { title?: string; threshold?: number }): string {
  const title = opts?.title ?? 'Cost and schedule performance (CPI vs SPI)';
  const all = (rows ?? []).map((r, i) => ({ label: String(r.label), cpi: finite(r.cpi), spi: finite(r.spi), i }));
  const plotted = all.filter((r): r is { label: string; cpi: number; spi: number; i: number } => r.cpi !== null && r.spi !== null);
  const missing = all.length - plotted.length;
  const asked = finite(opts?.threshold);
  // One off any sane scale is ignored; one of exactly 1 colours points but draws no second line over the 1.0 one.
  const threshold = asked !== null && asked > FLOOR && asked < CEILING ? asked : null;

  // Worst first (the lower of the two indices), ties in the caller's order.
  const worst = (p: { cpi: number; spi: number; i: number }) => Math.min(p.cpi, p.spi);
  const ranked = [...plotted].sort((a, b) => worst(a) - worst(b) || a.i - b.i);
  const drawn = ranked.slice(0, EVM_MAX_POINTS);
  const hidden = ranked.length - drawn.length;

  const values = drawn.flatMap((p) => [p.cpi, p.spi]);
  let lo = Math.max(FLOOR, Math.min(0.5, Math.floor(Math.min(1, ...values) * 10) / 10));
  if (threshold !== null) lo = Math.max(FLOOR, Math.min(lo, Math.floor(threshold * 10) / 10));
  const hi = Math.min(CEILING, Math.max(1.5, Math.ceil(Math.max(1, ...values) * 10) / 10));
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const span = SIZE - 2 * INSET;
  const px = (v: number) => X0 + INSET + ((clamp(v) - lo) / (hi - lo)) * span;
  const py = (v: number) => Y0 + SIZE - INSET - ((clamp(v) - lo) / (hi - lo)) * span;

  const body = [heading(title, WIDTH), grid(lo, hi, px, py)];

  // The reference lines: 1.0 solid, the threshold dashed, each named where it meets the plot's edge.
  // Each line's names go on the side away from the other line, so the two never overlap.
  const lines = [line(1, px, py, '1.0', undefined, threshold !== null && threshold > 1 ? 'low' : 'high')];
  if (threshold !== null && threshold !== 1) lines.push(line(threshold, px, py, `${decimal(threshold)} threshold`, '4 3', threshold > 1 ? 'high' : 'low'));
  body.push(el('g', { class: 'reference-lines' }, lines.map((l) => l.lines).join('')));
  body.push(quadrants());

  const status = (p: { cpi: number; spi: number }) => {
    const low = Math.min(p.cpi, p.spi);
    return threshold !== null && low < threshold ? 'red' : low < 1 ? 'amber' : 'green';
  };
  const labelled = drawn.slice(0, EVM_LABELLED);
  let offScale = 0;
  const points = drawn.map((p, k) => {
    const rank = k + 1;
    const off = clamp(p.cpi) !== p.cpi || clamp(p.spi) !== p.spi;
    if (off) offScale++;
    const colour = RAG[status(p)];
    const tip = `${p.label}: CPI ${index(p.cpi)}, SPI ${index(p.spi)}${off ? ' (off the scale, drawn at its edge)' : ''}`;
    const marker = el('circle', {
      cx: px(p.spi),
      cy: py(p.cpi),
      r: 4.5,
      fill: off ? '#ffffff' : colour,
      // A dark edge: amber on white paper, and points on top of each other, stay apart.
      stroke: off ? colour : '#424242',
      'stroke-width': off ? 2 : 0.75,
    });
    // Right of the point, on its level: within the inset, so it never reaches the frame or the quadrants' strips.
    const number = rank <= EVM_LABELLED ? text({ x: px(p.spi) + 7, y: py(p.cpi) + 4, 'font-size': 11, 'font-weight': 'bold', ...HALO }, String(rank)) : '';
    return el('g', { class: 'point', 'data-status': status(p), 'data-rank': rank <= EVM_LABELLED ? rank : undefined }, tooltip(tip) + marker + number);
  });
  // Best drawn first, so the worst (the numbered ones) end up on top where points overlap.
  body.push(el('g', { class: 'points' }, points.reverse().join('')));
  // The lines' names over the points, so that no point hides them.
  body.push(el('g', { class: 'line-labels' }, lines.map((l) => l.labels).join('')));

  if (labelled.length > 0) {
    const list = [text({ x: LIST_X, y: Y0 + 10, 'font-weight': 'bold', 'font-size': 11 }, 'Lowest indices')];
    labelled.forEach((p, k) => {
      list.push(
        text(
          { class: 'list-item', x: LIST_X, y: Y0 + 28 + k * 16, 'font-size': 11 },
          `${k + 1}. ${truncate(p.label, 22)}: CPI ${index(p.cpi)}, SPI ${index(p.spi)}`,
        ),
      );
    });
    body.push(el('g', { class: 'list' }, list.join('')));
  }
  body.push(legend(threshold, Y0 + 60 + labelled.length * 16));

  let y = Y0 + SIZE + 54;
  const notes: Array<[string, string]> = [];
  if (plotted.length === 0) notes.push(['No project has both CPI and SPI', 'chart-note']);
  if (missing > 0) notes.push([`${plural(missing, 'project')} without CPI/SPI`, 'chart-note chart-missing']);
  if (offScale > 0) notes.push([`${offScale} off the scale (below ${decimal(lo)} or above ${decimal(hi)}), drawn hollow at its edge`, 'chart-note']);
  if (hidden > 0) notes.push([`and ${hidden} more ${hidden === 1 ? 'project' : 'projects'} with higher indices, not drawn`, 'chart-note chart-more']);
  for (const [words, cls] of notes) {
    body.push(note(words, y, cls));
    y += 16;
  }

  const below = (limit: number) => plotted.filter((p) => Math.min(p.cpi, p.spi) < limit).length;
  const desc = [
    `${plural(plotted.length, 'project')} by CPI and SPI.`,
    `${below(1)} below 1.0${threshold !== null ? `, ${below(threshold)} below the ${decimal(threshold)} threshold` : ''}.`,
    ...notes.slice(plotted.length === 0 ? 1 : 0).map(([words]) => `${words[0]!.toUpperCase()}${words.slice(1)}.`),
  ].join(' ');
  return svg({ name: 'evm', width: WIDTH, height: y, title, desc, body });
}

/** Frame, gridlines, tick labels and the axis names. */
function grid(lo: number, hi: number, px: (v: number) => number, py: (v: number) => number): string {
  const range = hi - lo;
  const step = range <= 1.2 ? 0.1 : range <= 2.5 ? 0.25 : 0.5;
  const parts = [el('rect', { x: X0, y: Y0, width: SIZE, height: SIZE, fill: 'none', stroke: MUTED })];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9; k++) {
    const v = Number((k * step).toFixed(2));
    parts.push(el('line', { x1: px(v), y1: Y0, x2: px(v), y2: Y0 + SIZE, stroke: GRID }));
    parts.push(el('line', { x1: X0, y1: py(v), x2: X0 + SIZE, y2: py(v), stroke: GRID }));
    parts.push(text({ x: px(v), y: Y0 + SIZE + 15, 'text-anchor': 'middle', 'font-size': 11, fill: MUTED }, decimal(v)));
    parts.push(text({ x: X0 - 6, y: py(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: MUTED }, decimal(v)));
  }
  parts.push(text({ x: X0 + SIZE / 2, y: Y0 + SIZE + 34, 'text-anchor': 'middle', 'font-size': 11 }, 'SPI (schedule: earned / planned value)'));
  parts.push(
    text(
      { x: 14, y: Y0 + SIZE / 2, 'text-anchor': 'middle', 'font-size': 11, transform: `rotate(-90 14 ${Y0 + SIZE / 2})` },
      'CPI (cost: earned value / actual cost)',
    ),
  );
  return el('g', { class: 'axes' }, parts.join(''));
}

/**
 * A horizontal CPI line and a vertical SPI line at `v`, each named outside the frame, where no point can cover the
 * name: the CPI line's on the right, just above (`high`) or below (`low`) the line; the SPI line's above the frame,
 * centred on the line, the `high` one on the lower row and the `low` one on the upper, so two never overlap.
 */
function line(
  v: number,
  px: (v: number) => number,
  py: (v: number) => number,
  words: string,
  dash: string | undefined,
  side: 'high' | 'low',
): { lines: string; labels: string } {
  const stroke = { stroke: INK, 'stroke-width': dash ? 1 : 1.5, 'stroke-dasharray': dash };
  const high = side === 'high';
  const lines =
    el('line', { class: 'cpi-line', x1: X0, y1: py(v), x2: X0 + SIZE, y2: py(v), ...stroke }) +
    el('line', { class: 'spi-line', x1: px(v), y1: Y0, x2: px(v), y2: Y0 + SIZE, ...stroke });
  const labels =
    text({ class: 'line-label', x: X0 + SIZE + 6, y: high ? py(v) - 2 : py(v) + 11, 'font-size': 11 }, `CPI ${words}`) +
    text({ class: 'line-label', x: px(v), y: high ? Y0 - 6 : Y0 - 21, 'text-anchor': 'middle', 'font-size': 11 }, `SPI ${words}`);
  return { lines, labels };
}

/** What the colours mean, in words (they only repeat what the position says). */
function legend(threshold: number | null, y: number): string {
  const items: Array<[string, string]> = [[RAG.green, `both indices ${index(Math.max(1, threshold ?? 1))} or more`]];
  if (threshold === null || threshold < 1)
    items.push([RAG.amber, threshold === null ? 'lower index under 1.00' : `lower index from ${index(threshold)} to 1.00`]);
  if (threshold !== null) items.push([RAG.red, `lower index under ${index(threshold)}`]);
  const parts = items.map(
    ([colour, words], k) =>
      el('circle', { cx: LIST_X + 5, cy: y + k * 16 - 4, r: 4.5, fill: colour, stroke: '#424242', 'stroke-width': 0.75 }) +
      text({ x: LIST_X + 16, y: y + k * 16, 'font-size': 11 }, words),
  );
  return el('g', { class: 'legend' }, parts.join(''));
}

/** The quadrants' names, in the strips along the frame's top and bottom that the inset keeps free of points. */
function quadrants(): string {
  const corner = (x: number, y: number, anchor: string, words: string) =>
    text({ x, y, 'text-anchor': anchor, 'font-size': 11, fill: MUTED, 'font-style': 'italic', ...HALO }, words);
  const top = Y0 + 15;
  const bottom = Y0 + SIZE - 7;
  return el(
    'g',
    { class: 'quadrants' },
    corner(X0 + 6, top, 'start', 'under budget, late') +
      corner(X0 + SIZE - 6, top, 'end', 'under budget, ahead') +
      corner(X0 + 6, bottom, 'start', 'over budget, late') +
      corner(X0 + SIZE - 6, bottom, 'end', 'over budget, ahead'),
  );
}
