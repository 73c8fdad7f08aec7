import type { ProjectRule } from '../types.js';
import { money } from '../util.js';

const rule: ProjectRule = {
  id: 'vendor-contract',
  description: 'Every vendor a project engages names its contract record.',
  category: 'procurement',
  governance: true,
  thresholds: [],
  messages: {
    missing: 'vendor "{{name}}" has no contract on file: name the record of its signed contract in `contract`',
    paidWithout: 'vendor "{{name}}" has been paid {{paid}} with no contract on file: name the record of its signed contract in `contract`',
  },
  scope: 'project',
  check(project, ctx) {
    (project.vendors ?? []).forEach((vendor, index) => {
      if (vendor.contract != null && vendor.contract.trim() !== '') return;
      const paid = vendor.paid ?? 0;
      ctx.report({
        messageId: paid > 0 ? 'paidWithout' : 'missing',
        data: { name: vendor.name, paid: money(paid) },
        path: ['vendors', index, 'contract'],
        item: vendor.name,
      });
    });
  },
};

export default rule;
