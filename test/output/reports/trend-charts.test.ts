/**
 * The trends report's charts, read back by libxml2 as in charts.test.ts: stacked bars and lines over periods,
 * well-formed, named, and showing what the data says: bars, segments, lines and points counted, gaps where
 * values are missing, labels as text however hostile, column labels thinned when there are many, never NaN.
 */
import { describe, expect, it } from 'vitest';
import {
  lineChart,
  RAG_SERIES_COLORS,
  SERIES_PALETTE,
  stackedBarChart,
  TREND_MAX_COLUMNS,
  type LineChartData,
  type StackedBarData,
} from '../../../src/output/reports/charts/index.js';
import { SvgXml } from './svg-xml.js';

const HOSTILE = `</svg><script>alert("x")</script> & 'Q' ]]> \u0001`;
const HOSTILE_READ = HOSTILE.replace('\u0001', '\uFFFD');

/** Checks every chart shares (as charts.test.ts does), and the parsed chart. */
function chart(markup: string, name: string, title: string): SvgXml {
  const xml = new SvgXml(markup);
  expect(markup).not.toMatch(/NaN|Infinity|undefined|\[object|null/);
  expect(xml.string('name(/*)')).toBe('svg');
  expect(xml.string('/s:svg/@class')).toBe(`chart chart-${name}`);
  expect(xml.string('/s:svg/@data-chart')).toBe(name);
  expect(xml.string('/s:svg/@role')).toBe('img');
  expect(xml.string('/s:svg/@viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  expect(xml.string(`/s:svg/s:title[@id="${xml.string('/s:svg/@aria-labelledby')}"]`)).toBe(title);
  expect(xml.string(`/s:svg/s:desc[@id="${xml.string('/s:svg/@aria-describedby')}"]`)).not.toBe('');
  expect(xml.count('//s:script | //s:foreignObject | //@*[starts-with(name(), "on")] | //@href')).toBe(0);
  return xml;
}

const periods = (n: number) => Array.from({ length: n }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`);
const numbers = (xml: SvgXml, path: string) => xml.strings(path).map(Number);

/** The x of each column label shown, and the step they were thinned to. */
function columnLabels(xml: SvgXml): { labels: string[]; xs: number[]; step: number } {
  return {
    labels: xml.strings('//s:g[@class="column-labels"]/s:text'),
    xs: numbers(xml, '//s:g[@class="column-labels"]/s:text/@x'),
    step: Number(xml.string('//s:g[@class="column-labels"]/@data-step')),
  };
}

const STACKED = 'Trend by period';

describe('stackedBarChart', () => {
  const rag: StackedBarData = {
    columns: ['2026-W10', '2026-W11', '2026-W12'],
    series: [
      { label: 'Green', values: [5, 6, 7], color: RAG_SERIES_COLORS.green },
      { label: 'Amber', values: [2, null, 1], color: RAG_SERIES_COLORS.amber },
      { label: 'Red', values: [0, 1, 2], color: RAG_SERIES_COLORS.red },
    ],
  };

  it('stacks the series in a bar per period, each segment with its tooltip, on round ticks, with a legend', () => {
    const xml = chart(stackedBarChart(rag, { title: 'Projects by RAG status' }), 'stacked', 'Projects by RAG status');
    expect(xml.count('//s:g[@class="column"]')).toBe(3);
    // A null and a 0 draw no segment: 3 green, 2 amber, 2 red.
    expect(xml.count('//s:rect[@class="segment"]')).toBe(7);
    expect(xml.strings('//s:g[@data-column="0"]/s:rect[@class="segment"]/@fill')).toEqual(['#2e7d32', '#f9a825']);
    expect(xml.strings('//s:g[@data-column="2"]/s:rect[@class="segment"]/s:title')).toEqual(['Green, 2026-W12: 7', 'Amber, 2026-W12: 1', 'Red, 2026-W12: 2']);
    expect(xml.string('//s:g[@data-column="1"]/s:title')).toBe('2026-W11: total 7 (Green 6, Amber n/a, Red 1)');
    expect(xml.strings('//s:g[@class="legend"]//s:text')).toEqual(['Green', 'Amber', 'Red']);
    expect(xml.strings('//s:g[@class="axis"]/s:text')).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(columnLabels(xml).labels).toEqual(['2026-W10', '2026-W11', '2026-W12']);
    // Heights in proportion: the tallest bar (10) fills the plot, its 7 green is 70% of it.
    const heights = numbers(xml, '//s:g[@data-column="2"]/s:rect[@class="segment"]/@height');
    expect(heights.reduce((a, b) => a + b, 0)).toBeCloseTo(220, 1);
    expect(heights[0]).toBeCloseTo(154, 1);
    // Stacked: each segment sits on the one below it.
    const ys = numbers(xml, '//s:g[@data-column="2"]/s:rect[@class="segment"]/@y');
    expect(ys[1]! + heights[1]!).toBeCloseTo(ys[0]!, 1);
    expect(xml.strings('//s:text[@class="segment-value"]')).toContain('7');
    expect(xml.string('/s:svg/s:desc')).toBe(
      '3 periods, 3 series stacked bottom to top: Green, Amber, Red. Latest, 2026-W12: Green 7, Amber 1, Red 2; total 10.',
    );
  });

  it('draws a ceiling (the capacity report\'s supply) as a dashed line across each bar, in the scale', () => {
    const data: StackedBarData = {
      columns: ['2027-01', '2027-02'],
      series: [
        { label: 'booked', values: [1, 0.5] },
        { label: 'proposed requests', values: [0.5, 0] },
      ],
      ceiling: { label: 'supply', values: [3, null] },
    };
    const xml = chart(stackedBarChart(data, { title: 'Developer' }), 'stacked', 'Developer');
    expect(xml.strings('//s:line[@class="ceiling"]/s:title')).toEqual(['supply, 2027-01: 3']);
    expect(xml.strings('//s:g[@class="legend"]//s:text')).toEqual(['booked', 'proposed requests', 'supply']);
    // The scale reaches the ceiling (3), not only the tallest bar (1.5): the bar fills half the plot (220 px)
    const axis = xml.strings('//s:g[@class="axis"]/s:text');
    expect(axis[axis.length - 1]).toBe('3');
    const heights = numbers(xml, '//s:g[@data-column="0"]/s:rect[@class="segment"]/@height');
    expect(heights.reduce((a, b) => a + b, 0)).toBeCloseTo(110, 1);
    const [top] = numbers(xml, '//s:g[@data-column="0"]/s:rect[@class="outline"]/@y');
    expect(numbers(xml, '//s:line[@class="ceiling"]/@y1')[0]).toBeCloseTo(top! - 110, 1);
    expect(xml.string('/s:svg/s:desc')).toMatch(/^A dashed line marks the supply of each period\. 2 periods/);
  });

  it('leaves a period without any value as a gap saying "no data", not a bar of 0', () => {
    const data: StackedBarData = {
      columns: periods(4),
      series: [
        { label: 'error', values: [1, null, 3, NaN] },
        { label: 'warn', values: [2, null, 0, null] },
      ],
    };
    const xml = chart(stackedBarChart(data), 'stacked', STACKED);
    expect(xml.count('//s:g[@class="column"]')).toBe(4);
    expect(xml.strings('//s:g[@data-gap="true"]/@data-column')).toEqual(['1', '3']);
    expect(xml.strings('//s:g[@data-gap="true"]/s:title')).toEqual(['2026-W02: no data', '2026-W04: no data']);
    expect(xml.count('//s:g[@data-gap="true"]/s:rect[@class="segment"]')).toBe(0);
    expect(xml.count('//s:rect[@class="segment"]')).toBe(3);
    expect(xml.string('//s:text[contains(@class, "chart-gaps")]')).toBe('2 periods without data (–)');
    // The latest period with data, not the last column.
    expect(xml.string('/s:svg/s:desc')).toBe('4 periods, 2 series stacked bottom to top: error, warn. Latest, 2026-W03: error 3, warn 0; total 3. 2 periods without data.');
  });

  it('takes colours from a fixed palette, and refuses one that is no colour', () => {
    const data: StackedBarData = {
      columns: ['Q1'],
      series: [
        { label: 'a', values: [1] },
        { label: 'b', values: [1], color: 'url(https://example.invalid/x.svg#p)' },
        { label: 'c', values: [1], color: '#abc' },
      ],
    };
    const xml = chart(stackedBarChart(data), 'stacked', STACKED);
    expect(xml.strings('//s:rect[@class="segment"]/@fill')).toEqual([SERIES_PALETTE[0], SERIES_PALETTE[1], '#abc']);
    expect(xml.strings('//s:g[@class="legend"]//s:rect/@fill')).toEqual([SERIES_PALETTE[0], SERIES_PALETTE[1], '#abc']);
  });

  it('keeps hostile labels as text: cut to fit on screen, whole in the tooltips', () => {
    const data: StackedBarData = { columns: [HOSTILE, 'ok'], series: [{ label: HOSTILE, values: [4, 5] }] };
    const xml = chart(stackedBarChart(data, { title: HOSTILE }), 'stacked', HOSTILE_READ);
    expect(xml.titles()).toContain(`${HOSTILE_READ}, ${HOSTILE_READ}: 4`);
    expect(xml.string('//s:g[@class="legend"]//s:text')).toBe(`${Array.from(HOSTILE_READ).slice(0, 27).join('')}…`);
    expect(columnLabels(xml).labels).toEqual([`${Array.from(HOSTILE_READ).slice(0, 9).join('')}…`, 'ok']);
  });

  it('thins the column labels at 60 periods so they do not overlap, always naming the latest', () => {
    const data: StackedBarData = {
      columns: periods(60),
      series: [
        { label: 'error', values: periods(60).map((_, i) => (i % 17 === 0 ? null : i % 5)) },
        { label: 'warn', values: periods(60).map((_, i) => (i % 17 === 0 ? null : 10)) },
      ],
    };
    const xml = chart(stackedBarChart(data), 'stacked', STACKED);
    expect(xml.count('//s:g[@class="column"]')).toBe(60);
    expect(xml.count('//s:g[@data-gap="true"]')).toBe(4);
    const { labels, xs, step } = columnLabels(xml);
    expect(step).toBeGreaterThan(1);
    expect(labels).toHaveLength(Math.ceil(60 / step));
    expect(labels[labels.length - 1]).toBe('2026-W60');
    // "2026-W60" is 8 characters, about 48 pixels at font-size 10: neighbours at least that far apart.
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(50);
    // Every bar inside the chart.
    const width = Number(xml.string('/s:svg/@width'));
    const lefts = numbers(xml, '//s:rect[@class="segment"]/@x');
    const widths = numbers(xml, '//s:rect[@class="segment"]/@width');
    lefts.forEach((x, i) => expect(x + widths[i]!).toBeLessThanOrEqual(width));
  });

  it('draws one period as one bar of sane width, and keeps the last 104 of 200 periods, saying so', () => {
    const one = chart(stackedBarChart({ columns: ['2026-Q1'], series: [{ label: 'a', values: [3] }] }), 'stacked', STACKED);
    expect(one.count('//s:rect[@class="segment"]')).toBe(1);
    expect(Number(one.string('//s:rect[@class="segment"]/@width'))).toBeLessThanOrEqual(48);
    expect(columnLabels(one)).toMatchObject({ labels: ['2026-Q1'], step: 1 });

    const columns = Array.from({ length: 200 }, (_, i) => `P${i}`);
    const many = chart(stackedBarChart({ columns, series: [{ label: 'a', values: columns.map((_, i) => i) }] }), 'stacked', STACKED);
    expect(many.count('//s:g[@class="column"]')).toBe(TREND_MAX_COLUMNS);
    expect(many.string('//s:g[@data-column="0"]//s:rect[@class="segment"]/s:title')).toBe(`a, P${200 - TREND_MAX_COLUMNS}: ${200 - TREND_MAX_COLUMNS}`);
    expect(many.string('//s:text[contains(@class, "chart-more")]')).toBe(`the last ${TREND_MAX_COLUMNS} of 200 periods drawn`);
  });

  it('survives values that are no numbers, and says so when there is nothing to draw', () => {
    const odd = chart(
      stackedBarChart({ columns: ['a', 'b'], series: [{ label: 's', values: [Infinity, -4] }, { label: 't', values: [NaN as unknown as null] }] }),
      'stacked',
      STACKED,
    );
    expect(odd.count('//s:rect[@class="segment"]')).toBe(0);
    expect(odd.strings('//s:g[@class="axis"]/s:text')).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    for (const data of [{ columns: [], series: [] }, { columns: ['a'], series: [] }, { columns: [], series: [{ label: 'x', values: [1] }] }]) {
      const empty = chart(stackedBarChart(data), 'stacked', STACKED);
      expect(empty.texts()).toEqual([STACKED, 'No data']);
    }
  });
});

const LINE = 'Trend';

/** Each series' path as runs of points (one per unbroken stretch). */
function runs(xml: SvgXml, series: number): number[][][] {
  const d = xml.string(`//s:g[@class="series"][@data-series="${series}"]/s:path[@class="line"]/@d`);
  return d
    .split('M')
    .filter(Boolean)
    .map((run) => run.split('L').map((point) => point.split(' ').map(Number)));
}

describe('lineChart', () => {
  const evm: LineChartData = {
    columns: periods(8),
    series: [
      { label: 'CPI', values: [0.95, 0.97, null, 0.99, null, 0.93, 0.91, 0.9] },
      { label: 'SPI', values: [1.05, 1.03, 1.0, 0.98, 0.97, 0.96, 0.95, 0.95] },
    ],
  };

  it('draws a line per series broken at nulls, a lone value as a dot, markers with tooltips, and the reference line', () => {
    const xml = chart(lineChart(evm, { title: 'CPI and SPI', reference: 1, referenceLabel: 'on plan' }), 'line', 'CPI and SPI');
    expect(xml.count('//s:path[@class="line"]')).toBe(2);
    expect(runs(xml, 0).map((run) => run.length)).toEqual([2, 3]);
    expect(runs(xml, 1).map((run) => run.length)).toEqual([8]);
    // A marker for every value: 6 CPI (2026-W04 alone between gaps) and 8 SPI.
    expect(xml.count('//s:g[@data-series="0"]/*[@class="point"]')).toBe(6);
    expect(xml.count('//s:g[@data-series="1"]/*[@class="point"]')).toBe(8);
    expect(xml.strings('//s:g[@data-series="0"]/*[@class="point"]/s:title')).toContain('CPI, 2026-W04: 0.99');
    expect(xml.strings('//s:g[@class="legend"]//s:text')).toEqual(['CPI', 'SPI']);
    expect(xml.strings('//s:g[@class="axis"]/s:text')).toEqual(['0.90', '0.95', '1.00', '1.05']);
    expect(xml.string('//s:text[@class="reference-label"]')).toBe('on plan');
    // Both lines differ in dash, not only in colour.
    expect(xml.strings('//s:path[@class="line"]/@stroke-dasharray')).toEqual(['6 3']);
    expect(xml.string('//s:text[contains(@class, "chart-gaps")]')).toBe('2 values missing: the lines break there');
    expect(xml.string('/s:svg/s:desc')).toBe(
      '2 series over 8 periods. CPI: from 0.9 to 0.99, latest 0.9 (2026-W08). SPI: from 0.95 to 1.05, latest 0.95 (2026-W08). ' +
        'Reference line at 1 (on plan). 2 values missing. 1 value alone between gaps, drawn as a dot.',
    );
  });

  it('puts the reference line inside the range, and pads a flat series off the frame', () => {
    const low = chart(lineChart({ columns: ['a', 'b'], series: [{ label: 'x', values: [0.5, 0.6] }] }, { reference: 1 }), 'line', LINE);
    const ticks = numbers(low, '//s:g[@class="axis"]/s:text');
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(1);
    expect(low.string('//s:text[@class="reference-label"]')).toBe('1');
    const axisY = numbers(low, '//s:g[@class="axis"]/s:line/@y1');
    const refY = Number(low.string('//s:g[@class="reference"]/s:line/@y1'));
    expect(refY).toBeGreaterThanOrEqual(Math.min(...axisY));
    expect(refY).toBeLessThanOrEqual(Math.max(...axisY));

    for (const value of [5, 0, -3, 1_000_000]) {
      const flat = chart(lineChart({ columns: ['a', 'b', 'c'], series: [{ label: 'x', values: [value, value, value] }] }), 'line', LINE);
      const ys = runs(flat, 0)[0]!.map(([, y]) => y!);
      expect(new Set(ys).size).toBe(1);
      const gridYs = numbers(flat, '//s:g[@class="axis"]/s:line/@y1');
      expect(ys[0]).toBeLessThanOrEqual(Math.max(...gridYs));
      expect(ys[0]).toBeGreaterThan(Math.min(...gridYs)); // never on the top edge
    }
  });

  it('writes money like the budget chart, with the currency, and percents with %', () => {
    const data: LineChartData = { columns: ['Q1', 'Q2', 'Q3'], series: [{ label: 'Forecast', values: [350_000, 1_200_000, 900_000] }] };
    const money = chart(lineChart(data, { format: 'money', currency: 'EUR' }), 'line', LINE);
    expect(money.strings('//s:g[@class="axis"]/s:text')).toEqual(['0', '250k', '500k', '750k', '1M', '1.25M', 'EUR']);
    expect(money.strings('//*[@class="point"]/s:title')).toEqual(['Forecast, Q1: 350k EUR', 'Forecast, Q2: 1.2M EUR', 'Forecast, Q3: 900k EUR']);

    const percent = chart(lineChart({ columns: ['a', 'b'], series: [{ label: 'Done', values: [20, 85.5] }] }, { format: 'percent' }), 'line', LINE);
    expect(percent.strings('//s:g[@class="axis"]/s:text')).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
    expect(percent.strings('//*[@class="point"]/s:title')).toEqual(['Done, a: 20%', 'Done, b: 85.5%']);
  });

  it('keeps hostile labels, reference label and currency as text', () => {
    const data: LineChartData = { columns: [HOSTILE, 'b'], series: [{ label: HOSTILE, values: [1, 2], color: `red" onload="alert(1)` }] };
    const xml = chart(lineChart(data, { title: HOSTILE, reference: 1.5, referenceLabel: HOSTILE, format: 'money', currency: HOSTILE }), 'line', HOSTILE_READ);
    expect(xml.titles()).toContain(`${HOSTILE_READ}, ${HOSTILE_READ}: 1 ${Array.from(HOSTILE_READ).slice(0, 7).join('')}…`);
    expect(xml.string('//s:text[@class="reference-label"]')).toBe(`${Array.from(HOSTILE_READ).slice(0, 23).join('')}…`);
    expect(xml.string('//s:path[@class="line"]/@stroke')).toBe(SERIES_PALETTE[0]);
  });

  it('draws 60 periods with a point each and thinned labels; one period as a dot', () => {
    const columns = periods(60);
    const data: LineChartData = {
      columns,
      series: [
        { label: 'a', values: columns.map((_, i) => i) },
        { label: 'b', values: columns.map((_, i) => (i === 30 ? 7 : null)) },
      ],
    };
    const xml = chart(lineChart(data), 'line', LINE);
    expect(xml.count('//s:g[@data-series="0"]/*[@class="point"]')).toBe(60);
    expect(xml.count('//s:g[@data-series="1"]/*[@class="point"]')).toBe(1);
    expect(xml.count('//s:g[@data-series="1"]/s:path[@class="line"]')).toBe(0);
    const { labels, xs, step } = columnLabels(xml);
    expect(step).toBeGreaterThan(1);
    expect(labels[labels.length - 1]).toBe('2026-W60');
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(50);

    const one = chart(lineChart({ columns: ['2026-03'], series: [{ label: 'a', values: [3] }] }), 'line', LINE);
    expect(one.count('//s:path[@class="line"]')).toBe(0);
    expect(one.count('//*[@class="point"]')).toBe(1);
    expect(columnLabels(one).labels).toEqual(['2026-03']);
  });

  it('says so when there is nothing to draw', () => {
    for (const data of [
      { columns: [], series: [] },
      { columns: ['a', 'b'], series: [{ label: 'x', values: [null, NaN as unknown as null] }] },
    ]) {
      const empty = chart(lineChart(data, { reference: 1 }), 'line', LINE);
      expect(empty.texts()).toEqual([LINE, 'No data']);
      expect(empty.count('//*[@class="point"]')).toBe(0);
    }
  });
});

describe('both trend charts', () => {
  const all = () => [
    stackedBarChart({ columns: periods(3), series: [{ label: 'a', values: [1, null, 3] }] }),
    lineChart({ columns: periods(3), series: [{ label: 'a', values: [1, null, 3] }] }, { reference: 2 }),
  ];

  it('give the same bytes for the same input, and different ids', () => {
    expect(all()).toEqual(all());
    const ids = all().map((markup) => new SvgXml(markup).string('/s:svg/@aria-labelledby'));
    expect(new Set(ids).size).toBe(2);
  });
});
