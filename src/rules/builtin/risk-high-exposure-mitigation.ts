import type { ProjectRule } from '../types.js';
import { isBlank, isOpenRisk } from '../util.js';

const rule: ProjectRule = {
  id: 'risk-high-exposure-mitigation',
  description: 'Every open risk whose exposure reaches the high-exposure threshold has a mitigation.',
  category: 'risk',
  governance: true,
  thresholds: ['risk_high_exposure'],
  messages: {
    unmitigated: 'risk {{id}} "{{title}}" has exposure {{exposure}} ({{probability}} x {{impact}}, threshold {{limit}}) and no mitigation',
  },
  scope: 'project',
  check(project, ctx) {
    // At closure an open risk is handed over instead (risks-handed-over).
    if (ctx.measure(project).finished) return;
    const limit = ctx.thresholds.risk_high_exposure;
    (project.risks ?? []).forEach((risk, index) => {
      const exposure = risk.probability * risk.impact;
      if (!isOpenRisk(risk) || exposure < limit || !isBlank(risk.mitigation)) return;
      ctx.report({
        messageId: 'unmitigated',
        data: { id: risk.id, title: risk.title, exposure, probability: risk.probability, impact: risk.impact, limit },
        path: ['risks', index, 'mitigation'],
        item: risk.id,
      });
    });
  },
};

export default rule;
