/**
 * How the charts read, measured in real headless Chromium at a report page's normal width (1280 px): every text
 * is drawn at 11 px or more, no two texts overlap, no point covers a text, and nothing falls outside its SVG. On
 * the example's HTML reports as pmo renders them (trends from the example's history), and on a page of the cases that read badly before: a point at
 * (0, 0) (on a quadrant's name), points on the frame (on the reference lines' names), a point above the scale,
 * half a year of weeks in the heatmap, budgets without a forecast. The risk tables' "P × I" header stays on
 * one line. Skipped, saying why, where /usr/bin/chromium is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { budgetChart, evmChart, heatmapChart, sparkline } from '../../src/output/reports/charts/index.js';
import { pmo } from '../helpers/cli.js';
import { ARTIFACTS, BROWSER_TIMEOUT_MS, chartLayouts, requireChromium, withPage, type Box, type ChartLayout } from './support/browser.js';

const ACME = fileURLToPath(new URL('../../examples/acme', import.meta.url));
const STYLES = fileURLToPath(new URL('../../templates/partials/html/styles.hbs', import.meta.url));
const HISTORY_SCRIPT = fileURLToPath(new URL('../../scripts/example-history.mjs', import.meta.url));
const DIR = join(ARTIFACTS, 'chart-layout');
const MIN_FONT_PX = 11;

/** Two boxes share more than a hairline (text boxes that merely touch do not collide). */
function overlap(a: Box, b: Box): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0.5 && h > 0.5;
}

const inside = (box: Box, frame: Box) =>
  box.x >= frame.x - 0.5 && box.y >= frame.y - 0.5 && box.x + box.width <= frame.x + frame.width + 0.5 && box.y + box.height <= frame.y + frame.height + 0.5;

/** Every way a chart can read badly, as readable messages (empty when it reads well). */
function layoutProblems(chart: ChartLayout): string[] {
  const problems: string[] = [];
  const name = (t: { text: string }) => `${chart.chart} "${t.text.slice(0, 40)}"`;
  for (const t of chart.texts) if (t.fontPx < MIN_FONT_PX - 0.01) problems.push(`${name(t)} is drawn at ${t.fontPx.toFixed(1)} px`);
  for (const d of chart.drawn) if (d.box.width + d.box.height > 0 && !inside(d.box, chart.box)) problems.push(`${chart.chart} ${d.tag} at ${JSON.stringify(d.box)} is outside its SVG`);
  chart.texts.forEach((a, i) => {
    for (const b of chart.texts.slice(i + 1)) if (overlap(a.box, b.box)) problems.push(`${name(a)} overlaps ${name(b)}`);
    // A point's own number sits beside it; any other text under a point is covered.
    if (!a.rank) for (const p of chart.points) if (overlap(a.box, p)) problems.push(`a point covers ${name(a)}`);
  });
  return problems;
}

/** A report of the example, rendered by the built CLI to a file under test-results/. */
function render(args: string[], name: string, repo = ACME): string {
  mkdirSync(DIR, { recursive: true });
  const out = join(DIR, name);
  const run = pmo(['report', ...args, '-C', repo, '--today', '2026-11-20', '-f', 'html', '-o', out]);
  expect([run.code, run.stderr]).toEqual([0, '']);
  return out;
}

