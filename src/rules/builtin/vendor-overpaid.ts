import type { ProjectRule } from '../types.js';
import { vendorPaid } from '../../metrics/costs.js';
import { money, pct } from '../util.js';

const rule: ProjectRule = {
  id: 'vendor-overpaid',
  description: 'No vendor is paid more than the value of its contract.',
  category: 'procurement',
  governance: true,
  thresholds: [],
  messages: {
    over: 'vendor "{{name}}" has been paid {{paid}}, {{excess}} ({{percent}}) more than its contract value {{value}}',
    overZero: 'vendor "{{name}}" has been paid {{paid}} against a contract value of 0',
  },
  scope: 'project',
  check(project, ctx) {
    (project.vendors ?? []).forEach((vendor, index) => {
      const value = vendor.value;
      // What the cost log says the vendor was paid, when it names the vendor (costs.ts)
      const paid = vendorPaid(project, vendor);
      if (value == null || paid === null || paid <= value) return;
      ctx.report({
        messageId: value > 0 ? 'over' : 'overZero',
        data: {
          name: vendor.name,
          paid: money(paid),
          excess: money(paid - value),
          percent: value > 0 ? pct(((paid - value) / value) * 100) : '',
          value: money(value),
        },
        path: vendor.paid == null ? ['vendors', index] : ['vendors', index, 'paid'],
        item: vendor.name,
      });
    });
  },
};

export default rule;
