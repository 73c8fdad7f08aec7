/**
 * Identities of findings that survive unrelated edits, for tools that track findings across runs (GitLab Code
 * Quality, SARIF's partialFingerprints, and the audits pmo audit record writes): a hash of what the finding is
 * (rule, file, project, item, message), never of where it is, so a line added above it changes nothing; nor of
 * how long ago something was due, so that the same overdue milestone is the same finding tomorrow ("12 days
 * ago", then "13 days ago").
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../findings.js';

type Identified = Pick<Finding, 'rule' | 'file' | 'project' | 'item' | 'message'>;

/** One fingerprint a finding, in order; identical findings are told apart by their order in the file. */
export function fingerprints(findings: readonly Identified[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const identity = identityOf(f);
    const earlier = seen.get(identity) ?? 0;
    seen.set(identity, earlier + 1);
    return createHash('sha256').update(earlier ? `${identity}\0${earlier}` : identity).digest('hex');
  });
}

/**
 * The fingerprints of a set of findings in any order: n identical findings have the first n fingerprints of
 * their identity whichever comes first, so the set is the one `fingerprints` gives the sorted findings.
 */
export const fingerprintSet = (findings: readonly Identified[]): Set<string> => new Set(fingerprints(findings));

const identityOf = (f: Identified) => [f.rule, f.file, f.project ?? '', f.item ?? '', timeless(f.message)].join('\0');

/** A message without its counts of days, weeks, months or years. */
const timeless = (message: string) => message.replace(/\b\d+(?:\.\d+)? (day|week|month|year)s?\b/g, '# $1s');
