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

describe('fingerprints of findings whose numbers move with the data or the day', () => {
  const g = (rule: string, message: string) => ({ rule, file: 'projects/a.yaml', project: 'a', message });
  it('stay the same while only the numbers move: an over-allocation from today on, a growing overrun, 1 day then 2 days', () => {
    const same: Array<[string, string, string]> = [
      ['allocation-over-capacity', 'ofarouk is allocated 120% against a capacity of 100% from 2026-11-20 to 2026-12-11', 'ofarouk is allocated 130% against a capacity of 100% from 2026-11-21 to 2026-12-11'],
      ['budget-variance', 'the forecast 735,000 is 77,000 over the approved budget 658,000', 'the forecast 1,035,000.50 is 377,000.50 over the approved budget 658,000'],
      ['tcpi-achievable', 'a TCPI of 2.25, above 1.1', 'a TCPI of 2.31, above 1.1'],
      ['status-fresh', 'the newest status update is from 2026-10-30 (1 day ago)', 'the newest status update is from 2026-10-30 (2 days ago)'],
    ];
    for (const [rule, before, after] of same) expect(fingerprints([g(rule, before)]), rule).toEqual(fingerprints([g(rule, after)]));
  });

  it('differ when the words do: another person, another rule', () => {
    expect(fingerprints([g('allocation-over-capacity', 'ofarouk is allocated 120%')])).not.toEqual(fingerprints([g('allocation-over-capacity', 'mbauer is allocated 120%')]));
    expect(fingerprints([g('budget-variance', 'x 1')])).not.toEqual(fingerprints([g('tcpi-achievable', 'x 1')]));
  });
});
