/** Strategic alignment: how the portfolio's approved budget divides among the strategic goals. */
import type { Goal } from '../model/schemas/people.js';
import type { Project } from '../model/schemas/project.js';
import { byText, finite } from './numbers.js';

export interface GoalBudget {
  id: string;
  /** null for a goal id that projects use but goals.yaml does not define. */
  title: string | null;
  budget: number;
  /** budget / the whole portfolio's budget, 0..1; null when the portfolio has no budget at all. */
  share: number | null;
  projects: string[];
}

export interface BudgetByGoal {
  goals: GoalBudget[];
  unaligned: Array<{ project: string; budget: number }>;
  total: number;
}

/**
 * A project's budget is its approved budget (budget.baseline, 0 when missing). A project serving several goals
 * splits it equally among them: counting it whole under each would add up to more than was approved, and the
 * goals' shares would no longer sum to the aligned share of the portfolio (1 minus the unaligned share).
 * Goals come in goals.yaml's order (the PMO's own), then ids goals.yaml lacks, by id; goals with no project
 * are listed with 0, as a goal nothing funds is itself news. Unaligned projects come largest budget first.
 */
export function budgetByGoal(projects: ReadonlyArray<Pick<Project, 'id' | 'goals' | 'budget'>>, goals: readonly Goal[]): BudgetByGoal {
  const rows = new Map<string, { title: string | null; budget: number; projects: Set<string> }>();
  for (const goal of goals) if (goal?.id && !rows.has(goal.id)) rows.set(goal.id, { title: goal.title ?? null, budget: 0, projects: new Set() });
  const defined = [...rows.keys()];
  const undefinedGoals: string[] = [];

  const unaligned: BudgetByGoal['unaligned'] = [];
  let total = 0;
  for (const project of projects) {
    const budget = finite(project.budget?.baseline) ?? 0;
    total += budget;
    const served = [...new Set(project.goals ?? [])];
    if (served.length === 0) {
      unaligned.push({ project: project.id, budget });
      continue;
    }
    for (const id of served) {
      let row = rows.get(id);
      if (!row) {
        rows.set(id, (row = { title: null, budget: 0, projects: new Set() }));
        undefinedGoals.push(id);
      }
      row.budget += budget / served.length;
      row.projects.add(project.id);
    }
  }

  const order = [...defined, ...undefinedGoals.sort(byText)];
  return {
    goals: order.map((id) => {
      const row = rows.get(id)!;
      return { id, title: row.title, budget: row.budget, share: total === 0 ? null : row.budget / total, projects: [...row.projects].sort(byText) };
    }),
    unaligned: unaligned.sort((a, b) => b.budget - a.budget || byText(a.project, b.project)),
    total,
  };
}
