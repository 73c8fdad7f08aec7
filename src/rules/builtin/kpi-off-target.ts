import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'kpi-off-target',
  description: 'A KPI meets its target once it is due: at its due date, or when the project closes.',
  category: 'quality',
  governance: false,
  thresholds: [],
  messages: {
    below: 'KPI "{{name}}" is {{actual}}, below its target of {{target}} (higher is better)',
    above: 'KPI "{{name}}" is {{actual}}, above its target of {{target}} (lower is better)',
  },
  scope: 'project',
  check(project, ctx) {
    const closing = ctx.phaseAtLeast(project.phase, 'closing');
    (project.kpis ?? []).forEach((kpi, index) => {
      const actual = kpi.actual;
      // A target is where the KPI must be by its due date (or by the end): on the way there it is progress.
      const due = kpi.due ? kpi.due <= ctx.today : closing;
      // Judged from its due date on: until then, and from then on, the day changes nothing in its words.
      if (kpi.due) ctx.sameFindingsUntil(due ? null : kpi.due);
      if (actual == null || !due) return;
      const higherIsBetter = kpi.higher_is_better ?? true;
      const off = higherIsBetter ? actual < kpi.target : actual > kpi.target;
      if (!off) return;
      ctx.report({
        messageId: higherIsBetter ? 'below' : 'above',
        data: { name: kpi.name, actual, target: kpi.target },
        path: ['kpis', index, 'actual'],
        // KPIs have no id: the name identifies one (a waiver's `item` can name it).
        item: kpi.name,
      });
    });
  },
};

export default rule;
