/**
 * The template helpers: formatting only (the view model has done the sums). Each render gets its own
 * Handlebars instance with the helpers of its format: a RAG badge is a coloured span in HTML, a mark and a
 * word in Markdown. Missing values (null) show as "n/a", never as "null", "NaN" or "Infinity".
 */
import { isRecord } from '../../model/labels.js';
import type Handlebars from 'handlebars';
import { budgetChart, evmChart, heatmapChart, lineChart, ragChart, sparkline as sparklineSvg, stackedBarChart } from './charts/index.js';
import { escapeMarkdown, MD_ESCAPE_HELPER } from './markdown.js';

export type TemplateFormat = 'md' | 'html';
type HB = typeof Handlebars;
type Options = Handlebars.HelperOptions;

const NA = 'n/a';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Handlebars passes its options object last: the helper's own arguments are the ones before it. */
const args = (list: unknown[]): unknown[] => list.slice(0, -1);
const optionsOf = (list: unknown[]) => list[list.length - 1] as Options;

/** The charts a template can draw by name: `{{chart "rag" summary.by_rag title="..."}}`. */
const CHARTS: Record<string, (data: never, options: Record<string, unknown>) => string> = {
  rag: ragChart,
  budget: budgetChart,
  heatmap: heatmapChart,
  evm: evmChart,
  stacked: stackedBarChart,
  line: lineChart,
};

const RAG_MARK: Record<string, string> = { green: '🟢', amber: '🟠', red: '🔴' };
const SPARK = '▁▂▃▄▅▆▇█';

export function registerHelpers(hb: HB, format: TemplateFormat): void {
  const safe = (html: string) => new hb.SafeString(html);
  const currencyOf = (options: Options): string => options?.data?.root?.report?.currency ?? 'EUR';

  hb.registerHelper({
    date: (value: unknown, ...rest: unknown[]) => formatDate(value, args(rest)[0]),
    // A project's money is shown in its own currency: the context's `currency` (a project, a row of a
    // project's) wins over the report's; `currency=` wins over both.
    money(this: unknown, value: unknown, ...rest: unknown[]) {
      const options = optionsOf(rest);
      const own = isRecord(this) && typeof this.currency === 'string' ? this.currency : undefined;
      const currency = (options.hash?.currency as string | undefined) ?? own ?? currencyOf(options);
      return formatMoney(value, currency, Boolean(options.hash?.compact));
    },
    percent: (value: unknown, ...rest: unknown[]) => (isNumber(value) ? `${formatNumber(value, digits(args(rest)[0], 0))}%` : NA),
    number: (value: unknown, ...rest: unknown[]) => {
      const options = optionsOf(rest);
      if (!isNumber(value)) return NA;
      const text = formatNumber(value, digits(args(rest)[0], value % 1 === 0 ? 0 : 2));
      const unit = options.hash?.unit as string | undefined;
      return unit ? `${text} ${Math.abs(value) === 1 ? unit : plural(unit)}` : text;
    },
    pluralize: (count: unknown, singular: unknown, ...rest: unknown[]) => {
      const many = args(rest)[0];
      const n = isNumber(count) ? count : 0;
      return `${formatNumber(n, 0)} ${n === 1 ? String(singular) : typeof many === 'string' ? many : plural(String(singular))}`;
    },
    rag: (value: unknown) => {
      const rag = typeof value === 'string' && value in RAG_MARK ? value : null;
      const word = rag ? rag[0]!.toUpperCase() + rag.slice(1) : 'No status';
      if (format === 'html') return safe(`<span class="rag rag-${rag ?? 'none'}">${word}</span>`);
      return rag ? `${RAG_MARK[rag]} ${word}` : `⚪ ${word}`;
    },
    sort: (list: unknown, key: unknown, ...rest: unknown[]) => sortBy(list, String(key), args(rest)[0] === 'desc'),
    limit: (list: unknown, count: unknown) => (Array.isArray(list) ? list.slice(0, isNumber(count) ? Math.max(0, count) : list.length) : []),
    join: (list: unknown, ...rest: unknown[]) => {
      const separator = args(rest)[0];
      return Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : '';
    },
    default: (value: unknown, fallback: unknown) => (value === null || value === undefined || value === '' ? fallback : value),
    sparkline: (values: unknown, ...rest: unknown[]) => {
      const list = Array.isArray(values) ? values.map((v) => (isNumber(v) ? v : null)) : [];
      const { label, title } = optionsOf(rest).hash as { label?: unknown; title?: unknown };
      const words = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
      if (format !== 'html') return `${textSparkline(list)}${words(label) ? ` ${words(label)}` : ''}`;
      return safe(sparklineSvg(list, { label: words(label), title: words(title) }));
    },
    chart: (name: unknown, data: unknown, ...rest: unknown[]) => {
      const chart = Object.hasOwn(CHARTS, String(name)) ? CHARTS[String(name)] : undefined;
      if (!chart) throw new Error(`no chart named '${String(name)}' (charts: ${Object.keys(CHARTS).join(', ')})`);
      // Charts are pictures for HTML; Markdown shows the same numbers in tables.
      return format === 'html' ? safe(chart(data as never, { ...optionsOf(rest).hash })) : '';
    },
    eq: (a: unknown, b: unknown) => a === b,
    ne: (a: unknown, b: unknown) => a !== b,
    gt: (a: unknown, b: unknown) => isNumber(a) && isNumber(b) && a > b,
    gte: (a: unknown, b: unknown) => isNumber(a) && isNumber(b) && a >= b,
    lt: (a: unknown, b: unknown) => isNumber(a) && isNumber(b) && a < b,
    lte: (a: unknown, b: unknown) => isNumber(a) && isNumber(b) && a <= b,
    and: (...rest: unknown[]) => args(rest).every(Boolean),
    or: (...rest: unknown[]) => args(rest).some(Boolean),
    not: (value: unknown) => !value || (Array.isArray(value) && value.length === 0),
  });
  if (format === 'md') {
    hb.registerHelper(MD_ESCAPE_HELPER, (value: unknown) => {
      if (value instanceof hb.SafeString) return value.toString();
      return value === null || value === undefined ? '' : escapeMarkdown(String(value));
    });
  }
}

