/**
 * Resource load: a row per person, a column per week, each cell coloured by load against the person's capacity
 * and printing its value. Over capacity is also bold and outlined, so it shows on a black-and-white printout.
 * Rows keep the caller's order (the view model decides who comes first); what is cut is counted, with how many
 * of the cut rows are over capacity somewhere, so a cap never hides an over-allocation silently.
 */
import { el, finite, GRID, heading, MUTED, note, plural, svg, text, tooltip, truncate } from './svg.js';

export interface HeatmapData {
  columns: string[];
  /** A value that is null (no allocation known that week) is drawn as "–" and counted as no data. */
  rows: Array<{ label: string; capacity: number; values: Array<number | null> }>;
}

export const HEATMAP_LIMIT = 40;
/** A year of weeks; more would shrink the cells below reading size on a page. */
export const HEATMAP_MAX_COLUMNS = 52;
/** Load from this share of capacity up to capacity is "near". */
const NEAR = 0.8;

type Level = 'under' | 'near' | 'over' | 'none';

const LEVELS: Record<Level, { fill: string; stroke: string; words: string }> = {
  under: { fill: '#e8f5e9', stroke: '#ffffff', words: 'under' },
  near: { fill: '#ffe082', stroke: '#ffffff', words: 'near capacity' },
  over: { fill: '#ef9a9a', stroke: '#b71c1c', words: 'over capacity' },
  none: { fill: '#f5f5f5', stroke: '#ffffff', words: 'no data' },
};

const LABEL_W = 200;
/** Room for a week's label (2026-W47: 8 characters, about 56 px at 11 px). */
const CELL_W = 58;
const CELL_H = 22;
const TOP = 52;
/** A band's week labels, above its rows. */
const HEADER_H = 22;
const BAND_GAP = 14;
const MIN_WIDTH = 560;
/**
 * Weeks in one band of rows: more are drawn in further bands below (weeks 1-14, then 15-28...), so the chart stays
 * about 1,020 px wide and a report page at its normal width never has to shrink it (and its 11 px text) to fit.
 */
export const HEATMAP_BAND_COLUMNS = 14;

type Row = { label: string; capacity: number | null; levels: Array<{ value: number | null; level: Level }> };

export function heatmapChart(data: HeatmapData, opts?: { title?: string; limit?: number }): string {
  const title = opts?.title ?? 'Resource load by week (% allocated)';
  const limit = Math.max(1, Math.floor(finite(opts?.limit) ?? HEATMAP_LIMIT));
  const allColumns = (data?.columns ?? []).map(String);
  const columns = allColumns.slice(0, HEATMAP_MAX_COLUMNS);
  const rows: Row[] = (data?.rows ?? []).map((r) => {
    // A capacity that is no number is shown as n/a, and the load judged against full time.
    const capacity = finite(r.capacity);
    const levels = allColumns.map((_, c) => judge(finite(r.values?.[c]), capacity ?? 100));
    return { label: String(r.label), capacity, levels };
  });
  const shown = rows.slice(0, limit);
  const hidden = rows.slice(limit);
  const perBand = Math.min(HEATMAP_BAND_COLUMNS, Math.max(1, columns.length));
  const width = Math.max(MIN_WIDTH, LABEL_W + perBand * CELL_W + 8);

  const body = [heading(title, width), legend()];
  let y = TOP;
  let over = 0;
  for (let first = 0; first < columns.length; first += perBand) {
    const band = columns.slice(first, first + perBand);
    body.push(el('g', { class: 'columns' }, bandHeader(band, y + HEADER_H - 8)));
    y += HEADER_H;
    shown.forEach((row) => {
      const drawn = bandRow(row, band, first, y);
      over += drawn.over;
      body.push(drawn.markup);
      y += CELL_H;
    });
    y += BAND_GAP;
  }

  y += 4;
  const notes: string[] = [];
  if (shown.length === 0 || columns.length === 0) notes.push('No allocation data');
  if (hidden.length > 0) {
    const hiddenOver = hidden.filter((r) => r.levels.some((l) => l.level === 'over')).length;
    notes.push(`and ${hidden.length} more ${hidden.length === 1 ? 'person' : 'people'} (${hiddenOver} over capacity in some week), not drawn`);
  }
  if (allColumns.length > columns.length) notes.push(`and ${plural(allColumns.length - columns.length, 'more week')}, not drawn`);
  for (const line of notes) {
    body.push(note(line, y, line.startsWith('and ') ? 'chart-note chart-more' : 'chart-note'));
    y += 16;
  }

  const desc = [
    `${plural(shown.length, 'person', 'people')} over ${plural(columns.length, 'week')}.`,
    `${plural(over, 'cell')} over capacity.`,
    ...notes.filter((n) => n.startsWith('and ')).map((n) => `${n[0]!.toUpperCase()}${n.slice(1)}.`),
  ].join(' ');
  return svg({ name: 'heatmap', width, height: y, title, desc, body });
}

