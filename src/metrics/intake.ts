/** Intake: requests scored by the PMO's weighted model and ranked for the next portfolio decision. */
import type { Request } from '../model/schemas/request.js';
import { byText, finite, sharedRanks } from './numbers.js';

/** FORMAT.md's example model, used when pmo.yaml sets no intake weights. */
export const DEFAULT_INTAKE_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({ value: 3, alignment: 3, urgency: 2, risk: -1 });

/** Criteria are scored 1..5; the best score is 5 where more is better, 1 where less is (a negative weight). */
const BEST = 5;
const BEST_WHEN_LOWER = 1;

export interface RankedRequest {
  rank: number;
  id: string;
  name: string;
  score: number;
  max_score: number;
  /** The request's score per weighted criterion; null when it has none. */
  scores: Record<string, number | null>;
  /** Weighted criteria the request has no score for: they count 0. */
  missing: string[];
  cost: number | null;
  months: number | null;
  goals: string[];
}

/**
 * score = sum over the weighted criteria of weight x score, a missing score counting 0 (and listed in
 * `missing`, so the ranking does not hide it). Sorted by score, highest first, then id; ties share a rank
 * (1, 1, 3). Weights with no criterion (an empty map) fall back to DEFAULT_INTAKE_WEIGHTS, so a caller can
 * pass pmo.yaml's weights as they are.
 */
export function rankRequests(requests: readonly Request[], weights: Readonly<Record<string, number>>): RankedRequest[] {
  const given = Object.entries(weights ?? {}).filter(([, w]) => finite(w) !== null);
  const model = given.length > 0 ? given : Object.entries(DEFAULT_INTAKE_WEIGHTS);
  const max_score = tidy(model.reduce((sum, [, w]) => sum + w * (w < 0 ? BEST_WHEN_LOWER : BEST), 0));

  const rows = requests.map((request) => {
    const scores: Record<string, number | null> = {};
    const missing: string[] = [];
    let score = 0;
    for (const [criterion, weight] of model) {
      const value = finite(request.scores?.[criterion]);
      scores[criterion] = value;
      if (value === null) missing.push(criterion);
      else score += weight * value;
    }
    return {
      id: request.id,
      name: request.name,
      score: tidy(score),
      max_score,
      scores,
      missing,
      cost: finite(request.estimate?.cost),
      months: finite(request.estimate?.months),
      goals: [...(request.goals ?? [])],
    };
  });
  rows.sort((a, b) => b.score - a.score || byText(a.id, b.id));
  const ranks = sharedRanks(rows.map((r) => r.score));
  return rows.map((row, i) => ({ rank: ranks[i]!, ...row }));
}

/** Fractional weights (0.1 + 0.2) leave binary noise that would split a tie: keep 6 decimals (and no -0). */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6 + 0;
