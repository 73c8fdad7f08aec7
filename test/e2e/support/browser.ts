/**
 * A real browser for e2e tests: the system's headless Chromium (Debian's /usr/bin/chromium) driven by
 * playwright-core, which never downloads a browser when given executablePath. A page opens with JavaScript off
 * (pmo's HTML report must not need it) and with every request that is not file: or data: aborted and counted,
 * so a test can assert that the page asked nothing of the network.
 *
 *   it('...', async ({ skip }) => {
 *     requireChromium(skip);
 *     await withPage(file, async (page) => { expect(await page.charts()) ... });
 *   });
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

/**
 * Debian's Chromium, unless PMO_CHROMIUM names another browser: .ci/without-tools points it at a path with nothing
 * there, to prove the suite passes on a machine without a browser (the default is an absolute path that a
 * narrowed PATH cannot hide).
 */
export const CHROMIUM = process.env.PMO_CHROMIUM || '/usr/bin/chromium';

/** Why browser tests cannot run here (for skipIf and its message), or undefined when they can. */
export const chromiumMissing: string | undefined = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} is not installed (apt-get install chromium): browser tests skipped; .ci/run installs it`;

let warned = false;

/**
 * Skips the calling test where Chromium is missing, saying why: in the reporter (verbose shows skip notes) and
 * once on stderr, which the default reporter shows, so that a skip is never mistaken for a pass.
 */
export function requireChromium(skip: (condition: boolean, note?: string) => void): void {
  if (chromiumMissing && process.env.PMO_REQUIRE_TOOLS) throw new Error(`${chromiumMissing}, and PMO_REQUIRE_TOOLS is set: in CI a missing tool is a failure, not a skip`);
  if (chromiumMissing && !warned) {
    warned = true;
    console.warn(`skipped: ${chromiumMissing}`);
  }
  skip(chromiumMissing !== undefined, chromiumMissing);
}

/** Test artefacts (screenshots, PDFs, the pages themselves): git-ignored, kept after the run to look at. */
export const ARTIFACTS = fileURLToPath(new URL('../../../test-results/', import.meta.url));

/** For a test's timeout: a first Chromium start on a busy 2-core machine can take many seconds. */
export const BROWSER_TIMEOUT_MS = 120_000;

/**
 * Flags for a closed network, as root, without a GPU. playwright adds --headless, a fresh temp --user-data-dir
 * (deleted on close) and --remote-debugging-pipe itself.
 */
const ARGS = [
  '--no-sandbox', // root cannot use Chromium's sandbox
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking', // no update checks, safe-browsing lists or field trials: only the page talks
  '--disable-component-update',
  '--disable-sync',
];

export interface ChartBox {
  chart: string;
  className: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Rendered: a nonzero box, and neither display:none, visibility:hidden nor opacity 0 on it. */
  visible: boolean;
}

export interface BrowserPage {
  /** The playwright page, for anything the helpers below do not cover. */
  readonly page: Page;
  /** Every `svg[data-chart]` in document order, with its box in CSS pixels (page coordinates, not scrolled). */
  charts(): Promise<ChartBox[]>;
  /** The URLs of every request the page attempted that was not file: or data: (each one aborted). */
  networkRequests(): string[];
  /** console.error messages and uncaught page errors, including the ones a blocked request causes. */
  consoleErrors(): string[];
  /** The viewport's width and height in CSS pixels. */
  viewport(): { width: number; height: number };
  /** A full-page PNG at `name` under test-results/; its path. */
  screenshot(name: string): Promise<string>;
  /** Switches the page to print media (what @media print rules and a printout see). */
  printMedia(): Promise<void>;
  /** The page printed to PDF (A4) at `name` under test-results/, as Chromium's print does it; its path. */
  pdf(name: string): Promise<string>;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Off unless a test needs it: the report must render without JavaScript. */
  javaScript?: boolean;
}

/** Opens `htmlPath` (a file) in a fresh headless Chromium, runs `use`, and closes the browser whatever happens. */
export async function withPage<T>(htmlPath: string, use: (page: BrowserPage) => Promise<T>, options: PageOptions = {}): Promise<T> {
  if (chromiumMissing) throw new Error(chromiumMissing);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: BROWSER_TIMEOUT_MS });
  try {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      javaScriptEnabled: options.javaScript ?? false,
      serviceWorkers: 'block',
    });
    const requests: string[] = [];
    const errors: string[] = [];
    // On the context, so that frames and every page's requests go through it too.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|data):/i.test(url)) return route.continue();
      requests.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('websocket', (socket) => requests.push(socket.url()));
    await page.goto(pathToFileURL(isAbsolute(htmlPath) ? htmlPath : resolve(htmlPath)).href, { waitUntil: 'load' });

    const artefact = (name: string) => {
      const path = join(ARTIFACTS, name);
      mkdirSync(dirname(path), { recursive: true });
      return path;
    };
    return await use({
      page,
      charts: () => chartBoxes(page),
      networkRequests: () => [...requests],
      consoleErrors: () => [...errors],
      viewport: () => page.viewportSize() ?? { width: 0, height: 0 },
      screenshot: async (name) => {
        const path = artefact(name);
        await page.screenshot({ path, fullPage: true, animations: 'disabled' });
        return path;
      },
      printMedia: () => page.emulateMedia({ media: 'print' }),
      pdf: async (name) => {
        const path = artefact(name);
        await page.pdf({ path, format: 'A4', printBackground: true });
        return path;
      },
    });
  } finally {
    await browser.close();
  }
}

/** The little of the page's window chartBoxes uses (the project compiles without the DOM library, on purpose). */
interface PageWindow {
  getComputedStyle(element: unknown): { display: string; visibility: string; opacity: string };
  scrollX: number;
  scrollY: number;
}

/** Boxes measured in the page itself: playwright's evaluate runs even with the page's JavaScript off. */
function chartBoxes(page: Page): Promise<ChartBox[]> {
  return page.$$eval('svg[data-chart]', (elements) =>
    elements.map((element) => {
      const { getComputedStyle, scrollX, scrollY } = globalThis as unknown as PageWindow;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return {
        chart: element.getAttribute('data-chart') ?? '',
        className: element.getAttribute('class') ?? '',
        x: box.x + scrollX,
        y: box.y + scrollY,
        width: box.width,
        height: box.height,
        visible: box.width > 0 && box.height > 0 && style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0,
      };
    }),
  );
}

/** A box in page coordinates (CSS pixels). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  chart: string;
  box: Box;
  /** Every non-empty <text>: its words, its box, and its font size as drawn (the SVG's scale applied). */
  texts: Array<{ text: string; box: Box; fontPx: number; rank: boolean }>;
  /** Every element drawn (shapes and texts), for "nothing outside the SVG". */
  drawn: Array<{ tag: string; box: Box }>;
  /** The points of a scatter (the EVM chart's markers). */
  points: Box[];
}

/**
 * What a reader sees of each chart, measured in the page: text boxes and the size their font is drawn at, every
 * shape's box, the scatter's points. getBoundingClientRect on SVG text is the glyphs' cell box, as painted.
 */
export function chartLayouts(page: Page): Promise<ChartLayout[]> {
  return page.$$eval('svg[data-chart]', (elements) => {
    const { getComputedStyle, scrollX, scrollY } = globalThis as unknown as PageWindow & { getComputedStyle(e: unknown): { fontSize: string } };
    type Measured = { getBoundingClientRect(): Box };
    const boxOf = (element: Measured): Box => {
      const b = element.getBoundingClientRect();
      return { x: b.x + scrollX, y: b.y + scrollY, width: b.width, height: b.height };
    };
    return elements.map((svg) => {
      const scale = (svg as unknown as { getScreenCTM(): { a: number } }).getScreenCTM().a;
      const texts = [...svg.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => ({
          text: t.textContent ?? '',
          box: boxOf(t),
          fontPx: Number.parseFloat((getComputedStyle(t) as unknown as { fontSize: string }).fontSize) * scale,
          rank: t.parentElement?.classList.contains('point') ?? false,
        }));
      const drawn = [...svg.querySelectorAll('text, rect, circle, line, path')].map((e) => ({ tag: e.tagName, box: boxOf(e) }));
      const points = [...svg.querySelectorAll('g.point > circle')].map(boxOf);
      return { chart: svg.getAttribute('data-chart') ?? '', box: boxOf(svg), texts, drawn, points };
    });
  });
}