/** A band's week labels and the capacity column's name, on the baseline `y`. */
function bandHeader(band: string[], y: number): string {
  const header = band.map((c, i) => text({ x: LABEL_W + i * CELL_W + CELL_W / 2, y, 'text-anchor': 'middle', 'font-size': 11, fill: MUTED }, truncate(c, 8)));
  header.push(text({ x: LABEL_W - 8, y, 'text-anchor': 'end', 'font-size': 11, fill: MUTED }, 'capacity'));
  return header.join('');
}

/** One person's row in a band: name, capacity and a cell per week of the band (`first`: the band's first week). */
function bandRow(row: Row, band: string[], first: number, y: number): { markup: string; over: number } {
  let over = 0;
  const parts = [
    text({ x: 0, y: y + 15 }, truncate(row.label, 22)),
    text({ x: LABEL_W - 8, y: y + 15, 'text-anchor': 'end', fill: MUTED, 'font-size': 11 }, row.capacity === null ? 'n/a' : `${Math.round(row.capacity)}%`),
  ];
  band.forEach((column, i) => {
    const cell = row.levels[first + i]!;
    if (cell.level === 'over') over++;
    const style = LEVELS[cell.level];
    const isOver = cell.level === 'over';
    const x = LABEL_W + i * CELL_W;
    const printed = cell.value === null ? '–' : `${cell.value}%`;
    const tip = `${row.label}, ${column}: ${cell.value === null ? 'no data' : `${cell.value}% of ${row.capacity === null ? 'n/a' : `${Math.round(row.capacity)}%`} capacity`} (${style.words})`;
    parts.push(
      el(
        'g',
        { class: 'cell', 'data-level': cell.level },
        tooltip(tip) +
          // The outline sits inside the cell (inset by half its width) so neighbours do not paint over it.
          el('rect', {
            x: x + (isOver ? 1 : 0),
            y: y + (isOver ? 1 : 0),
            width: CELL_W - (isOver ? 2 : 0),
            height: CELL_H - (isOver ? 2 : 0),
            fill: style.fill,
            stroke: style.stroke,
            'stroke-width': isOver ? 2 : 1,
          }) +
          text(
            { x: x + CELL_W / 2, y: y + 15, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': isOver ? 'bold' : undefined, fill: cell.value === null ? MUTED : undefined },
            printed,
          ),
      ),
    );
  });
  return { markup: el('g', { class: 'heatmap-row' }, parts.join('')), over };
}

/** A cell's level, judged on the whole percent it prints, so "100%" is never flagged over. */
function judge(value: number | null, capacity: number): { value: number | null; level: Level } {
  if (value === null) return { value, level: 'none' };
  const v = Math.round(value);
  if (v > capacity) return { value: v, level: 'over' };
  if (v <= 0 || v < NEAR * capacity) return { value: v, level: 'under' };
  return { value: v, level: 'near' };
}

function legend(): string {
  const items: Array<[Level, string]> = [
    ['under', `under ${NEAR * 100}% of capacity`],
    ['near', `${NEAR * 100}–100%`],
    ['over', 'over capacity (bold, outlined)'],
  ];
  let x = 0;
  const parts = items.map(([level, label]) => {
    const style = LEVELS[level];
    const part =
      el('rect', {
        x,
        y: 28,
        width: 12,
        height: 10,
        fill: style.fill,
        stroke: level === 'over' ? style.stroke : GRID,
        'stroke-width': level === 'over' ? 2 : 1,
      }) + text({ x: x + 16, y: 37, 'font-size': 11, 'font-weight': level === 'over' ? 'bold' : undefined }, label);
    // About 6.5 px a letter at 11 px (bold is wider), and a gap before the next swatch.
    x += 36 + label.length * 6.5;
    return part;
  });
  return el('g', { class: 'legend' }, parts.join(''));
}
