/**
 * The intake scenario (`pmo report intake --budget <amount> [--capacity]`): of the ranked requests, the set with
 * the highest total score whose costs fit the budget and, with limits (each role's free people in a month, from
 * metrics/capacity.ts), whose needs fit each limit: a 0/1 knapsack, with as many more dimensions as limits.
 * Exact, by branch and bound, for up to EXACT_LIMIT requests (a portfolio decision's usual size); beyond that,
 * greedy by score per unit of cost, which is said. Should an exact search run past SEARCH_STEPS (many requests
 * that the limits, not the budget, hold back), it stops with the best set found, never worse than the greedy
 * one, and says that too. Requests without a cost estimate, those whose score adds nothing (0 or less), and
 * those that alone break the budget or a limit are left out with the reason. Pure.
 */
import { byText } from './numbers.js';

export interface Candidate {
  id: string;
  score: number;
  cost: number | null;
  /** What the request takes of each limit: [index in the limits, amount]. */
  needs?: ReadonlyArray<readonly [number, number]>;
}

/** A limit besides the budget: `Developer in 2027-03` has `free` FTE. */
export interface Limit {
  name: string;
  free: number;
}

export interface Scenario {
  budget: number;
  /** exact: the best set; greedy: by score per cost; partial: the best set found before the search was cut short. */
  method: 'exact' | 'greedy' | 'partial';
  chosen: string[];
  total_score: number;
  total_cost: number;
  /** Each request left out, the reason, and the constraint that kept it out (`budget`, a limit's name; null: none alone). */
  left_out: Array<{ id: string; reason: string; constraint: string | null }>;
}

/** Above this many requests, the exact search gives way to the greedy choice. */
export const EXACT_LIMIT = 40;
/** Steps of the exact search before it settles for the best set found. */
export const SEARCH_STEPS = 2_000_000;
/** FTE and money are sums of fractions: a need this far over a limit still fits. */
const EPS = 1e-9;

type Priced = Candidate & { cost: number };

export function chooseWithinBudget(candidates: readonly Candidate[], budget: number, limits: readonly Limit[] = [], searchSteps = SEARCH_STEPS): Scenario {
  const free = limits.map((l) => l.free);
  const priced = candidates.filter((c): c is Priced => c.cost !== null && c.score > 0 && c.cost <= budget && fits(c, budget, free));
  const greedy = greedySet(priced, budget, free);
  const search = priced.length <= EXACT_LIMIT ? bestSet(priced, budget, free, greedy, searchSteps) : undefined;
  const method = !search ? 'greedy' : search.complete ? 'exact' : 'partial';
  const chosen = new Set(search ? search.ids : greedy);
  const picked = priced.filter((c) => chosen.has(c.id));
  const left = { budget: budget - picked.reduce((sum, c) => sum + c.cost, 0), free: [...free] };
  for (const c of picked) for (const [k, amount] of c.needs ?? []) left.free[k]! -= amount;
  return {
    budget,
    method,
    chosen: candidates.filter((c) => chosen.has(c.id)).map((c) => c.id),
    total_score: tidy(picked.reduce((sum, c) => sum + c.score, 0)),
    total_cost: tidy(budget - left.budget),
    left_out: candidates.filter((c) => !chosen.has(c.id)).map((c) => ({ id: c.id, ...whyOut(c, budget, limits, left) })),
  };
}

function fits(c: Candidate, budget: number, free: readonly number[]): boolean {
  return (c.cost ?? 0) <= budget + EPS && (c.needs ?? []).every(([k, amount]) => amount <= free[k]! + EPS);
}

/** The first limit the request's needs break, given what is free. */
function brokenLimit(c: Candidate, free: readonly number[]): readonly [number, number] | undefined {
  return (c.needs ?? []).find(([k, amount]) => amount > free[k]! + EPS);
}

