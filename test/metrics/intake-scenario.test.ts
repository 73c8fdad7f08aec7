/**
 * The intake scenario (src/metrics/intake-scenario.ts): the requests with the highest total score that fit a
 * budget, held against a brute force over every subset of small random cases, and worked examples by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseWithinBudget, EXACT_LIMIT, type Candidate, type Limit } from '../../src/metrics/intake-scenario.js';

/** The best total score of any subset that fits the budget and every limit, tried one subset at a time. */
function bruteForce(candidates: readonly Candidate[], budget: number, limits: readonly Limit[] = []): number {
  const usable = candidates.filter((c) => c.cost !== null && c.score > 0);
  let best = 0;
  for (let mask = 0; mask < 1 << usable.length; mask++) {
    let cost = 0;
    let score = 0;
    const used = limits.map(() => 0);
    usable.forEach((c, i) => {
      if (mask & (1 << i)) {
        cost += c.cost!;
        score += c.score;
        for (const [k, amount] of c.needs ?? []) used[k]! += amount;
      }
    });
    if (cost <= budget && used.every((u, k) => u <= limits[k]!.free) && score > best) best = score;
  }
  return best;
}

/** Whether the chosen requests' needs fit every limit. */
function withinLimits(chosen: readonly Candidate[], limits: readonly Limit[]): boolean {
  const used = limits.map(() => 0);
  for (const c of chosen) for (const [k, amount] of c.needs ?? []) used[k]! += amount;
  return used.every((u, k) => u <= limits[k]!.free);
}

const candidate = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  score: fc.integer({ min: -5, max: 40 }),
  cost: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
});

