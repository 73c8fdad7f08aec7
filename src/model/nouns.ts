/** The lists of a project file and what their items are called in messages. */

/** Lists inside a project whose items carry an `id` that must be unique in the list. */
export const ITEM_LISTS = [
  'milestones', 'deliverables', 'risks', 'issues', 'assumptions', 'dependencies', 'changes', 'revenue',
] as const;

/** Words for an item of each list, for messages ("risk R1"). */
export const ITEM_NOUN: Record<string, string> = {
  milestones: 'milestone', deliverables: 'deliverable', risks: 'risk', issues: 'issue', assumptions: 'assumption',
  dependencies: 'dependency', changes: 'change', revenue: 'billing milestone', team: 'team member',
  stakeholders: 'stakeholder', vendors: 'vendor', kpis: 'KPI', status: 'status update', lessons: 'lesson',
  people: 'person', goals: 'goal', waivers: 'waiver', trainings: 'training', costs: 'cost', findings: 'audit finding',
  actions: 'action', demand: 'demand line',
};

