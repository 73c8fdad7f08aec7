import type { ProjectRule } from '../types.js';
import { money } from '../util.js';

const rule: ProjectRule = {
  id: 'forecast-below-actual',
  description: 'The forecast cost at completion is not below the money already spent.',
  category: 'cost',
  governance: true,
  thresholds: [],
  messages: {
    below: 'the forecast {{forecast}} is {{gap}} below the {{actual}} already spent: a project cannot finish for less than it has cost so far; update budget.forecast',
  },
  scope: 'project',
  check(project, ctx) {
    const forecast = ctx.measure(project).forecastCost;
    const actual = ctx.measure(project).actualCost;
    // The EAC is never below AC while CPI is defined; only the PM's own forecast can be.
    if (forecast?.source !== 'forecast' || actual === null || forecast.amount >= actual) return;
    ctx.report({
      messageId: 'below',
      data: { forecast: money(forecast.amount), actual: money(actual), gap: money(actual - forecast.amount) },
      path: ['budget', 'forecast'],
    });
  },
};

export default rule;
