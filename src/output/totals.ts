/** The one-line count of findings that summary-bearing formats (markdown, github) print. */
import type { Finding, Severity } from '../findings.js';

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };

/** `3 problems (2 errors, 1 warning) in 2 files, 1 waived`; waived findings are counted apart, never as problems. */
export function totalsLine(findings: readonly Finding[]): string {
  const open = findings.filter((f) => !f.waived);
  const waived = findings.length - open.length;
  const count = (s: Severity) => open.filter((f) => f.severity === s).length;
  const infos = count('info');
  const parts = [plural(count('error'), 'error'), plural(count('warn'), 'warning'), ...(infos ? [plural(infos, 'info')] : [])];
  const files = new Set(open.map((f) => f.file)).size;
  return `${plural(open.length, 'problem')} (${parts.join(', ')}) in ${plural(files, 'file')}${waived ? `, ${waived} waived` : ''}`;
}
