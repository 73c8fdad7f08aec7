import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// dist/rules/builtin/ids.js
var BUILTIN_RULE_IDS = ["acceptance-evidence", "allocation-over-capacity", "baseline-set", "budget-approved", "budget-variance", "change-awaiting-decision", "change-decision-recorded", "charter-approved", "closed-actual-end", "cost-over-baseline", "deliverables-accepted", "evm-green-but-behind", "final-report-filed", "goal-alignment", "issue-escalation", "kpi-off-target", "lessons-recorded", "milestone-overdue", "milestone-within-project", "rag-consistent", "records-present", "request-goal-alignment", "revenue-billing-overdue", "revenue-invoice-unpaid", "risk-has-owner", "risk-high-exposure-mitigation", "risk-review-overdue", "risks-identified", "schedule-slip", "sponsor-assigned", "stakeholders-listed", "status-fresh", "status-has-summary", "vendor-contract", "vendor-overpaid"];

export {
  BUILTIN_RULE_IDS
};
