/**
 * Where `pmo check` sends its findings: one format to stdout (or -o/--output), others each to a file:
 * `-f stylish -f sarif:pmo.sarif -f junit:reports/pmo.xml`. Files are written whole or not at all.
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { UsageError } from '../errors.js';
import { writeStderr } from '../output/write.js';
import { FORMAT_NAMES, type FormatName } from '../output/formatters/index.js';

export interface Output {
  format: FormatName;
  /** Absolute; undefined: stdout. */
  file?: string;
}

/** Commander's collector for the repeatable `-f name[:path]`. */
/** Other names a format goes by: `md` as in `pmo report`. */
const FORMAT_ALIASES: Readonly<Record<string, FormatName>> = { md: 'markdown' };

export function collectFormat(value: string, previous: Array<{ format: FormatName; path?: string }> | undefined) {
  const colon = value.indexOf(':');
  const named = (colon < 0 ? value : value.slice(0, colon)).toLowerCase();
  const format = (Object.hasOwn(FORMAT_ALIASES, named) ? FORMAT_ALIASES[named] : named) as FormatName;
  const path = colon < 0 ? undefined : value.slice(colon + 1);
  if (!FORMAT_NAMES.includes(format)) throw new InvalidArgumentError(`expected one of ${FORMAT_NAMES.join(', ')} (optionally :<file>), got '${value}'`);
  if (path === '') throw new InvalidArgumentError(`'${value}' names no file after the colon`);
  return [...(previous ?? []), { format, path }];
}

/** The outputs asked for: at most one goes to stdout, which -o/--output redirects (relative paths: to `cwd`). */
export function resolveOutputs(requested: Array<{ format: FormatName; path?: string }> | undefined, outputFile: string | undefined, cwd: string): Output[] {
  const list = requested?.length ? requested : [{ format: 'stylish' as const }];
  const toStdout = list.filter((o) => o.path === undefined);
  if (toStdout.length > 1) {
    const [, second] = toStdout;
    throw new UsageError(`only one format can go to stdout, and ${toStdout.map((o) => o.format).join(' and ')} were given without a file; write the others to files, e.g. -f ${second!.format}:pmo.${second!.format}`);
  }
  if (outputFile !== undefined && toStdout.length === 0) throw new UsageError('--output names where the format given without a file goes, and every format has its own file');
  const files = list.flatMap((o) => (o.path ?? outputFile) ?? []).map((p) => resolve(cwd, p));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice) throw new UsageError(`two formats would write ${twice}`);
  return list.map((o) => ({ format: o.format, file: o.path !== undefined ? resolve(cwd, o.path) : outputFile !== undefined ? resolve(cwd, outputFile) : undefined }));
}

/** GitHub shows a step's summary only up to 1 MiB: a longer one is cut at a line, and says so. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024;

export function withinSummaryLimit(markdown: string): string {
  if (Buffer.byteLength(markdown) <= SUMMARY_LIMIT) return markdown;
  const lines = markdown.split('\n');
  let size = 0;
  let kept = 0;
  while (kept < lines.length && size + Buffer.byteLength(lines[kept]!) + 1 <= SUMMARY_LIMIT - 200) size += Buffer.byteLength(lines[kept++]!) + 1;
  return `${lines.slice(0, kept).join('\n')}\n\n_${lines.length - kept} more lines left out: GitHub shows 1 MiB of a job summary. The annotations and the SARIF report have every finding._\n`;
}

/** GitHub Actions' job summary: appended to the file the runner names, when it names one. */
export function appendJobSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): void {
  const path = env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    appendFileSync(path, withinSummaryLimit(markdown.endsWith('\n') ? markdown : `${markdown}\n`));
  } catch (error) {
    // The summary is a courtesy: the annotations and the exit code are the check's answer.
    writeStderr(`pmo: could not append the job summary to ${path}: ${(error as Error).message}`);
  }
}
