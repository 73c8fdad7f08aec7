/** The human format: grouped by file, aligned columns, a summary line; colour only when wanted. */
import { groupByFile, type Finding, type Severity } from '../../findings.js';
import type { Formatter } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Control characters from the data (an escape sequence in a milestone name) must not drive the terminal. */
const safe = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** At most this many findings of one rule are listed per file; the rest are counted. */
export const MAX_PER_RULE = 50;

/** A file's findings with at most MAX_PER_RULE of each rule, in order, and how many of each rule were left out. */
function capped(findings: readonly Finding[]): { shown: Finding[]; cut: Map<string, number> } {
  const seen = new Map<string, number>();
  const cut = new Map<string, number>();
  const shown = findings.filter((f) => {
    const n = (seen.get(f.rule) ?? 0) + 1;
    seen.set(f.rule, n);
    if (n <= MAX_PER_RULE) return true;
    cut.set(f.rule, (cut.get(f.rule) ?? 0) + 1);
    return false;
  });
  return { shown, cut };
}

/** The longest text's length (a loop: spreading 100,000 lengths into Math.max overflows the stack). */
function widest(texts: readonly string[]): number {
  let width = 0;
  for (const text of texts) width = Math.max(width, text.length);
  return width;
}

export const stylish: Formatter = (all, { files, paint: chalk, showWaived }) => {
  const findings = all.filter((f) => !f.waived);
  const waived = all.length - findings.length;
  const listed = showWaived ? all : findings;
  const waivedNote = waived ? ` (${waived} waived${showWaived ? '' : ': --show-waived lists them'})` : '';
  if (findings.length === 0 && listed.length === 0) {
    return `${chalk.green('✔')} no problems in ${plural(files.length, 'file')}${waivedNote}\n`;
  }

  const paint: Record<Severity, (s: string) => string> = { error: chalk.red, warn: chalk.yellow, info: chalk.blue };

  const out: string[] = [];
  for (const [file, all] of groupByFile(listed)) {
    const { shown: list, cut } = capped(all);
    out.push(chalk.underline(safe(file)));
    const where = list.map((f) => `${f.line}:${f.column}`);
    const whereWidth = widest(where);
    const messages = list.map((f) => safe(f.waived ? `${f.message} [waived until ${f.waived.expires}: ${f.waived.reason}]` : f.message));
    const messageWidth = Math.min(100, widest(messages));
    list.forEach((f, i) => {
      const severity = f.waived ? chalk.dim('waived') : paint[f.severity](f.severity.padEnd(5));
      const message = f.waived ? chalk.dim(messages[i]!.padEnd(messageWidth)) : messages[i]!.padEnd(messageWidth);
      out.push(`  ${chalk.dim(where[i]!.padEnd(whereWidth))}  ${f.waived ? severity : `${severity} `} ${message}  ${chalk.dim(f.rule)}`);
    });
    for (const [rule, more] of cut) out.push(chalk.dim(`  ... and ${more} more ${rule} in this file (--format json lists every one)`));
    out.push('');
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [count('error'), count('warn'), count('info')];
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos ? [infos === 1 ? '1 info' : `${infos} infos`] : [])];
  const mark = errors ? chalk.bold(chalk.red('✖')) : findings.length ? chalk.bold(chalk.yellow('⚠')) : chalk.green('✔');
  const fileCount = new Set(findings.map((f) => f.file)).size;
  out.push(`${mark} ${plural(findings.length, 'problem')} (${parts.join(', ')}) in ${plural(fileCount, 'file')}${waivedNote}`);
  return `${out.join('\n')}\n`;
};
