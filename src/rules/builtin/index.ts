/** The built-in rule catalog: one file per rule, named by its id, with its doc beside it (<id>.md). */
import budgetVariance from './budget-variance.js';
import milestoneOverdue from './milestone-overdue.js';
import statusFresh from './status-fresh.js';
import type { FileRule } from '../types.js';

export const BUILTIN_RULES: readonly FileRule[] = [budgetVariance, milestoneOverdue, statusFresh];
