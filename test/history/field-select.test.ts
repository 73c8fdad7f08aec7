/** `--field` selectors: how they are read, and what they find in the versions before and after a commit. */
import { describe, expect, it } from 'vitest';
import { hasSelected, parseSelector, pathsOf, selectedChanges } from '../../src/history/field-select.js';

const sel = (...texts: string[]) => texts.map(parseSelector);

describe('parseSelector', () => {
  it('reads fields, item names, positions (from the end when negative), * and quoted keys', () => {
    expect(parseSelector('dates.forecast_end').steps).toEqual([{ key: 'dates' }, { key: 'forecast_end' }]);
    expect(parseSelector('risks[R1].probability').steps).toEqual([{ key: 'risks' }, { name: 'R1' }, { key: 'probability' }]);
    expect(parseSelector(' status[-1].overall ').steps).toEqual([{ key: 'status' }, { index: -1 }, { key: 'overall' }]);
    expect(parseSelector('status[2026-11-13]').steps).toEqual([{ key: 'status' }, { name: '2026-11-13' }]);
    expect(parseSelector('risks[*].probability').steps).toEqual([{ key: 'risks' }, { every: true }, { key: 'probability' }]);
    expect(parseSelector('records["minutes 2026"]').steps).toEqual([{ key: 'records' }, { key: 'minutes 2026' }]);
    expect(parseSelector('status[-1].overall').text).toBe('status[-1].overall');
  });

  it('refuses what is not a path, saying what a path looks like', () => {
    for (const [text, why] of [
      ['', 'it is empty'],
      ['dates..forecast_end', 'an empty field name'],
      ['risks[R1', 'a [ has no ]'],
      ['risks[]', '[] names nothing'],
      ['[0].overall', 'it must start with a field name'],
      ['.dates', 'an empty field name'],
      ['risks[R1]probability', "'probability' cannot follow a field here"],
      ['"budget"', `'"budget"' is not a field name`],
    ] as const) {
      expect(() => parseSelector(text)).toThrow(why);
    }
    expect(() => parseSelector('risks[R1')).toThrow(/such as dates\.forecast_end, risks\[R1\]\.probability or status\[-1\]\.overall/);
  });
});

const s13 = { date: '2026-11-13', by: 'jdoe', overall: 'amber', summary: 'Behind plan.' };
const s20 = { date: '2026-11-20', by: 'jdoe', overall: 'red', summary: 'Vendor quota issue escalated.' };
const r1 = { id: 'R1', title: 'Vendor limits', probability: 3, impact: 4 };
const r2 = { id: 'R2', title: 'Key engineer leaves', probability: 2, impact: 5 };

describe('selectedChanges', () => {
  it('status[-1].overall compares the last update before with the last one after: the RAG as reported', () => {
    expect(selectedChanges({ status: [s13] }, { status: [s13, s20] }, sel('status[-1].overall'))).toEqual([
      { path: 'status[-1].overall', kind: 'changed', old: 'amber', new: 'red' },
    ]);
    // A new update with the same RAG is no change of the RAG.
    expect(selectedChanges({ status: [s13] }, { status: [s13, { ...s20, overall: 'amber' }] }, sel('status[-1].overall'))).toEqual([]);
    // The first update ever: added.
    expect(selectedChanges({}, { status: [s13] }, sel('status[-1].overall'))).toEqual([{ path: 'status[-1].overall', kind: 'added', old: null, new: 'amber' }]);
    expect(selectedChanges({ status: [s13, s20] }, { status: [{ ...s13, overall: 'green' }, s20] }, sel('status[0].overall'))).toEqual([
      { path: 'status[0].overall', kind: 'changed', old: 'amber', new: 'green' },
    ]);
  });

  it('an item by its id: a new one is one change, unless one of its fields is asked for', () => {
    expect(selectedChanges({ risks: [r1] }, { risks: [r1, r2] }, sel('risks[R2]'))).toEqual([{ path: 'risks[R2]', kind: 'added', old: null, new: r2 }]);
    expect(selectedChanges({ risks: [r1] }, { risks: [r1, r2] }, sel('risks[R2].probability'))).toEqual([
      { path: 'risks[R2].probability', kind: 'added', old: null, new: 2 },
    ]);
    expect(selectedChanges({ risks: [r1] }, { risks: [{ ...r1, probability: 4 }, r2] }, sel('risks[R1]'))).toEqual([
      { path: 'risks[R1].probability', kind: 'changed', old: 3, new: 4 },
    ]);
  });

  it('a prefix selects everything under it; several selectors keep their order and name each path once', () => {
    const before = { budget: { baseline: 500, forecast: 540 }, dates: { forecast_end: '2026-11-15' } };
    const after = { budget: { baseline: 520, forecast: 560, approved_by: 'cfo' }, dates: { forecast_end: '2026-12-01' } };
    expect(selectedChanges(before, after, sel('dates.forecast_end', 'budget', 'budget.forecast'))).toEqual([
      { path: 'dates.forecast_end', kind: 'changed', old: '2026-11-15', new: '2026-12-01' },
      { path: 'budget.baseline', kind: 'changed', old: 500, new: 520 },
      { path: 'budget.forecast', kind: 'changed', old: 540, new: 560 },
      { path: 'budget.approved_by', kind: 'added', old: null, new: 'cfo' },
    ]);
    // A field whose parent appears: its value is added.
    expect(selectedChanges({}, after, sel('dates.forecast_end'))).toEqual([{ path: 'dates.forecast_end', kind: 'added', old: null, new: '2026-12-01' }]);
  });

  it('[*] visits every item, named as the diff names them', () => {
    expect(selectedChanges({ risks: [r1, r2] }, { risks: [{ ...r2, probability: 1 }, { ...r1, probability: 5 }] }, sel('risks[*].probability'))).toEqual([
      { path: 'risks[R1].probability', kind: 'changed', old: 3, new: 5 },
      { path: 'risks[R2].probability', kind: 'changed', old: 2, new: 1 },
    ]);
    expect(selectedChanges({ status: [s13] }, { status: [s13, s20] }, sel('status[*].overall'))).toEqual([
      { path: 'status[2026-11-20].overall', kind: 'added', old: null, new: 'red' },
    ]);
  });

  it('finds nothing where the path leads nowhere', () => {
    expect(selectedChanges({ risks: [r1] }, { risks: [r1] }, sel('risks[R9].probability', 'budget.forecast', 'risks[5]', 'id.x'))).toEqual([]);
    expect(selectedChanges({ id: 'a' }, { id: 'b' }, sel('id.x'))).toEqual([]);
  });
});

describe('hasSelected and pathsOf', () => {
  it('tells whether a version has a value there, and lists every path of a version', () => {
    const data = { id: 'apollo', dates: { forecast_end: '2026-11-15' }, risks: [r1], status: [s13], goals: ['G1'] };
    expect(hasSelected(data, parseSelector('dates.forecast_end'))).toBe(true);
    expect(hasSelected(data, parseSelector('dates.forcast_end'))).toBe(false);
    expect(hasSelected(data, parseSelector('risks[*].impact'))).toBe(true);
    expect(pathsOf(data)).toEqual([
      'id', 'dates', 'dates.forecast_end', 'risks', 'risks[R1]', 'risks[R1].id', 'risks[R1].title', 'risks[R1].probability', 'risks[R1].impact',
      'status', 'status[2026-11-13]', 'status[2026-11-13].date', 'status[2026-11-13].by', 'status[2026-11-13].overall', 'status[2026-11-13].summary', 'goals',
    ]);
  });
});
