/**
 * GitLab Code Quality (a Code Climate subset), what merge requests show as new and fixed findings: an issue a
 * finding. GitLab tells old from new by `fingerprint`, so it hashes what the finding is, never its line
 * (src/output/fingerprint.ts). Severities as eslint-formatter-gitlab maps ESLint's: error → major, warn →
 * minor, info → info.
 * Waived findings are left out: the PMO accepted them.
 */
import type { Severity } from '../../findings.js';
import { fingerprints } from '../fingerprint.js';
import type { Formatter } from './types.js';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warn: 'minor', info: 'info' };

export const gitlab: Formatter = (findings) => {
  const open = findings.filter((f) => !f.waived);
  const ids = fingerprints(open);
  const issues = open.map((f, i) => ({
    description: f.message,
    check_name: f.rule,
    fingerprint: ids[i]!,
    severity: SEVERITY[f.severity],
    location: { path: f.file, lines: { begin: f.line, end: f.endLine } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};
