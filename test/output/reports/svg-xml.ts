/**
 * Chart markup read by a real XML parser: xmllint (libxml2, installed by .ci/run) checks that it is well-formed
 * and answers XPath 1.0 queries, one `xmllint --xpath` each (its --shell cuts strings to 40 characters).
 * xmllint --xpath cannot bind a prefix to the SVG namespace, so queries write SVG elements as `s:name`
 * (`//s:g[@class="cell"]/s:text`) and that is spelled out to a namespace test here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SVG_NS = 'http://www.w3.org/2000/svg';

let dir: string | undefined;
let files = 0;
/** A file for xmllint; the folder goes when the test process ends. */
function tempFile(markup: string): string {
  if (!dir) {
    const made = mkdtempSync(join(tmpdir(), 'pmo-charts-'));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    dir = made;
  }
  const file = join(dir, `chart-${++files}.svg`);
  writeFileSync(file, markup);
  return file;
}

function xmllint(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('xmllint', ['--nonet', ...args], { encoding: 'utf8' });
  if (run.error) throw run.error;
  return run;
}

/** xmllint's complaints about `markup` ('' when it is well-formed XML). */
export function xmlErrors(markup: string): string {
  const file = tempFile(markup);
  try {
    const run = xmllint(['--noout', file]);
    return run.status === 0 ? run.stderr : run.stderr || `xmllint exited ${run.status}`;
  } finally {
    rmSync(file, { force: true });
  }
}

/** `s:text` → an element named text in the SVG namespace (only where a step starts: not inside literals). */
function expand(expression: string): string {
  return expression.replace(/(^|[/([| ])s:([\w-]+)/g, `$1*[local-name()="$2" and namespace-uri()="${SVG_NS}"]`);
}

/** A chart parsed by xmllint. Throws at once if it is not well-formed. */
export class SvgXml {
  private readonly file: string;

  constructor(readonly markup: string) {
    const errors = xmlErrors(markup);
    if (errors) throw new Error(`not well-formed XML:\n${errors}\n${markup.slice(0, 2000)}`);
    this.file = tempFile(markup);
  }

  /** The value of an XPath expression that gives a number, string or boolean, as text. */
  private evaluate(expression: string): string {
    const run = xmllint(['--xpath', expand(expression), this.file]);
    if (run.status !== 0) throw new Error(`xmllint --xpath ${expression}: ${run.stderr || `exit ${run.status}`}`);
    return run.stdout.replace(/\n$/, '');
  }

  count(path: string): number {
    return Number(this.evaluate(`count(${path})`));
  }

  /** The string value of an expression (of the first node, for a path). */
  string(expression: string): string {
    return this.evaluate(`string(${expression})`);
  }

  /** The string value of every node `path` selects, in document order. */
  strings(path: string): string[] {
    return Array.from({ length: this.count(path) }, (_, i) => this.string(`(${path})[${i + 1}]`));
  }

  /** What a reader sees: the text of every <text> element, in drawing order. */
  texts(): string[] {
    return this.strings('//s:text');
  }

  /** What a hover or a screen reader gives: the text of every <title> (the chart's own first). */
  titles(): string[] {
    return this.strings('//s:title');
  }
}
