/** The human format: grouped by file, aligned columns, a summary line; colour only when wanted. */
import type { Finding, Severity } from '../../findings.js';
import type { Formatter } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const stylish: Formatter = (findings, { files, chalk }) => {
  if (findings.length === 0) return `${chalk.green('✔')} no problems in ${plural(files.length, 'file')}\n`;

  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const paint: Record<Severity, (s: string) => string> = { error: chalk.red, warn: chalk.yellow, info: chalk.blue };

  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(chalk.underline(file));
    const where = list.map((f) => `${f.line}:${f.column}`);
    const whereWidth = Math.max(...where.map((w) => w.length));
    const messageWidth = Math.min(100, Math.max(...list.map((f) => f.message.length)));
    list.forEach((f, i) => {
      const severity = paint[f.severity](f.severity.padEnd(5));
      out.push(`  ${chalk.dim(where[i]!.padEnd(whereWidth))}  ${severity}  ${f.message.padEnd(messageWidth)}  ${chalk.dim(f.rule)}`);
    });
    out.push('');
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [count('error'), count('warn'), count('info')];
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos ? [infos === 1 ? '1 info' : `${infos} infos`] : [])];
  const mark = errors ? chalk.red.bold('✖') : chalk.yellow.bold('⚠');
  out.push(`${mark} ${plural(findings.length, 'problem')} (${parts.join(', ')}) in ${plural(byFile.size, 'file')}`);
  return `${out.join('\n')}\n`;
};
