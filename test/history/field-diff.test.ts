/** The field diff behind `pmo log`: paths a PM reads, items matched by their names, one change per new item. */
import { describe, expect, it } from 'vitest';
import { diffFields, namingField, sameValue } from '../../src/history/field-diff.js';

const risk = (id: string, probability: number, title = `Risk ${id}`) => ({ id, title, probability, impact: 3, owner: 'jdoe' });

describe('diffFields', () => {
  it('names a changed value by its path, in the order of the newer document', () => {
    const before = { id: 'apollo', dates: { start: '2026-01-05', forecast_end: '2026-11-15' }, budget: { baseline: 500000, forecast: 540000 } };
    const after = { id: 'apollo', budget: { baseline: 500000, forecast: 560000 }, dates: { start: '2026-01-05', forecast_end: '2026-12-01' } };
    expect(diffFields(before, after)).toEqual([
      { path: 'budget.forecast', kind: 'changed', old: 540000, new: 560000 },
      { path: 'dates.forecast_end', kind: 'changed', old: '2026-11-15', new: '2026-12-01' },
    ]);
  });

  it('adds and removes fields, the newer keys first; an empty value is the same as none', () => {
    const before = { dates: { start: '2026-01-05', actual_end: null }, sponsor: 'asmith' };
    const after = { dates: { start: '2026-01-05', actual_end: '2026-12-01' }, manager: 'jdoe' };
    expect(diffFields(before, after)).toEqual([
      { path: 'dates.actual_end', kind: 'added', old: null, new: '2026-12-01' },
      { path: 'manager', kind: 'added', old: null, new: 'jdoe' },
      { path: 'sponsor', kind: 'removed', old: 'asmith', new: null },
    ]);
    expect(diffFields({ dates: { actual_end: null } }, { dates: {} })).toEqual([]);
  });

  it('matches risks by id: one inserted above R1 does not read as every risk changing', () => {
    const before = { risks: [risk('R1', 3), risk('R2', 2)] };
    const after = { risks: [risk('R3', 5), risk('R1', 4), risk('R2', 2)] };
    expect(diffFields(before, after)).toEqual([
      { path: 'risks[R3]', kind: 'added', old: null, new: risk('R3', 5) },
      { path: 'risks[R1].probability', kind: 'changed', old: 3, new: 4 },
    ]);
    expect(diffFields(after, { risks: [risk('R1', 4)] })).toEqual([
      { path: 'risks[R3]', kind: 'removed', old: risk('R3', 5), new: null },
      { path: 'risks[R2]', kind: 'removed', old: risk('R2', 2), new: null },
    ]);
  });

  it('names status updates by their date and team members by person', () => {
    const s1 = { date: '2026-11-06', by: 'jdoe', overall: 'green' };
    const s2 = { date: '2026-11-13', by: 'jdoe', overall: 'amber' };
    expect(diffFields({ status: [s1, s2] }, { status: [s1, { ...s2, overall: 'red' }, { date: '2026-11-20', overall: 'red' }] })).toEqual([
      { path: 'status[2026-11-13].overall', kind: 'changed', old: 'amber', new: 'red' },
      { path: 'status[2026-11-20]', kind: 'added', old: null, new: { date: '2026-11-20', overall: 'red' } },
    ]);
    const team = [{ person: 'jdoe', allocation: 50 }, { person: 'bkim', allocation: 80 }];
    expect(diffFields({ team }, { team: [team[1], { person: 'jdoe', allocation: 60 }] })).toEqual([
      { path: 'team[jdoe].allocation', kind: 'changed', old: 50, new: 60 },
    ]);
  });

  it('falls back to positions when the items have no unique name', () => {
    const before = { stakeholders: [{ name: 'Sales', interest: 'high' }, { name: 'IT', interest: 'low' }] };
    const after = { stakeholders: [{ name: 'Sales', interest: 'low' }] };
    expect(diffFields(before, after)).toEqual([
      { path: 'stakeholders[0].interest', kind: 'changed', old: 'high', new: 'low' },
      { path: 'stakeholders[1]', kind: 'removed', old: { name: 'IT', interest: 'low' }, new: null },
    ]);
    // Two updates on one date: by position.
    const same = [{ date: '2026-11-13', overall: 'green' }, { date: '2026-11-13', overall: 'amber' }];
    expect(diffFields({ status: same }, { status: [same[0], { ...same[1], overall: 'red' }] })).toEqual([
      { path: 'status[1].overall', kind: 'changed', old: 'amber', new: 'red' },
    ]);
    // A risk whose id was forgotten: every risk by position, so the diff is still complete.
    expect(diffFields({ risks: [risk('R1', 3)] }, { risks: [risk('R1', 3), { title: 'No id', probability: 2 }] })).toEqual([
      { path: 'risks[1]', kind: 'added', old: null, new: { title: 'No id', probability: 2 } },
    ]);
  });

  it('takes a list of plain values as one value, and names the first item of an empty list', () => {
    expect(diffFields({ goals: ['G2'] }, { goals: ['G2', 'G1'] })).toEqual([{ path: 'goals', kind: 'changed', old: ['G2'], new: ['G2', 'G1'] }]);
    expect(diffFields({ goals: ['G1', 'G2'] }, { goals: ['G1', 'G2'] })).toEqual([]);
    expect(diffFields({ risks: [] }, { risks: [risk('R1', 2)] })).toEqual([{ path: 'risks[R1]', kind: 'added', old: null, new: risk('R1', 2) }]);
    expect(diffFields({ status: [] }, { status: [{ date: '2026-11-13', overall: 'green' }] })[0]!.path).toBe('status[2026-11-13]');
  });

  it('adds a whole mapping as one change, and quotes keys that are not plain names', () => {
    expect(diffFields({ approvals: {} }, { approvals: { baseline: { by: 'asmith', on: '2026-02-27' } } })).toEqual([
      { path: 'approvals.baseline', kind: 'added', old: null, new: { by: 'asmith', on: '2026-02-27' } },
    ]);
    expect(diffFields({ records: { 'minutes 2026': 'a.md' } }, { records: { 'minutes 2026': 'b.md' } })[0]!.path).toBe('records["minutes 2026"]');
  });

  it('reports a change of type as a change of the value', () => {
    expect(diffFields({ lessons: ['Book early'] }, { lessons: [{ title: 'Book early' }] })).toEqual([
      { path: 'lessons', kind: 'changed', old: ['Book early'], new: [{ title: 'Book early' }] },
    ]);
    expect(diffFields({ priority: 2 }, { priority: '2' })).toEqual([{ path: 'priority', kind: 'changed', old: 2, new: '2' }]);
  });

  it('is empty between equal documents, whatever their key order', () => {
    const a = { id: 'x', budget: { baseline: 1, forecast: 2 }, risks: [risk('R1', 2)] };
    const b = { risks: [{ owner: 'jdoe', impact: 3, probability: 2, title: 'Risk R1', id: 'R1' }], budget: { forecast: 2, baseline: 1 }, id: 'x' };
    expect(diffFields(a, b)).toEqual([]);
    expect(sameValue(a, b)).toBe(true);
    expect(diffFields(undefined, undefined)).toEqual([]);
  });
});

describe('namingField', () => {
  it('prefers id, then date, then person; no name for whole numbers, brackets or duplicates', () => {
    expect(namingField([{ id: 'R1', date: '2026-01-01' }])).toBe('id');
    expect(namingField([{ date: '2026-01-01' }, { date: '2026-01-08' }])).toBe('date');
    expect(namingField([{ person: 'jdoe' }])).toBe('person');
    expect(namingField([{ id: '7' }])).toBeUndefined();
    expect(namingField([{ id: 'a]b' }])).toBeUndefined();
    expect(namingField([{ id: 'R1' }, { id: 'R1' }])).toBeUndefined();
    expect(namingField([{ id: 5 }])).toBeUndefined();
  });
});
