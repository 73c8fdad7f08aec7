/**
 * The HTML reports in real headless Chromium: `pmo report weekly -f html` on the bundled example shows its four
 * charts and a status sparkline per project, on screen and in print, asks nothing of the network and logs no
 * error; the resources report shows its heatmap. Screenshots land in test-results/report-browser/ for a look.
 * Skipped, saying why, where /usr/bin/chromium is not installed (.ci/run installs it).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { commitAt, gitAt } from '../helpers/history.js';
import { makePortfolio, PROJECT } from '../helpers/repo.js';
import { ARTIFACTS, BROWSER_TIMEOUT_MS, requireChromium, withPage, type ChartBox } from './support/browser.js';

const ACME = fileURLToPath(new URL('../../examples/acme', import.meta.url));
const DIR = join(ARTIFACTS, 'report-browser');

function render(kind: string[], name: string): string {
  mkdirSync(DIR, { recursive: true });
  const out = join(DIR, name);
  const run = pmo(['report', ...kind, '-C', ACME, '--today', '2026-11-20', '-f', 'html', '-o', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return out;
}

/** Two weeks of one project's history: enough for every trend chart to draw. */
function trendRepo(): string {
  const dir = makePortfolio();
  gitAt(dir, undefined, 'init', '-q', '-b', 'main');
  commitAt(dir, '2026-10-16T17:00:00+00:00', 'w42');
  commitAt(dir, '2026-10-23T17:00:00+00:00', 'w43', { 'projects/apollo.yaml': PROJECT.replace('overall: amber', 'overall: red') });
  return dir;
}

const countBy = (charts: ChartBox[]) => charts.reduce<Record<string, number>>((n, c) => ({ ...n, [c.chart]: (n[c.chart] ?? 0) + 1 }), {});

describe('HTML reports in headless Chromium', () => {
  it(
    'weekly: the five charts and the sparklines show, on screen and in print, with no network and no errors',
    async ({ skip }) => {
      requireChromium(skip);
      await withPage(render(['weekly'], 'weekly.html'), async (page) => {
        const expectShown = async () => {
          const charts = await page.charts();
          for (const chart of charts) {
            expect(chart.visible, `${chart.chart} visible`).toBe(true);
            expect(chart.width * chart.height, `${chart.chart} has an area`).toBeGreaterThan(0);
            expect(chart.x + chart.width, `${chart.chart} fits the page`).toBeLessThanOrEqual(page.viewport().width + 0.5);
          }
          // 8 active projects with a status history each (2 of the 10 are left out for schema errors); the cost
          // by month, of data-platform (the one active project that logs costs and passes its schema)
          expect(countBy(charts)).toEqual({ rag: 1, evm: 1, budget: 1, heatmap: 1, line: 1, sparkline: 8 });
        };
        await expectShown();
        expect(await page.page.title()).toBe('Weekly portfolio status · Acme Corp · 2026-11-20');
        expect(await page.page.locator('h2').allTextContents()).toContain('Top risks');
        expect(await page.page.locator('.rag-red').count()).toBeGreaterThan(0);
        await page.screenshot('report-browser/weekly.png');
        await page.printMedia();
        await expectShown();
        await page.pdf('report-browser/weekly.pdf');
        expect(page.networkRequests()).toEqual([]);
        expect(page.consoleErrors()).toEqual([]);
      });
    },
    BROWSER_TIMEOUT_MS * 2,
  );

  it(
    'resources, trends, the project one-pager and capacity render their charts',
    async ({ skip }) => {
      requireChromium(skip);
      await withPage(render(['resources'], 'resources.html'), async (page) => {
        expect(countBy(await page.charts())).toEqual({ heatmap: 1 });
        await page.screenshot('report-browser/resources.png');
        expect(page.networkRequests()).toEqual([]);
      });
      const trends = join(DIR, 'trends.html');
      const history = trendRepo();
      expect(pmo(['report', 'trends', '-C', history, '--today', '2026-10-25', '--weeks', '5', '-f', 'html', '-o', trends]).code).toBe(0);
      await withPage(trends, async (page) => {
        expect(countBy(await page.charts())).toEqual({ stacked: 2, line: 3 });
        await page.screenshot('report-browser/trends.png');
        expect(page.networkRequests()).toEqual([]);
        expect(page.consoleErrors()).toEqual([]);
      });
      // Its status sparkline and its S-curve (it logs its costs by month)
      await withPage(render(['project', 'crm-migration'], 'project.html'), async (page) => {
        expect(countBy(await page.charts())).toEqual({ sparkline: 1, line: 1 });
        await page.screenshot('report-browser/project.png');
        expect(page.networkRequests()).toEqual([]);
        expect(page.consoleErrors()).toEqual([]);
      });
      // A stacked chart for each of the nine roles in demand
      await withPage(render(['capacity'], 'capacity.html'), async (page) => {
        expect(countBy(await page.charts())).toEqual({ stacked: 9 });
        await page.screenshot('report-browser/capacity.png');
        expect(page.networkRequests()).toEqual([]);
        expect(page.consoleErrors()).toEqual([]);
      });
    },
    BROWSER_TIMEOUT_MS * 2,
  );
});
