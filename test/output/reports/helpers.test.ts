import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { registerHelpers, sortBy, type TemplateFormat } from '../../../src/output/reports/helpers.js';

function render(source: string, context: Record<string, unknown>, format: TemplateFormat = 'html'): string {
  const hb = Handlebars.create();
  registerHelpers(hb, format);
  return hb.compile(source)({ report: { currency: 'EUR' }, ...context });
}

describe('report helpers', () => {
  it('formats dates, money in the portfolio currency, percentages and numbers, and says n/a for what is missing', () => {
    expect(render('{{date d}} | {{date d "long"}} | {{date d "short"}} | {{date nothing}}', { d: '2026-11-20' })).toBe('2026-11-20 | 20 November 2026 | 20 Nov | n/a');
    expect(render('{{money a}} | {{money a compact=true}} | {{money b currency="USD"}} | {{money nan}}', { a: 1234567, b: -500, nan: Number.NaN })).toBe('€1,234,567 | €1.2M | -$500 | n/a');
    // A value that rounds to zero has no sign: -0.4 is €0 and -0.3 days is 0 days.
    expect(render('{{money z}} | {{number y 0}}', { z: -0.4, y: -0.3 })).toBe('€0 | 0');
    // A project's money is in its own currency: the context's `currency` wins over the report's.
    expect(render('{{#each projects}}{{money budget}} {{/each}}', { projects: [{ currency: 'USD', budget: 5 }, { budget: 5 }] })).toBe('$5 €5 ');
    expect(render('{{percent p}} | {{percent p 1}} | {{number r 2}} | {{number n unit="day"}} | {{number one unit="day"}} | {{number inf}}', { p: 6.46, r: 0.9234, n: 12, one: 1, inf: Infinity })).toBe('6% | 6.5% | 0.92 | 12 days | 1 day | n/a');
    expect(render('{{pluralize 1 "risk"}}, {{pluralize 3 "risk"}}, {{pluralize 2 "person" "people"}}, {{pluralize 2 "activity"}}', {})).toBe('1 risk, 3 risks, 2 people, 2 activities');
  });

  it('draws a RAG badge as HTML or as a mark and a word', () => {
    expect(render('{{rag s}} {{rag none}}', { s: 'red' })).toBe('<span class="rag rag-red">Red</span> <span class="rag rag-none">No status</span>');
    expect(render('{{rag s}} / {{rag none}}', { s: 'amber' }, 'md')).toBe('🟠 Amber / ⚪ No status');
  });

  it('sorts with missing values last either way, and limits', () => {
    const list = [{ v: 2 }, { v: null }, { v: 5 }, { v: 1 }];
    expect(sortBy(list, 'v', false).map((x) => (x as { v: unknown }).v)).toEqual([1, 2, 5, null]);
    expect(sortBy(list, 'v', true).map((x) => (x as { v: unknown }).v)).toEqual([5, 2, 1, null]);
    expect(render('{{#each (limit (sort items "v" "desc") 2)}}{{v}};{{/each}}', { items: list })).toBe('5;2;');
    // A key path is read from own properties only: no prototype walking through sort
    expect(sortBy([{ a: 1 }], 'constructor.name', false)).toEqual([{ a: 1 }]);
  });

  it('draws sparklines as SVG in HTML and as block characters in Markdown', () => {
    expect(render('{{sparkline v}}', { v: [1, 2, 3] })).toMatch(/^<svg[^>]*data-chart="sparkline"/);
    expect(render('{{sparkline v}}', { v: [1, null, 8] }, 'md')).toBe('▁ █');
  });

  it('refuses a chart it does not know, and draws none in Markdown', () => {
    expect(() => render('{{chart "pie" x}}', { x: {} })).toThrow("no chart named 'pie'");
    expect(render('[{{chart "rag" x}}]', { x: { green: 1, amber: 0, red: 0, none: 0 } }, 'md')).toBe('[]');
  });
});
