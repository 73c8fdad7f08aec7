/**
 * Identities of findings that survive unrelated edits, for tools that track findings across runs (GitLab Code
 * Quality, SARIF's partialFingerprints, and the audits pmo audit record writes): a hash of what the finding is
 * (rule, file, project, item, message), never of where it is, so a line added above it changes nothing; nor of
 * the numbers in its message: how long ago something was due ("12 days ago", then "13 days ago"), the day an
 * over-allocation starts from (today's), a forecast's overrun or a TCPI move with the data while the deviation
 * stays the same one. The words, the rule and the item say which deviation it is; the numbers, how big it is now.
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

const identityOf = (f: Identified) => [f.rule, f.file, f.project ?? '', f.item ?? '', numberless(f.message)].join('\0');

/**
 * A message with each number (amounts with their separators, percentages, dates, counts) as `#`, and a unit
 * after a count in the plural ("1 day ago" and "2 days ago" alike).
 */
const numberless = (message: string) => message.replace(/\d+(?:[.,:/-]\d+)*/g, '#').replace(/# (day|week|month|year)s?\b/g, '# $1s');