describe('the intake scenario', () => {
  it('finds the best total score that fits, as a brute force over every subset does', () => {
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { maxLength: 12, selector: (c) => c.id }), fc.integer({ min: 0, max: 400 }), (candidates, budget) => {
        const scenario = chooseWithinBudget(candidates, budget);
        const chosen = candidates.filter((c) => scenario.chosen.includes(c.id));
        expect(scenario.method).toBe('exact');
        expect(scenario.total_score).toBe(bruteForce(candidates, budget));
        expect(chosen.reduce((s, c) => s + c.score, 0)).toBe(scenario.total_score);
        expect(chosen.reduce((s, c) => s + c.cost!, 0)).toBeLessThanOrEqual(budget);
        // Every request is either chosen or left out with a reason
        expect(scenario.chosen.length + scenario.left_out.length).toBe(candidates.length);
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it('finds the best total score that fits the budget and each limit (a role in a month), as a brute force does', () => {
    // Up to three limits with 0 to 6 free (FTE in halves), each request needing 0 to 3 of some of them
    const limits = fc.array(fc.integer({ min: 0, max: 12 }).map((halves) => halves / 2), { minLength: 1, maxLength: 3 });
    const needs = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 6 }).map((halves) => halves / 2)), { maxLength: 3 });
    const withNeeds = fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), score: fc.integer({ min: -5, max: 40 }), cost: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }), needs });
    fc.assert(
      fc.property(fc.uniqueArray(withNeeds, { maxLength: 12, selector: (c) => c.id }), fc.integer({ min: 0, max: 400 }), limits, (raw, budget, free) => {
        // Each need on a limit that exists, one amount per limit
        const candidates = raw.map((c) => ({ ...c, needs: [...new Map(c.needs.filter(([k]) => k < free.length)).entries()] }));
        const given = free.map((f, k) => ({ name: `L${k}`, free: f }));
        const scenario = chooseWithinBudget(candidates, budget, given);
        const chosen = candidates.filter((c) => scenario.chosen.includes(c.id));
        expect(scenario.method).toBe('exact');
        expect(scenario.total_score).toBe(bruteForce(candidates, budget, given));
        expect(chosen.reduce((s, c) => s + c.cost!, 0)).toBeLessThanOrEqual(budget);
        expect(withinLimits(chosen, given)).toBe(true);
        expect(scenario.chosen.length + scenario.left_out.length).toBe(candidates.length);
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it('stops a search cut short with the best set found, never worse than the greedy one, and says so', () => {
    // Budget 100. Greedy by score per cost takes A (40 for 60, the best ratio), then neither B nor C fits the 40
    // left; B + C score more (60). One step of search is not enough to find them.
    const candidates = [{ id: 'A', score: 40, cost: 60 }, { id: 'B', score: 30, cost: 50 }, { id: 'C', score: 30, cost: 50 }];
    const cut = chooseWithinBudget(candidates, 100, [], 1);
    expect([cut.method, cut.chosen, cut.total_score]).toEqual(['partial', ['A'], 40]);
    const searched = chooseWithinBudget(candidates, 100);
    expect([searched.method, searched.chosen, searched.total_score]).toEqual(['exact', ['B', 'C'], 60]);
  });

  it('names the limit that kept a request out: alone, or once the best set is in', () => {
    // One developer free in January. A needs all of it for 30; B and C half each for 20 and 15: B + C = 35 > 30.
    // D needs two developers: more than there are, whatever else is chosen. The budget (100) holds everything.
    const limits = [{ name: 'Developer in 2027-01', free: 1 }];
    const scenario = chooseWithinBudget(
      [
        { id: 'A', score: 30, cost: 10, needs: [[0, 1]] },
        { id: 'B', score: 20, cost: 10, needs: [[0, 0.5]] },
        { id: 'C', score: 15, cost: 10, needs: [[0, 0.5]] },
        { id: 'D', score: 50, cost: 10, needs: [[0, 2]] },
      ],
      100,
      limits,
    );
    expect(scenario).toEqual({
      budget: 100,
      method: 'exact',
      chosen: ['B', 'C'],
      total_score: 35,
      total_cost: 20,
      left_out: [
        { id: 'A', reason: 'it needs 1 FTE of Developer in 2027-01, 0 free once the set with the highest total score is in', constraint: 'Developer in 2027-01' },
        { id: 'D', reason: 'it needs 2 FTE of Developer in 2027-01, more than the 1 free', constraint: 'Developer in 2027-01' },
      ],
    });
  });

  it('takes the pair that scores more over the single best request (what greedy by score would not)', () => {
    // Budget 100: A scores 50 for 100; B and C score 30 each for 50: B + C = 60 > 50
    const scenario = chooseWithinBudget([{ id: 'A', score: 50, cost: 100 }, { id: 'B', score: 30, cost: 50 }, { id: 'C', score: 30, cost: 50 }, { id: 'D', score: 10, cost: null }, { id: 'E', score: -3, cost: 5 }, { id: 'F', score: 20, cost: 150 }], 100);
    expect(scenario).toEqual({
      budget: 100,
      method: 'exact',
      chosen: ['B', 'C'],
      total_score: 60,
      total_cost: 100,
      left_out: [
        { id: 'A', reason: 'its cost 100 does not fit the 0 left once the set with the highest total score is in', constraint: 'budget' },
        { id: 'D', reason: 'no cost estimate: it cannot be weighed against the budget', constraint: null },
        { id: 'E', reason: "a score of -3 adds nothing to the portfolio's total", constraint: null },
        { id: 'F', reason: 'its cost 150 alone is over the budget 100', constraint: 'budget' },
      ],
    });
  });

  it(`chooses greedily by score per unit of cost beyond ${EXACT_LIMIT} requests, and says so`, () => {
    // 41 requests of cost 10; scores 1..41; budget 100: the ten best per cost are 32..41
    const many = Array.from({ length: 41 }, (_, i) => ({ id: `R${String(i + 1).padStart(2, '0')}`, score: i + 1, cost: 10 }));
    const scenario = chooseWithinBudget(many, 100);
    expect(scenario.method).toBe('greedy');
    expect(scenario.chosen).toEqual(many.slice(31).map((r) => r.id));
    expect(scenario.total_score).toBe(32 + 33 + 34 + 35 + 36 + 37 + 38 + 39 + 40 + 41);
  });
});
