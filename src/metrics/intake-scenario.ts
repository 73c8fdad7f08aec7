/**
 * The intake scenario (`pmo report intake --budget <amount>`): of the ranked requests, the set with the highest
 * total score whose costs fit the budget: a 0/1 knapsack. Exact, by branch and bound, for up to EXACT_LIMIT
 * requests (a portfolio decision's usual size); beyond that, greedy by score per unit of cost, which is said.
 * Requests without a cost estimate, and those whose score adds nothing (0 or less), are left out with the reason.
 * Pure.
 */
import { byText } from './numbers.js';

export interface Candidate {
  id: string;
  score: number;
  cost: number | null;
}

export interface Scenario {
  budget: number;
  method: 'exact' | 'greedy';
  chosen: string[];
  total_score: number;
  total_cost: number;
  /** Each request left out, and the constraint that kept it out. */
  left_out: Array<{ id: string; reason: string }>;
}

/** Above this many requests, the exact search gives way to the greedy choice. */
export const EXACT_LIMIT = 40;

export function chooseWithinBudget(candidates: readonly Candidate[], budget: number): Scenario {
  const priced = candidates.filter((c): c is Candidate & { cost: number } => c.cost !== null && c.score > 0 && c.cost <= budget);
  const method = priced.length <= EXACT_LIMIT ? 'exact' : 'greedy';
  const chosen = new Set(method === 'exact' ? bestSet(priced, budget) : greedySet(priced, budget));
  const picked = priced.filter((c) => chosen.has(c.id));
  const total_cost = picked.reduce((sum, c) => sum + c.cost, 0);
  return {
    budget,
    method,
    chosen: candidates.filter((c) => chosen.has(c.id)).map((c) => c.id),
    total_score: tidy(picked.reduce((sum, c) => sum + c.score, 0)),
    total_cost: tidy(total_cost),
    left_out: candidates.filter((c) => !chosen.has(c.id)).map((c) => ({ id: c.id, reason: whyOut(c, budget, budget - total_cost) })),
  };
}

function whyOut(c: Candidate, budget: number, left: number): string {
  if (c.cost === null) return 'no cost estimate: it cannot be weighed against the budget';
  if (c.score <= 0) return `a score of ${c.score} adds nothing to the portfolio's total`;
  if (c.cost > budget) return `its cost ${c.cost} alone is over the budget ${budget}`;
  if (c.cost > left) return `its cost ${c.cost} does not fit the ${tidy(left)} left once the set with the highest total score is in`;
  return 'another set of the same cost scores higher';
}

/** By score per unit of cost, highest first (free requests first), ties by score then id: the greedy order and the search's. */
function byDensity<T extends Candidate & { cost: number }>(items: readonly T[]): T[] {
  const density = (c: T) => (c.cost === 0 ? Infinity : c.score / c.cost);
  return [...items].sort((a, b) => density(b) - density(a) || b.score - a.score || byText(a.id, b.id));
}

function greedySet(items: ReadonlyArray<Candidate & { cost: number }>, budget: number): string[] {
  const chosen: string[] = [];
  let left = budget;
  for (const c of byDensity(items)) {
    if (c.cost > left) continue;
    chosen.push(c.id);
    left -= c.cost;
  }
  return chosen;
}

/**
 * Depth-first over the items in density order, taking each or not; a branch is cut when even filling what is
 * left of the budget with fractions of the next items (the LP bound) cannot beat the best set found.
 */
function bestSet(items: ReadonlyArray<Candidate & { cost: number }>, budget: number): string[] {
  const sorted = byDensity(items);
  let best = { score: -1, taken: [] as number[] };
  const taken: number[] = [];
  const bound = (from: number, left: number, score: number) => {
    for (let i = from; i < sorted.length; i++) {
      const c = sorted[i]!;
      if (c.cost <= left) {
        left -= c.cost;
        score += c.score;
      } else return score + (c.score * left) / c.cost;
    }
    return score;
  };
  const search = (i: number, left: number, score: number) => {
    if (score > best.score + 1e-9) best = { score, taken: [...taken] };
    if (i === sorted.length || bound(i, left, score) <= best.score + 1e-9) return;
    const c = sorted[i]!;
    if (c.cost <= left) {
      taken.push(i);
      search(i + 1, left - c.cost, score + c.score);
      taken.pop();
    }
    search(i + 1, left, score);
  };
  search(0, budget, 0);
  return best.taken.map((i) => sorted[i]!.id);
}

const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