/** The cases that read badly, each chart in a figure as the weekly report places them, with its stylesheet. */
function hardCasesPage(): string {
  const evm = evmChart(
    [
      { label: 'At zero', cpi: 0, spi: 0 },
      { label: 'Right edge on 1.0', cpi: 1, spi: 1.5 },
      { label: 'Left edge on threshold', cpi: 0.9, spi: 0 },
      { label: 'Top right corner', cpi: 1.5, spi: 1.5 },
      { label: 'Above the scale', cpi: 7.2, spi: 1.1 },
    ],
    { threshold: 0.9 },
  );
  const weeks = Array.from({ length: 26 }, (_, w) => `2026-W${String(w + 27).padStart(2, '0')}`);
  const heatmap = heatmapChart({
    columns: weeks,
    rows: [
      { label: 'A person with a rather long name indeed', capacity: 100, values: weeks.map((_, w) => (w * 37) % 160) },
      { label: 'Part-timer', capacity: 50, values: weeks.map((_, w) => (w % 3 === 0 ? null : 100)) },
    ],
  });
  const budget = budgetChart(
    [
      { label: 'Overrun with the longest label there is', baseline: 1_000_000, forecast: 1_240_000, actual: 980_000 },
      { label: 'No forecast yet', baseline: 400_000, forecast: null, actual: null },
      { label: 'Small', baseline: 20_000, forecast: 19_000, actual: 5_000 },
    ],
    { currency: 'EUR' },
  );
  const styles = readFileSync(STYLES, 'utf8');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hard cases</title><style>${styles}</style></head><body>
<section class="charts">
<figure>${evm}</figure>
<figure>${budget}</figure>
<figure>${heatmap}</figure>
<figure>${sparkline([3, 3, 2, 1, null, 2], { label: 'amber', title: 'Overall status' })}</figure>
</section></body></html>`;
}

describe('chart layout in headless Chromium, at the normal page width', () => {
  it(
    "the example's weekly, resources (half a year), project, capacity and trends reports: 11 px text or more, nothing overlapping or outside",
    async ({ skip }) => {
      requireChromium(skip);
      // The trends report needs the example's history (npm run example:history).
      const history = join(mkdtempSync(join(tmpdir(), 'pmo-layout-')), 'acme');
      expect(spawnSync(process.execPath, [HISTORY_SCRIPT, history]).status).toBe(0);
      const pages = [
        render(['weekly'], 'weekly.html'),
        render(['resources', '--weeks', '26'], 'resources.html'),
        render(['project', 'crm-migration'], 'project.html'),
        render(['capacity'], 'capacity.html'),
        render(['trends', '--weeks', '26'], 'trends.html', history),
      ];
      rmSync(join(history, '..'), { recursive: true, force: true });
      for (const file of pages) {
        await withPage(file, async (page) => {
          const charts = await chartLayouts(page.page);
          expect(charts.length).toBeGreaterThan(0);
          for (const chart of charts) expect(layoutProblems(chart), file).toEqual([]);
          // The risk table's "P × I" is one line of text, not three.
          for (const header of await page.page.locator('th', { hasText: 'P × I' }).all()) {
            expect(await header.evaluate((th) => {
              const range = (th.ownerDocument as unknown as { createRange(): { selectNodeContents(n: unknown): void; getClientRects(): ArrayLike<unknown> } }).createRange();
              range.selectNodeContents(th);
              return range.getClientRects().length;
            })).toBe(1);
          }
        });
      }
      // The half year is drawn in two bands of weeks, none of them shrunk: 26 week labels in all.
      await withPage(pages[1]!, async (page) => {
        expect(await page.page.locator('svg[data-chart="heatmap"] g.columns').count()).toBe(2);
        expect(await page.page.locator('svg[data-chart="heatmap"] g.columns text', { hasText: /^\d{4}-W\d\d$/ }).count()).toBe(26);
      });
    },
    BROWSER_TIMEOUT_MS * 2,
  );

  it(
    'a point at (0, 0), points on the frame and above the scale, budgets without a forecast, a labelled sparkline',
    async ({ skip }) => {
      requireChromium(skip);
      mkdirSync(DIR, { recursive: true });
      const file = join(DIR, 'hard-cases.html');
      writeFileSync(file, hardCasesPage());
      await withPage(file, async (page) => {
        const charts = await chartLayouts(page.page);
        expect(charts.map((c) => c.chart)).toEqual(['evm', 'budget', 'heatmap', 'sparkline']);
        for (const chart of charts) expect(layoutProblems(chart)).toEqual([]);
        const evm = charts[0]!;
        // Every point is drawn whole inside the frame: the one above the scale too (hollow, at the top).
        expect(evm.points).toHaveLength(5);
        const frame = await page.page.locator('svg[data-chart="evm"] g.axes rect').boundingBox();
        for (const point of evm.points) expect(inside(point, frame!)).toBe(true);
        expect(evm.texts.map((t) => t.text)).toContain('1 off the scale (below 0 or above 3), drawn hollow at its edge');
        // The sparkline says what its line ends at.
        expect(charts[3]!.texts.map((t) => t.text)).toEqual(['amber']);
        await page.screenshot('chart-layout/hard-cases.png');
      });
    },
    BROWSER_TIMEOUT_MS,
  );
});
