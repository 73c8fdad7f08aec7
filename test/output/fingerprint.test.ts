/** The fingerprints audits record and the recurrence check compares: the SARIF/GitLab identity, order aside. */
import { describe, expect, it } from 'vitest';
import { fingerprints, fingerprintSet } from '../../src/output/fingerprint.js';

const f = (message: string, item?: string) => ({ rule: 'milestone-overdue', file: 'projects/a.yaml', project: 'a', message, ...(item ? { item } : {}) });

describe('fingerprintSet', () => {
  it('is the set fingerprints() gives, whatever the order of identical findings', () => {
    const list = [f('due 3 days ago', 'M1'), f('due 3 days ago', 'M1'), f('other', 'M2')];
    const reordered = [list[2]!, list[1]!, list[0]!];
    expect(fingerprintSet(reordered)).toEqual(new Set(fingerprints(list)));
    expect(fingerprintSet(list).size).toBe(3);
  });

  it('does not change with the count of days in the message, and does with the item', () => {
    expect(fingerprints([f('was due 2026-11-06 (14 days ago)', 'M4')])).toEqual(fingerprints([f('was due 2026-11-06 (15 days ago)', 'M4')]));
    expect(fingerprints([f('x', 'M4')])).not.toEqual(fingerprints([f('x', 'M5')]));
  });
});
