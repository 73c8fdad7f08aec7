/**
 * The report charts, read back by a real XML parser (libxml2): well-formed, named for tests and CSS, and showing
 * a reader what the data says: bars, cells and points counted, labels as text however hostile, what was cut
 * said in words, nulls left out and counted, never NaN or Infinity.
 */
import { describe, expect, it } from 'vitest';
import { budgetChart, evmChart, heatmapChart, ragChart, sparkline, type BudgetRow, type EvmRow } from '../../../src/output/reports/charts/index.js';
import { SvgXml } from './svg-xml.js';

const HOSTILE = `</svg><script>alert("x")</script> & 'Q' ]]> \u0001`;
/** What a reader gets back from HOSTILE: the same text, the one control character XML cannot carry replaced. */
const HOSTILE_READ = HOSTILE.replace('\u0001', '\uFFFD');

/** Checks every chart shares, and the parsed chart for the test's own checks. */
function chart(markup: string, name: string, title: string): SvgXml {
  const xml = new SvgXml(markup);
  expect(markup).not.toMatch(/NaN|Infinity|undefined|\[object/);
  expect(xml.string('name(/*)')).toBe('svg');
  expect(xml.string('/s:svg/@class')).toBe(`chart chart-${name}`);
  expect(xml.string('/s:svg/@data-chart')).toBe(name);
  expect(xml.string('/s:svg/@role')).toBe('img');
  expect(xml.string('/s:svg/@viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  // The accessible name is the chart's title, its description in words follows.
  const labelledBy = xml.string('/s:svg/@aria-labelledby');
  expect(xml.string(`/s:svg/s:title[@id="${labelledBy}"]`)).toBe(title);
  expect(xml.string(`/s:svg/s:desc[@id="${xml.string('/s:svg/@aria-describedby')}"]`)).not.toBe('');
  expect(xml.count('//s:script | //s:foreignObject | //@*[starts-with(name(), "on")] | //@href')).toBe(0);
  return xml;
}

const bars = (xml: SvgXml, cls = 'bar') => xml.count(`//s:rect[contains(concat(" ", @class, " "), " ${cls} ")]`);

describe('ragChart', () => {
  it('draws a bar per status with projects, each named and counted', () => {
    const xml = chart(ragChart({ green: 12, amber: 3, red: 1, none: 2 }), 'rag', 'Projects by RAG status');
    expect(bars(xml)).toBe(4);
    expect(xml.strings('//s:g[@class="rag-row"]/@data-rag')).toEqual(['green', 'amber', 'red', 'none']);
    expect(xml.texts()).toEqual([
      'Projects by RAG status',
      'Green',
      '12 (67%)',
      'Amber',
      '3 (17%)',
      'Red',
      '1 (6%)',
      'No status',
      '2 (11%)',
      '18 projects in all',
    ]);
    expect(xml.strings('//s:rect[@class="bar"]/@fill')).toEqual(['#2e7d32', '#f9a825', '#c62828', '#9e9e9e']);
  });

  it('shows no bar for a status without projects, and says so when there are none at all', () => {
    const one = chart(ragChart({ green: 0, amber: 0, red: 1, none: 0 }, { title: HOSTILE }), 'rag', HOSTILE_READ);
    expect(bars(one)).toBe(1);
    expect(one.string('//s:g[@data-rag="red"]/s:text[@class="value"]')).toBe('1 (100%)');
    expect(one.string('//s:text[@class="chart-title"]')).toBe(HOSTILE_READ);

    const none = chart(ragChart({ green: 0, amber: NaN, red: -3, none: Infinity }), 'rag', 'Projects by RAG status');
    expect(bars(none)).toBe(0);
    expect(none.strings('//s:text[@class="value"]')).toEqual(['0', '0', '0', '0']);
    expect(none.string('//s:text[contains(@class, "chart-total")]')).toBe('No projects');
  });

  it('keeps a sliver of a bar for 1 project among 1,000', () => {
    const xml = chart(ragChart({ green: 1000, amber: 1, red: 0, none: 0 }), 'rag', 'Projects by RAG status');
    expect(Number(xml.string('//s:g[@data-rag="amber"]/s:rect/@width'))).toBeGreaterThanOrEqual(2);
    expect(Number(xml.string('//s:g[@data-rag="green"]/s:rect/@width'))).toBeGreaterThan(100);
  });
});

const budgetRows = (n: number): BudgetRow[] =>
  Array.from({ length: n }, (_, i) => ({ label: `P${i}`, baseline: (i + 1) * 10_000, forecast: (i + 1) * 10_000 * (i % 2 ? 1.1 : 0.9), actual: i * 5_000 }));

describe('budgetChart', () => {
  it('draws baseline, forecast and actual, with money ticks, and marks a forecast over baseline in words', () => {
    const rows: BudgetRow[] = [
      { label: 'Apollo', baseline: 1_200_000, forecast: 1_350_000, actual: 800_000 },
      { label: 'Gemini', baseline: 350_000, forecast: 300_000, actual: 120_000 },
    ];
    const xml = chart(budgetChart(rows, { currency: 'EUR' }), 'budget', 'Budget: baseline, forecast and actual');
    expect(bars(xml)).toBe(6);
    expect(bars(xml, 'bar-over')).toBe(1);
    expect(xml.strings('//s:g[@class="budget-row"]/s:text[1]')).toEqual(['Apollo', 'Gemini']);
    expect(xml.strings('//s:g[contains(@class, "budget-row")][1]/s:text[position() > 1]')).toEqual(['B 1.2M', 'F 1.35M, 13% over', 'A 800k']);
    expect(xml.string('//s:g[@data-over="true"]/s:text[1]/@font-weight')).toBe('bold');
    expect(xml.strings('//s:g[@class="axis"]/s:text')).toEqual(['0', '250k', '500k', '750k', '1M', '1.25M', '1.5M', 'Budget (EUR)']);
    expect(xml.titles()).toContain('Apollo: baseline 1.2M, forecast 1.35M, actual 800k (forecast 13% over)');
  });

  it('draws the 20 largest baselines by default and says how many more there are', () => {
    const xml = chart(budgetChart(budgetRows(1000)), 'budget', 'Budget: baseline, forecast and actual');
    const labels = xml.strings('//s:g[starts-with(@class, "budget-row")]/s:text[1]');
    expect(labels).toEqual(Array.from({ length: 20 }, (_, i) => `P${999 - i}`));
    expect(bars(xml)).toBe(60);
    expect(xml.string('//s:text[contains(@class, "chart-more")]')).toBe('and 980 more projects with smaller baselines, not drawn');

    const five = chart(budgetChart(budgetRows(6), { limit: 5, title: 'Top 5' }), 'budget', 'Top 5');
    expect(five.count('//s:g[starts-with(@class, "budget-row")]')).toBe(5);
    expect(five.string('//s:text[contains(@class, "chart-more")]')).toBe('and 1 more project with smaller baselines, not drawn');
  });

  it('leaves out missing values, in words, and puts projects without a baseline last', () => {
    const rows: BudgetRow[] = [
      { label: 'No baseline', baseline: null, forecast: 100_000, actual: null },
      { label: 'Nothing', baseline: null, forecast: null, actual: NaN },
      { label: 'From zero', baseline: 0, forecast: 10_000, actual: 0 },
      { label: 'Only baseline', baseline: 50_000, forecast: Infinity, actual: null },
    ];
    const xml = chart(budgetChart(rows), 'budget', 'Budget: baseline, forecast and actual');
    expect(xml.strings('//s:g[starts-with(@class, "budget-row")]/s:text[1]')).toEqual(['Only baseline', 'From zero', 'No baseline', 'Nothing']);
    expect(bars(xml)).toBe(5);
    expect(xml.strings('//s:g[starts-with(@class, "budget-row")][4]/s:text[position() > 1]')).toEqual(['B n/a', 'F n/a', 'A n/a']);
    expect(xml.strings('//s:g[@data-over="true"]/s:text[1]')).toEqual(['From zero']);
    expect(xml.texts()).toContain('F 10k, over');
    expect(xml.count('//s:text[contains(@class, "chart-more")]')).toBe(0);
  });

  it('keeps a hostile label as text, cut to fit but whole in the tooltip', () => {
    const xml = chart(budgetChart([{ label: HOSTILE, baseline: 1, forecast: 2, actual: 3 }]), 'budget', 'Budget: baseline, forecast and actual');
    expect(xml.string('//s:g[starts-with(@class, "budget-row")]/s:title')).toMatch(new RegExp(`^${escapeRegExp(HOSTILE_READ)}: baseline 1`));
    expect(xml.string('//s:g[starts-with(@class, "budget-row")]/s:text[1]')).toBe(`${Array.from(HOSTILE_READ).slice(0, 25).join('')}…`);
  });

  it('says so when there is nothing to draw', () => {
    const xml = chart(budgetChart([]), 'budget', 'Budget: baseline, forecast and actual');
    expect(bars(xml)).toBe(0);
    expect(xml.texts()).toContain('No projects with a budget');
  });
});

const weeks = (n: number) => Array.from({ length: n }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`);

describe('heatmapChart', () => {
  it('prints every value in its cell, coloured and marked under, near or over capacity', () => {
    const data = {
      columns: ['2026-W47', '2026-W48', '2026-W49'],
      rows: [
        { label: 'Ada', capacity: 100, values: [45, 85, 120] },
        { label: HOSTILE, capacity: 80, values: [80, 81, 100.4] },
      ],
    };
    const xml = chart(heatmapChart(data), 'heatmap', 'Resource load by week (% allocated)');
    expect(xml.count('//s:g[@class="cell"]')).toBe(6);
    expect(xml.strings('//s:g[@class="cell"]/s:text')).toEqual(['45%', '85%', '120%', '80%', '81%', '100%']);
    expect(xml.strings('//s:g[@class="cell"]/@data-level')).toEqual(['under', 'near', 'over', 'near', 'over', 'over']);
    // Over capacity is more than a colour: bold and outlined.
    expect(xml.strings('//s:g[@data-level="over"]/s:text/@font-weight')).toEqual(['bold', 'bold', 'bold']);
    expect(xml.strings('//s:g[@data-level="over"]/s:rect/@stroke-width')).toEqual(['2', '2', '2']);
    expect(xml.count('//s:g[@data-level!="over"]/s:text/@font-weight')).toBe(0);
    expect(xml.strings('//s:g[@class="columns"]/s:text')).toEqual(['2026-W47', '2026-W48', '2026-W49', 'capacity']);
    expect(xml.strings('//s:g[@class="heatmap-row"]/s:text[2]')).toEqual(['100%', '80%']);
    expect(xml.titles()).toContain(`${HOSTILE_READ}, 2026-W49: 100% of 80% capacity (over capacity)`);
    expect(xml.string('/s:svg/s:desc')).toBe('2 people over 3 weeks. 3 cells over capacity.');
  });

  it('shows a missing value as a dash, judges a capacity of 0 and one that is no number', () => {
    const data = {
      columns: weeks(3),
      rows: [
        { label: 'Short', capacity: 100, values: [50, NaN] },
        { label: 'On leave', capacity: 0, values: [0, 10, 0] },
        { label: 'Unknown', capacity: NaN, values: [90, 100, 101] },
      ],
    };
    const xml = chart(heatmapChart(data), 'heatmap', 'Resource load by week (% allocated)');
    expect(xml.strings('//s:g[@class="cell"]/s:text')).toEqual(['50%', '–', '–', '0%', '10%', '0%', '90%', '100%', '101%']);
    expect(xml.strings('//s:g[@class="cell"]/@data-level')).toEqual(['under', 'none', 'none', 'under', 'over', 'under', 'near', 'near', 'over']);
    expect(xml.strings('//s:g[@class="heatmap-row"]/s:text[2]')).toEqual(['100%', '0%', 'n/a']);
  });

  it('draws 40 people by default and counts the rest, with how many of them are over capacity', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      label: `Person ${i}`,
      capacity: 100,
      values: weeks(12).map((_, w) => (i % 10 === 0 && w === 11 ? 130 : 50)),
    }));
    const xml = chart(heatmapChart({ columns: weeks(12), rows }), 'heatmap', 'Resource load by week (% allocated)');
    expect(xml.count('//s:g[@class="heatmap-row"]')).toBe(40);
    expect(xml.count('//s:g[@class="cell"]')).toBe(480);
    expect(xml.string('//s:text[contains(@class, "chart-more")]')).toBe('and 960 more people (96 over capacity in some week), not drawn');

    const two = chart(heatmapChart({ columns: weeks(60), rows: rows.slice(0, 3) }, { limit: 2 }), 'heatmap', 'Resource load by week (% allocated)');
    expect(two.count('//s:g[@class="cell"]')).toBe(2 * 52);
    expect(two.strings('//s:text[contains(@class, "chart-more")]')).toEqual([
      'and 1 more person (0 over capacity in some week), not drawn',
      'and 8 more weeks, not drawn',
    ]);
  });

  it('draws more than 14 weeks in bands of 14, so that the chart is never wider than about 1,020 px', () => {
    const rows = [{ label: 'A', capacity: 100, values: weeks(30).map((_, w) => w) }];
    const xml = chart(heatmapChart({ columns: weeks(30), rows }), 'heatmap', 'Resource load by week (% allocated)');
    // 14 + 14 + 2 weeks; the width: 200 for the names, 14 cells of 58, 8 to spare.
    expect(xml.count('//s:g[@class="columns"]')).toBe(3);
    expect(xml.count('//s:g[@class="heatmap-row"]')).toBe(3);
    expect(xml.count('//s:g[@class="cell"]')).toBe(30);
    expect(xml.string('/s:svg/@width')).toBe('1020');
    // The third band starts with week 29 (index 28), its value 28%.
    expect(xml.string('(//s:g[@class="heatmap-row"])[3]/s:g[@class="cell"][1]/s:text')).toBe('28%');
    expect(xml.count('//s:text[@font-size < 11]')).toBe(0);
  });

  it('says so when there is nothing to draw', () => {
    const xml = chart(heatmapChart({ columns: [], rows: [] }), 'heatmap', 'Resource load by week (% allocated)');
    expect(xml.count('//s:g[@class="cell"]')).toBe(0);
    expect(xml.texts()).toContain('No allocation data');
  });
});

describe('evmChart', () => {
  it('plots each project with both indices, names the 1.0 and threshold lines and the quadrants, counts the rest', () => {
    const rows: EvmRow[] = [
      { label: 'Apollo', cpi: 0.85, spi: 1.1 },
      { label: HOSTILE, cpi: 1.05, spi: 1.02 },
      { label: 'No AC yet', cpi: null, spi: 0.9 },
      { label: 'No plan', cpi: NaN, spi: null },
    ];
    const xml = chart(evmChart(rows, { threshold: 0.9 }), 'evm', 'Cost and schedule performance (CPI vs SPI)');
    expect(xml.count('//s:g[@class="point"]')).toBe(2);
    expect(xml.strings('//s:g[@class="point"]/@data-status')).toEqual(['green', 'red']);
    expect(xml.strings('//s:text[@class="line-label"]')).toEqual(['CPI 1.0', 'SPI 1.0', 'CPI 0.9 threshold', 'SPI 0.9 threshold']);
    expect(xml.strings('//s:g[@class="quadrants"]/s:text')).toEqual(['under budget, late', 'under budget, ahead', 'over budget, late', 'over budget, ahead']);
    expect(xml.strings('//s:text[@class="list-item"]')).toEqual([
      '1. Apollo: CPI 0.85, SPI 1.10',
      `2. ${Array.from(HOSTILE_READ).slice(0, 21).join('')}…: CPI 1.05, SPI 1.02`,
    ]);
    expect(xml.titles()).toContain(`${HOSTILE_READ}: CPI 1.05, SPI 1.02`);
    expect(xml.string('//s:text[contains(@class, "chart-missing")]')).toBe('2 projects without CPI/SPI');
    expect(xml.string('/s:svg/s:desc')).toBe('2 projects by CPI and SPI. 1 below 1.0, 1 below the 0.9 threshold. 2 projects without CPI/SPI.');
  });

  it('draws the 300 lowest of 1,000, numbers the 10 lowest, and says how many more there are', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ label: `P${i}`, cpi: 0.5 + (i % 100) / 100, spi: 0.6 + (i % 77) / 100 }));
    const xml = chart(evmChart(rows), 'evm', 'Cost and schedule performance (CPI vs SPI)');
    expect(xml.count('//s:g[@class="point"]')).toBe(300);
    expect(xml.count('//s:g[@class="point"][@data-rank]')).toBe(10);
    expect(xml.count('//s:text[@class="list-item"]')).toBe(10);
    expect(xml.string('(//s:text[@class="list-item"])[1]')).toBe('1. P0: CPI 0.50, SPI 0.60');
    expect(xml.string('//s:text[contains(@class, "chart-more")]')).toBe('and 700 more projects with higher indices, not drawn');
    expect(xml.count('//s:text[@class="line-label"]')).toBe(2); // no threshold asked for: only the 1.0 lines
  });

  it('draws an index off the scale at its edge, hollow, and says so', () => {
    const xml = chart(
      evmChart([
        { label: 'Tiny AC', cpi: 20, spi: 1 },
        { label: 'Fine', cpi: 1, spi: 1 },
      ]),
      'evm',
      'Cost and schedule performance (CPI vs SPI)',
    );
    expect(xml.count('//s:g[@class="point"]')).toBe(2);
    expect(xml.string('//s:g[@class="point"][s:title="Tiny AC: CPI 20.00, SPI 1.00 (off the scale, drawn at its edge)"]/s:circle/@fill')).toBe('#ffffff');
    expect(xml.texts()).toContain('1 off the scale (below 0.5 or above 3), drawn hollow at its edge');
  });

  it('draws the values inside the frame, away from it: a point at (0, 0) 24 px in from the corner, its number beside it', () => {
    const xml = chart(evmChart([{ label: 'Zero', cpi: 0, spi: 0 }]), 'evm', 'Cost and schedule performance (CPI vs SPI)');
    // The frame: x 60 to 400, y 58 to 398; the scale from 0 to 1.5 drawn from 24 px inside each side.
    expect(xml.strings('//s:g[@class="axes"]/s:rect/@*[name()="x" or name()="y" or name()="width"]')).toEqual(['60', '58', '340']);
    expect(xml.strings('//s:g[@class="point"]/s:circle/@*[name()="cx" or name()="cy"]')).toEqual(['84', '374']);
    expect(xml.strings('//s:g[@class="point"]/s:text/@*[name()="x" or name()="y"]')).toEqual(['91', '378']);
    // The quadrants' names sit in the strips the inset keeps free: baselines 15 px below the top, 7 above the bottom.
    expect(xml.strings('//s:g[@class="quadrants"]/s:text/@y')).toEqual(['73', '73', '391', '391']);
    // The lines' names outside the frame: the CPI line's right of it, the SPI line's above it.
    expect(xml.strings('//s:text[@class="line-label"]/@x')[0]).toBe('406');
    expect(Number(xml.strings('//s:text[@class="line-label"]/@y')[1])).toBeLessThan(58);
    expect(xml.count('//s:text[@font-size < 11]')).toBe(0);
  });

  it('says so when no project has both indices', () => {
    const xml = chart(
      evmChart([
        { label: 'A', cpi: null, spi: null },
        { label: 'B', cpi: 1, spi: null },
        { label: 'C', cpi: null, spi: 1 },
      ]),
      'evm',
      'Cost and schedule performance (CPI vs SPI)',
    );
    expect(xml.count('//s:g[@class="point"]')).toBe(0);
    expect(xml.strings('//s:text[starts-with(@class, "chart-note")]')).toEqual(['No project has both CPI and SPI', '3 projects without CPI/SPI']);
    expect(chart(evmChart([]), 'evm', 'Cost and schedule performance (CPI vs SPI)').count('//s:g[@class="point"]')).toBe(0);
  });
});

/** The points of a sparkline's path, one array per unbroken run. */
function runs(xml: SvgXml): number[][][] {
  const d = xml.string('//s:path[@class="line"]/@d');
  return d
    .split('M')
    .filter(Boolean)
    .map((run) => run.split('L').map((point) => point.split(' ').map(Number)));
}

describe('sparkline', () => {
  it('draws a line through the values, the last one dotted, and says the range in words', () => {
    const xml = chart(sparkline([1, 3, 2, 5]), 'sparkline', 'Trend');
    expect(xml.string('/s:svg/@viewBox')).toBe('0 0 80 20');
    const [line] = runs(xml);
    expect(line!.map(([x]) => x)).toEqual([2.5, 27.5, 52.5, 77.5]);
    expect(line!.map(([, y]) => y)).toEqual([17.5, 10, 13.75, 2.5]);
    expect(xml.strings('//s:circle[@class="last"]/@cx')).toEqual(['77.5']);
    expect(xml.string('/s:svg/s:desc')).toBe('4 values, from 1 to 5, last 5.');
  });

  it('breaks the line where a value is missing, and dots a lone value', () => {
    const xml = chart(sparkline([1, null, 3, 4, null, NaN, 2], { width: 120, height: 30 }), 'sparkline', 'Trend');
    expect(xml.string('/s:svg/@viewBox')).toBe('0 0 120 30');
    expect(runs(xml).map((run) => run.length)).toEqual([2]);
    expect(xml.count('//s:circle[@class="point"]')).toBe(2);
    expect(xml.string('/s:svg/s:desc')).toBe('4 values, from 1 to 4, last 2, 3 missing.');
  });

  it('draws a flat series in the middle, one value as a dot, and no data as n/a', () => {
    expect(runs(chart(sparkline([5, 5, 5]), 'sparkline', 'Trend'))[0]!.map(([, y]) => y)).toEqual([10, 10, 10]);
    const one = chart(sparkline([7]), 'sparkline', 'Trend');
    expect(one.count('//s:path')).toBe(0);
    expect(one.string('//s:circle[@class="last"]/@cx')).toBe('40');
    for (const values of [[], [null, null]]) {
      const empty = chart(sparkline(values), 'sparkline', 'Trend');
      expect(empty.texts()).toEqual(['n/a']);
      expect(empty.string('/s:svg/s:desc')).toBe('No data.');
    }
    expect(chart(sparkline([1, 2], { width: NaN, height: -5 }), 'sparkline', 'Trend').string('/s:svg/@viewBox')).toBe('0 0 80 8');
  });

  it('writes a label after the line when asked, widening the picture for it, and takes a title', () => {
    const xml = chart(sparkline([1, 3, 2], { label: 'amber', title: 'Overall status' }), 'sparkline', 'Overall status');
    // 80 for the line, 5 of gap, 5 letters at 7 px.
    expect(xml.string('/s:svg/@viewBox')).toBe('0 0 120 20');
    expect(runs(xml)[0]!.map(([x]) => x)).toEqual([2.5, 40, 77.5]);
    expect(xml.texts()).toEqual(['amber']);
    expect(xml.string('//s:text[@class="sparkline-label"]/@x')).toBe('85');
  });

  it('keeps the last 100 of 1,000 values, and says so', () => {
    const xml = chart(sparkline(Array.from({ length: 1000 }, (_, i) => i)), 'sparkline', 'Trend');
    expect(runs(xml)[0]).toHaveLength(100);
    expect(xml.string('/s:svg/s:desc')).toBe('100 values (the last 100 of 1000), from 900 to 999, last 999.');
  });
});

describe('every chart', () => {
  const all = () => [
    ragChart({ green: 1, amber: 2, red: 3, none: 4 }),
    budgetChart(budgetRows(30)),
    heatmapChart({ columns: weeks(4), rows: [{ label: 'A', capacity: 100, values: [1, 2, 3, 4] }] }),
    evmChart([{ label: 'A', cpi: 0.9, spi: 1.1 }], { threshold: 0.8 }),
    sparkline([1, 2, null, 4]),
  ];

  it('gives the same bytes for the same input', () => {
    expect(all()).toEqual(all());
  });

  it('gives different charts different ids, so that two on one page do not share a title', () => {
    const ids = all().map((markup) => new SvgXml(markup).string('/s:svg/@aria-labelledby'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new SvgXml(ragChart({ green: 1, amber: 0, red: 0, none: 0 })).string('/s:svg/@aria-labelledby')).not.toBe(ids[0]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
