/**
 * What every report chart shares: escaping (every label comes from a PM's YAML and may hold `<`, `&`, quotes or
 * control characters), number formatting that never prints NaN or Infinity and never depends on the locale,
 * and the root `<svg>`. Pure string building, no DOM and no dependencies: the same input gives the same bytes.
 */

/** RAG colours; grey is for a project without a status. */
export const RAG = { green: '#2e7d32', amber: '#f9a825', red: '#c62828', none: '#9e9e9e' } as const;
export const INK = '#212121';
export const MUTED = '#616161';
export const GRID = '#e0e0e0';

/**
 * Characters XML 1.0 forbids even as references (most C0 controls, U+FFFE/U+FFFF, lone surrogates): a YAML
 * double-quoted "\x01" reaches us as one, and a single one would make the whole report unparsable.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content, for XML and for SVG inside HTML alike (`>` too: `]]>` is not allowed in XML text). */
export function escapeText(value: string): string {
  return String(value).replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted attribute value; tabs and line breaks as references, or the parser would turn them into spaces. */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** A number the caller handed us, or null when it is not one (NaN, Infinity, a string slipped through YAML). */
export function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A count: a whole number, at least 0. */
export function count(value: unknown): number {
  const n = finite(value);
  return n === null || n < 0 ? 0 : Math.round(n);
}

/**
 * A coordinate or length, to 2 decimals. A non-finite value can only come from a bug here, and a report must
 * still be well-formed, so it is written as 0 rather than NaN.
 */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? '0' : String(rounded); // === 0 also catches -0
}

/** Up to `digits` decimals, trailing zeros dropped: 0.9 → "0.9", 1.25 → "1.25", 2 → "2". */
export function decimal(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return 'n/a';
  const fixed = value.toFixed(digits);
  const text = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return text === '-0' ? '0' : text;
}

const UNITS = ['', 'k', 'M', 'B', 'T'];

/** Money in three significant digits at most: 950, 12.5k, 350k, 1.2M. Not toLocaleString: the bytes must not depend on the machine. */
export function money(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 0) return `-${money(-value)}`;
  let unit = 0;
  let scaled = value;
  while (scaled >= 1000 && unit < UNITS.length - 1) {
    scaled /= 1000;
    unit++;
  }
  let text = decimal(scaled, scaled < 10 ? 2 : scaled < 100 ? 1 : 0);
  // 999,999 rounds to "1000k": say 1M instead.
  if (Number(text) >= 1000 && unit < UNITS.length - 1) {
    unit++;
    text = decimal(Number(text) / 1000, 2);
  }
  return `${text}${UNITS[unit]}`;
}

/** 0 and round steps (1, 2 or 2.5, 5 times a power of ten) up to at least `max`, about `target` of them. */
export function niceTicks(max: number, target = 5): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const rough = top / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = 0; i * step < top + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  if (ticks[ticks.length - 1]! < top) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

/** Characters drawn about twice as wide as a Latin letter: CJK, Hangul, full-width forms, emoji. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

/**
 * At most `max` letters wide (a wide character counts 2), whole code points, line breaks as spaces, with "…"
 * when cut. There is no font to measure with here: this keeps a label inside the room the layout gives it.
 */
export function truncate(label: string, max: number): string {
  const chars = Array.from(String(label).replace(/\s+/g, ' ').trim());
  const width = (c: string) => (WIDE.test(c) ? 2 : 1);
  if (chars.reduce((sum, c) => sum + width(c), 0) <= max) return chars.join('');
  let kept = '';
  let used = 1; // the ellipsis
  for (const c of chars) {
    if (used + width(c) > max && kept) break;
    kept += c;
    used += width(c);
  }
  return `${kept}…`;
}

/** "1 project", "3 projects". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

type Attrs = Record<string, string | number | undefined>;

/** An element; numbers go through num(), strings are escaped, undefined attributes are left out. `inner` is markup. */
export function el(tag: string, attrs: Attrs, inner?: string): string {
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    open += ` ${name}="${typeof value === 'number' ? num(value) : escapeAttr(value)}"`;
  }
  return inner === undefined ? `${open}/>` : `${open}>${inner}</${tag}>`;
}

/** A <text> element whose content is plain text (escaped here, so a caller cannot forget). */
export function text(attrs: Attrs, content: string): string {
  return el('text', attrs, escapeText(content));
}

/** A <title> child: the tooltip a browser shows on hover, and the name a screen reader reads. */
export function tooltip(content: string): string {
  return `<title>${escapeText(content)}</title>`;
}

/** FNV-1a: a short, stable id from the chart's own content, so the same chart always gets the same bytes. */
function hash(value: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export interface SvgOptions {
  /** The chart's name: class="chart chart-<name>" and data-chart="<name>". */
  name: string;
  width: number;
  height: number;
  /** The accessible name (<title>), and the tooltip of the whole chart. */
  title: string;
  /** What the chart says in words (<desc>), for screen readers and for anyone who cannot see the colours. */
  desc: string;
  body: string[];
  /** Extra CSS for the root, e.g. how a sparkline sits in a table cell. */
  style?: string;
}

/**
 * The root element. width/height give the natural size; max-width:100% with height:auto lets a wide chart
 * shrink into a narrow page or a printed one, keeping its proportions (the viewBox).
 */
export function svg(options: SvgOptions): string {
  const { name, width, height, title, desc, body } = options;
  const inner = body.join('\n');
  // Ids must be unique in the HTML page and the same for the same input: derived from the content. Two
  // identical charts on one page share them, which is harmless: both point to the same words.
  const id = `pmo-${name}-${hash(`${title}\n${desc}\n${inner}`)}`;
  const root = el('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    class: `chart chart-${name}`,
    'data-chart': name,
    viewBox: `0 0 ${num(width)} ${num(height)}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': `${id}-title`,
    'aria-describedby': `${id}-desc`,
    'font-family': 'sans-serif',
    'font-size': 12,
    fill: INK,
    style: options.style ?? 'max-width:100%;height:auto',
  });
  const head = `${el('title', { id: `${id}-title` }, escapeText(title))}\n${el('desc', { id: `${id}-desc` }, escapeText(desc))}`;
  return `${root.slice(0, -2)}>\n${head}\n${inner}${inner ? '\n' : ''}</svg>\n`;
}

/** The visible heading inside a chart (class chart-title: a page with its own heading can hide it with CSS). */
export function heading(title: string, width: number): string {
  return text({ class: 'chart-title', x: 0, y: 16, 'font-size': 14, 'font-weight': 'bold' }, truncate(title, Math.floor(width / 8)));
}

/** A note under a chart ("and 180 more projects"): the reader must know what was left out. */
export function note(content: string, y: number, cls = 'chart-note'): string {
  return text({ class: cls, x: 0, y, fill: MUTED, 'font-size': 11 }, content);
}
