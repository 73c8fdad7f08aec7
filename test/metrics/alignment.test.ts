import { describe, expect, it } from 'vitest';
import { budgetByGoal } from '../../src/metrics/alignment.js';
import { project } from './rule-context.js';

const goals = [
  { id: 'G1', title: 'Grow recurring revenue' },
  { id: 'G2', title: 'Retire legacy platforms' },
  { id: 'G3', title: 'Nobody funds this' },
];

describe('budgetByGoal', () => {
  it('splits budgets across goals, lists unknown goals and the unaligned projects', () => {
    // total = 500,000 + 300,000 + 100,000 + 60,000 + 40,000 + 0 (ares has no baseline) = 1,000,000
    // G1: hermes 300,000 / 2 = 150,000 (+ ares 0)          share 0.15
    // G2: apollo 500,000 + hermes 150,000 = 650,000          share 0.65
    // G3: nothing                                            share 0
    // G9 (not in goals.yaml): zeus 100,000                   share 0.10
    // unaligned: nyx 60,000 (no goals), eos 40,000 (empty goals): 0.10; 0.15 + 0.65 + 0.10 = 0.90 = 1 - 0.10
    const projects = [
      project('apollo', { goals: ['G2'], budget: { baseline: 500000 } }),
      project('hermes', { goals: ['G1', 'G2'], budget: { baseline: 300000, actual: 10 } }),
      project('zeus', { goals: ['G9'], budget: { baseline: 100000 } }),
      project('nyx', { budget: { baseline: 60000 } }),
      project('eos', { goals: [], budget: { baseline: 40000 } }),
      project('ares', { goals: ['G1'] }),
    ];
    expect(budgetByGoal(projects, goals)).toEqual({
      goals: [
        { id: 'G1', title: 'Grow recurring revenue', budget: 150000, share: 0.15, projects: ['ares', 'hermes'] },
        { id: 'G2', title: 'Retire legacy platforms', budget: 650000, share: 0.65, projects: ['apollo', 'hermes'] },
        { id: 'G3', title: 'Nobody funds this', budget: 0, share: 0, projects: [] },
        { id: 'G9', title: null, budget: 100000, share: 0.1, projects: ['zeus'] },
      ],
      unaligned: [
        { project: 'nyx', budget: 60000 },
        { project: 'eos', budget: 40000 },
      ],
      total: 1000000,
    });
  });

  it('counts a goal named twice by one project once', () => {
    // [G1, G1] is one goal: the whole 90,000 goes to G1, share 1
    const result = budgetByGoal([project('p', { goals: ['G1', 'G1'], budget: { baseline: 90000 } })], goals);
    expect(result.goals[0]).toEqual({ id: 'G1', title: 'Grow recurring revenue', budget: 90000, share: 1, projects: ['p'] });
  });

  it('has no shares when the portfolio has no budget', () => {
    const result = budgetByGoal([project('p', { goals: ['G1'] }), project('q')], goals);
    expect(result.total).toBe(0);
    expect(result.goals.map((g) => [g.id, g.budget, g.share])).toEqual([['G1', 0, null], ['G2', 0, null], ['G3', 0, null]]);
    expect(result.unaligned).toEqual([{ project: 'q', budget: 0 }]);
  });

  it('orders unknown goal ids by id after the goals.yaml ones', () => {
    const result = budgetByGoal([project('p', { goals: ['G9', 'G10'] }), project('q', { goals: ['G2'] })], goals);
    expect(result.goals.map((g) => g.id)).toEqual(['G1', 'G2', 'G3', 'G10', 'G9']);
  });
});
