import type { ProjectRule } from '../types.js';
import { actualAt, money, runningFrom } from '../util.js';

const rule: ProjectRule = {
  id: 'tcpi-achievable',
  description: 'The rest of the work can finish within the approved budget at an efficiency no higher than the TCPI threshold.',
  category: 'earned-value',
  governance: false,
  thresholds: ['tcpi_max'],
  messages: {
    high: 'the work left ({{remaining}}) must be done with the {{left}} of approved budget left: a TCPI of {{tcpi}}, above {{limit}} (EAC {{eac}}); re-plan or raise a change request',
  },
  scope: 'project',
  check(project, ctx) {
    // A closed project's budget is spent or not; there is no remaining work to be efficient at.
    if (!runningFrom(project, ctx, 'execution')) return;
    const { bac, ev, ac, eac, tcpi } = ctx.measure(project).costPerformance;
    // Once the budget is spent (AC >= BAC) the TCPI is to the EAC, and cost-over-baseline speaks instead.
    if (tcpi === null || bac === null || ev === null || ac === null || ac >= bac || tcpi <= ctx.thresholds.tcpi_max) return;
    ctx.report({
      messageId: 'high',
      data: {
        remaining: money(bac - ev), left: money(bac - ac), tcpi: tcpi.toFixed(2), limit: ctx.thresholds.tcpi_max,
        eac: eac === null ? 'n/a' : money(eac),
      },
      ...actualAt(project),
    });
  },
};

export default rule;
