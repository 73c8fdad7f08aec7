/**
 * Identities of findings that survive unrelated edits, for tools that track findings across runs (GitLab Code
 * Quality, SARIF's partialFingerprints): a hash of what the finding is (rule, file, project, item, message),
 * never of where it is, so a line added above it changes nothing; nor of how long ago something was due, so
 * that the same overdue milestone is the same finding tomorrow ("12 days ago", then "13 days ago").
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../findings.js';

/** One fingerprint a finding, in order; identical findings are told apart by their order in the file. */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const identity = [f.rule, f.file, f.project ?? '', f.item ?? '', timeless(f.message)].join('\0');
    const earlier = seen.get(identity) ?? 0;
    seen.set(identity, earlier + 1);
    return createHash('sha256').update(earlier ? `${identity}\0${earlier}` : identity).digest('hex');
  });
}

/** A message without its counts of days, weeks, months or years. */
const timeless = (message: string) => message.replace(/\b\d+(?:\.\d+)? (day|week|month|year)s?\b/g, '# $1s');