function whyOut(c: Candidate, budget: number, limits: readonly Limit[], left: { budget: number; free: number[] }): { reason: string; constraint: string | null } {
  if (c.cost === null) return { reason: 'no cost estimate: it cannot be weighed against the budget', constraint: null };
  if (c.score <= 0) return { reason: `a score of ${c.score} adds nothing to the portfolio's total`, constraint: null };
  if (c.cost > budget) return { reason: `its cost ${c.cost} alone is over the budget ${budget}`, constraint: 'budget' };
  const alone = brokenLimit(c, limits.map((l) => l.free));
  if (alone) {
    const { name, free } = limits[alone[0]]!;
    return { reason: `it needs ${fte(alone[1])} FTE of ${name}, ${free > 0 ? `more than the ${fte(free)} free` : 'where none is free'}`, constraint: name };
  }
  if (c.cost > left.budget + EPS) return { reason: `its cost ${c.cost} does not fit the ${tidy(left.budget)} left once the set with the highest total score is in`, constraint: 'budget' };
  const after = brokenLimit(c, left.free);
  if (after) {
    const { name } = limits[after[0]]!;
    return { reason: `it needs ${fte(after[1])} FTE of ${name}, ${fte(Math.max(0, left.free[after[0]]!))} free once the set with the highest total score is in`, constraint: name };
  }
  return { reason: 'another set of the same cost scores higher', constraint: null };
}

/** By score per unit of cost, highest first (free requests first), ties by score then id: the greedy order and the search's. */
function byDensity<T extends Priced>(items: readonly T[]): T[] {
  const density = (c: T) => (c.cost === 0 ? Infinity : c.score / c.cost);
  return [...items].sort((a, b) => density(b) - density(a) || b.score - a.score || byText(a.id, b.id));
}

function greedySet(items: readonly Priced[], budget: number, limits: readonly number[]): string[] {
  const chosen: string[] = [];
  const free = [...limits];
  let left = budget;
  for (const c of byDensity(items)) {
    if (!fits(c, left, free)) continue;
    chosen.push(c.id);
    left -= c.cost;
    for (const [k, amount] of c.needs ?? []) free[k]! -= amount;
  }
  return chosen;
}

/**
 * Depth-first over the items in density order, taking each or not, from the greedy set's score; a branch is cut
 * when even filling what is left of the budget with fractions of the next items that still fit the limits (the
 * LP bound of the budget alone, which the limits only lower) cannot beat the best set found.
 */
function bestSet(items: readonly Priced[], budget: number, limits: readonly number[], greedy: readonly string[], maxSteps: number): { ids: string[]; complete: boolean } {
  const sorted = byDensity(items);
  const start = new Set(greedy);
  let best = { score: sorted.filter((c) => start.has(c.id)).reduce((sum, c) => sum + c.score, 0), taken: undefined as number[] | undefined };
  const free = [...limits];
  const taken: number[] = [];
  let steps = 0;
  const bound = (from: number, left: number, score: number) => {
    for (let i = from; i < sorted.length; i++) {
      const c = sorted[i]!;
      if (brokenLimit(c, free)) continue;
      if (c.cost <= left) {
        left -= c.cost;
        score += c.score;
      } else return score + (c.score * left) / c.cost;
    }
    return score;
  };
  const search = (i: number, left: number, score: number): void => {
    if (++steps > maxSteps) return;
    if (score > best.score + EPS) best = { score, taken: [...taken] };
    if (i === sorted.length || bound(i, left, score) <= best.score + EPS) return;
    const c = sorted[i]!;
    if (fits(c, left, free)) {
      taken.push(i);
      for (const [k, amount] of c.needs ?? []) free[k]! -= amount;
      search(i + 1, left - c.cost, score + c.score);
      for (const [k, amount] of c.needs ?? []) free[k]! += amount;
      taken.pop();
    }
    search(i + 1, left, score);
  };
  search(0, budget, 0);
  return { ids: best.taken ? best.taken.map((i) => sorted[i]!.id) : [...greedy], complete: steps <= maxSteps };
}

const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
const fte = (n: number) => String(Math.round(n * 100) / 100);
