import type { ProjectRule } from '../types.js';
import { isOpenRisk } from '../util.js';

const rule: ProjectRule = {
  id: 'risk-has-owner',
  description: 'Every open risk has an owner.',
  category: 'risk',
  governance: true,
  thresholds: [],
  messages: {
    unowned: 'risk {{id}} "{{title}}" is open (exposure {{exposure}}, {{probability}} x {{impact}}) and has no owner',
  },
  scope: 'project',
  check(project, ctx) {
    // At closure an open risk is handed over instead (risks-handed-over).
    if (ctx.measure(project).finished) return;
    (project.risks ?? []).forEach((risk, index) => {
      if (!isOpenRisk(risk) || risk.owner != null) return;
      ctx.report({
        messageId: 'unowned',
        data: {
          id: risk.id, title: risk.title, exposure: risk.probability * risk.impact, probability: risk.probability,
          impact: risk.impact,
        },
        path: ['risks', index, 'owner'],
        item: risk.id,
      });
    });
  },
};

export default rule;