const digits = (value: unknown, fallback: number) => (isNumber(value) ? Math.max(0, Math.min(6, Math.trunc(value))) : fallback);

export function formatNumber(value: number, fractionDigits: number): string {
  // signDisplay 'negative': a value that rounds to zero is 0, never -0.
  return value.toLocaleString('en', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits, signDisplay: 'negative' });
}

export function formatMoney(value: unknown, currency: string, compact = false): string {
  if (!isNumber(value)) return NA;
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: compact ? 1 : 0,
      signDisplay: 'negative', // -0.4 is €0, not -€0
      ...(compact ? { notation: 'compact' } : {}),
    }).format(value);
  } catch {
    return `${formatNumber(value, 0)} ${currency}`; // a code Intl does not know
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** YYYY-MM-DD as written (default), `long` (20 November 2026) or `short` (20 Nov). */
export function formatDate(value: unknown, style: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return NA;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const month = MONTHS[m - 1] ?? '';
  if (style === 'long') return `${d} ${month} ${y}`;
  if (style === 'short') return `${d} ${month.slice(0, 3)}`;
  return value;
}

const plural = (word: string) => (/(s|x|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`);

/** Nulls last whichever the direction: "no data" never tops a ranking. */
export function sortBy(list: unknown, key: string, descending: boolean): unknown[] {
  if (!Array.isArray(list)) return [];
  const valueOf = (item: unknown) => key.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined), item);
  return [...list].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const order = (x as number | string) < (y as number | string) ? -1 : 1;
    return descending ? -order : order;
  });
}

function textSparkline(values: Array<number | null>): string {
  const numbers = values.filter(isNumber);
  if (numbers.length === 0) return '';
  const low = Math.min(...numbers);
  const span = Math.max(...numbers) - low;
  return values.map((v) => (v === null ? ' ' : SPARK[span === 0 ? 3 : Math.round(((v - low) / span) * 7)])).join('');
}
