/**
 * rebaseline-approved with amounts: a baseline moves by what the change requests approved in the same change
 * allow, no more; an approval moves it once. Worked on before/after pairs, the way a commit is judged.
 */
import { describe, expect, it } from 'vitest';
import { configFrom } from '../../src/model/config.js';
import type { Project } from '../../src/model/schemas/project.js';
import rule from '../../src/rules/builtin/rebaseline-approved.js';
import { baseContext } from '../../src/rules/context.js';
import type { Report } from '../../src/rules/types.js';
import { project } from '../metrics/rule-context.js';

type Change = NonNullable<Project['changes']>[number];

const judge = (before: Project, after: Project): Report[] => {
  const reports: Report[] = [];
  rule.check(before, after, { ...baseContext(configFrom({}), '2026-11-20'), report: (r) => reports.push(r) });
  return reports;
};

const base = (changes: Change[] = [], baseline = 500000, end = '2026-09-30') =>
  project('apollo', { dates: { start: '2026-01-05', baseline_end: end }, budget: { baseline }, changes });
const cr = (id: string, cost: number | undefined, days: number | undefined, status: Change['status'] = 'approved'): Change => ({
  id, title: id, status, rebaselines: ['budget.baseline', 'dates.baseline_end'],
  ...(cost === undefined ? {} : { cost_impact: cost }), ...(days === undefined ? {} : { schedule_impact_days: days }),
});

describe('rebaseline-approved: how far a baseline may move', () => {
  it('a move within what the change approved in this change is fine, in full or short of it', () => {
    // CR1 approves +40,000 and +20 days: the baseline 500,000 -> 540,000 and 09-30 -> 10-20 (20 days).
    expect(judge(base(), base([cr('CR1', 40000, 20)], 540000, '2026-10-20'))).toEqual([]);
    // Moving less than approved (+30,000, +10 days) is the PM's caution.
    expect(judge(base(), base([cr('CR1', 40000, 20)], 530000, '2026-10-10'))).toEqual([]);
  });

  it('a move past it names the unapproved amount', () => {
    // +60,000 against +40,000 approved: +20,000 without approval. 09-30 -> 10-31 is 31 days against 20: 11 days.
    const reports = judge(base(), base([cr('CR1', 40000, 20)], 560000, '2026-10-31'));
    expect(reports.map((r) => [r.messageId, r.data?.delta, r.data?.allowed, r.data?.unapproved])).toEqual([
      ['exceeds', '+60,000', '+40,000', '+20,000'],
      ['exceeds', '+31 days', '+20 days', '+11 days'],
    ]);
    expect(reports[0]!.data?.changes).toBe('CR1');
  });

  it('two changes approved together add up; a cut below a negative approval is found too', () => {
    expect(judge(base(), base([cr('CR1', 40000, 5), cr('CR2', 20000, 5)], 560000, '2026-10-10'))).toEqual([]);
    // CR3 gives back 10,000 (scope cut): the baseline may drop by 10,000, not by 25,000.
    expect(judge(base(), base([cr('CR3', -10000, 0)], 475000)).map((r) => [r.messageId, r.data?.unapproved])).toEqual([['exceeds', '-15,000']]);
  });

  it('an approval moves a baseline once: a later move is not covered by it', () => {
    const approved = base([cr('CR1', 40000, 20)], 540000, '2026-10-20');
    const again = base([cr('CR1', 40000, 20)], 580000, '2026-10-20');
    expect(judge(approved, again).map((r) => [r.messageId, r.data?.changes])).toEqual([['reused', 'CR1']]);
  });

  it('an approval naming a baseline that did not move says so (its impact would count nowhere)', () => {
    const reports = judge(base(), base([cr('CR1', 40000, 0)]));
    expect(reports.map((r) => [r.messageId, r.data?.allowed, r.data?.what])).toEqual([['unmoved', '+40,000', 'the baseline budget']]);
  });

  it('a change that gives no impact approves any move of what it names; a proposed one approves nothing', () => {
    expect(judge(base(), base([cr('CR1', undefined, undefined)], 900000, '2027-03-31'))).toEqual([]);
    expect(judge(base(), base([cr('CR1', 40000, 20, 'proposed')], 540000)).map((r) => r.messageId)).toEqual(['moved']);
  });
});
