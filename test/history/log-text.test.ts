/** How `pmo log` words a change in text: values on one line, shortened; items by their title. */
import { describe, expect, it } from 'vitest';
import { changeLine, shown } from '../../src/history/log-text.js';
import { PLAIN } from '../../src/output/color.js';

describe('shown', () => {
  it('writes scalars as they are, lists and mappings in flow style, text on one line', () => {
    expect(shown(540000)).toBe('540000');
    expect(shown(true)).toBe('true');
    expect(shown('2026-11-15')).toBe('2026-11-15');
    expect(shown('')).toBe('""');
    expect(shown(['G1', 'G2'])).toBe('[G1, G2]');
    expect(shown({ by: 'asmith', on: '2026-02-27' })).toBe('{by: asmith, on: 2026-02-27}');
    expect(shown(['Finish batch 3', 'Re-baseline M2, with sponsor'])).toBe('[Finish batch 3, "Re-baseline M2, with sponsor"]');
    expect(shown('Migration behind plan.\nVendor quota escalated.\n')).toBe('Migration behind plan. Vendor quota escalated.');
  });

  it('shortens what is longer than 60 characters, counting characters, not bytes', () => {
    const long = 'Ångström '.repeat(10).trim();
    const text = shown(long);
    expect([...text]).toHaveLength(60);
    expect(text).toBe(`${'Ångström '.repeat(6)}Ångst…`);
  });
});

describe('changeLine', () => {
  it('path: old -> new, "-> new" when added, "old ->" when removed; an item comes and goes by its title', () => {
    expect(changeLine({ path: 'budget.forecast', kind: 'changed', old: 540000, new: 560000 }, PLAIN)).toBe('budget.forecast: 540000 -> 560000');
    expect(changeLine({ path: 'dates.actual_end', kind: 'added', old: null, new: '2026-12-01' }, PLAIN)).toBe('dates.actual_end: -> 2026-12-01');
    expect(changeLine({ path: 'sponsor', kind: 'removed', old: 'asmith', new: null }, PLAIN)).toBe('sponsor: asmith ->');
    expect(changeLine({ path: 'risks[R2]', kind: 'added', old: null, new: { id: 'R2', title: 'Key engineer may leave' } }, PLAIN)).toBe('risks[R2]: added "Key engineer may leave"');
    expect(changeLine({ path: 'team[bkim]', kind: 'removed', old: { person: 'bkim', role: 'Engineer' }, new: null }, PLAIN)).toBe('team[bkim]: removed "Engineer"');
    expect(changeLine({ path: 'status[1]', kind: 'added', old: null, new: { date: '2026-11-20', overall: 'red' } }, PLAIN)).toBe('status[1]: added (red)');
    // A mapping that is not an item of a list is a value.
    expect(changeLine({ path: 'approvals.baseline', kind: 'added', old: null, new: { by: 'asmith' } }, PLAIN)).toBe('approvals.baseline: -> {by: asmith}');
  });
});
