import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  allocation_over_capacity_default
} from "./chunk-3YZKDRFQ.js";
import {
  daysBetween
} from "./chunk-3MDRI6XN.js";

// dist/rules/builtin/acceptance-evidence.js
var EVIDENCE = [
  ["by", "who accepted it"],
  ["date", "when"],
  ["record", "the acceptance record"]
];
var rule = {
  id: "acceptance-evidence",
  description: "An accepted deliverable records who accepted it, when, and the acceptance record.",
  category: "quality",
  governance: true,
  thresholds: [],
  messages: {
    missing: 'deliverable {{id}} "{{name}}" is accepted but acceptance.{{field}} ({{what}}) is missing'
  },
  scope: "project",
  check(project, ctx) {
    (project.deliverables ?? []).forEach((deliverable, index2) => {
      const acceptance = deliverable.acceptance;
      if (acceptance?.status !== "accepted")
        return;
      for (const [field, what] of EVIDENCE) {
        if (acceptance[field] != null)
          continue;
        ctx.report({
          messageId: "missing",
          data: { id: deliverable.id, name: deliverable.name, field, what },
          path: ["deliverables", index2, "acceptance", field],
          item: deliverable.id
        });
      }
    });
  }
};
var acceptance_evidence_default = rule;

// dist/rules/builtin/baseline-set.js
var rule2 = {
  id: "baseline-set",
  description: "A project from execution on has a signed-off baseline: end date, budget and milestone dates.",
  category: "schedule",
  governance: true,
  thresholds: [],
  messages: {
    noEnd: "the project is in {{phase}} but has no dates.baseline_end: the baseline schedule must be set before execution",
    noBudget: "the project is in {{phase}} but has no budget.baseline: the baseline budget must be set before execution",
    noMilestone: 'milestone {{id}} "{{name}}" has no baseline date, and the project is in {{phase}}: baseline every milestone before execution',
    noApproval: "the project is in {{phase}} but has no approvals.baseline: the sponsor has not signed off the baseline"
  },
  scope: "project",
  check(project, ctx) {
    if (!ctx.phaseAtLeast(project.phase, "execution"))
      return;
    const phase = project.phase;
    if (!project.dates.baseline_end)
      ctx.report({ messageId: "noEnd", data: { phase }, path: ["dates", "baseline_end"] });
    if (project.budget?.baseline == null)
      ctx.report({ messageId: "noBudget", data: { phase }, path: ["budget", "baseline"] });
    (project.milestones ?? []).forEach((milestone, index2) => {
      if (milestone.baseline)
        return;
      ctx.report({
        messageId: "noMilestone",
        data: { id: milestone.id, name: milestone.name, phase },
        path: ["milestones", index2, "baseline"],
        item: milestone.id
      });
    });
    if (!project.approvals?.baseline)
      ctx.report({ messageId: "noApproval", data: { phase }, path: ["approvals", "baseline"] });
  }
};
var baseline_set_default = rule2;

// dist/rules/builtin/budget-approved.js
var rule3 = {
  id: "budget-approved",
  description: "A project from execution on has a budget with its approver recorded.",
  category: "cost",
  governance: true,
  thresholds: [],
  messages: {
    unapproved: "the project is in {{phase}} and its budget has no approved_by: a budget must be approved before execution",
    none: "the project is in {{phase}} and has no budget: an approved budget is required from execution on"
  },
  scope: "project",
  check(project, ctx) {
    if (!ctx.phaseAtLeast(project.phase, "execution"))
      return;
    if (project.budget?.approved_by)
      return;
    ctx.report({
      messageId: project.budget ? "unapproved" : "none",
      data: { phase: project.phase },
      path: ["budget", "approved_by"]
    });
  }
};
var budget_approved_default = rule3;

// dist/metrics/evm.js
var num = (value) => typeof value === "number" && Number.isFinite(value) ? value : null;
var minus = (a, b) => a === null || b === null ? null : a - b;
var ratio = (a, b) => a === null || b === null || b === 0 ? null : a / b;
var times = (a, b) => a === null || b === null ? null : a * b;
function earnedValue(project, today) {
  const bac = num(project.budget?.baseline);
  const ac = num(project.budget?.actual);
  const milestones = Array.isArray(project.milestones) ? project.milestones : [];
  let total = 0;
  let done = 0;
  let planned = 0;
  for (const m of milestones) {
    const weight = num(m?.weight) ?? 1;
    total += weight;
    done += weight * (m?.actual ? 1 : (num(m?.progress) ?? 0) / 100);
    if (typeof m?.baseline === "string" && m.baseline <= today)
      planned += weight;
  }
  const ev = times(bac, ratio(done, total));
  const pv = times(bac, ratio(planned, total));
  const cpi = ratio(ev, ac);
  const eac = ratio(bac, cpi);
  return {
    bac,
    pv,
    ev,
    ac,
    cv: minus(ev, ac),
    sv: minus(ev, pv),
    cpi,
    spi: ratio(ev, pv),
    eac,
    etc: minus(eac, ac),
    vac: minus(bac, eac),
    tcpi: ratio(minus(bac, ev), minus(bac, ac))
  };
}

// dist/rules/util.js
function latestStatus(project) {
  const updates = project.status ?? [];
  return updates.length > 0 ? { update: updates[updates.length - 1], index: updates.length - 1 } : void 0;
}
function approvedChanges(project) {
  let cost = 0;
  let days = 0;
  for (const change of project.changes ?? []) {
    if (change.status !== "approved")
      continue;
    cost += change.cost_impact ?? 0;
    days += change.schedule_impact_days ?? 0;
  }
  return { cost, days };
}
function isClosed(project, lifecycle) {
  return project.phase === lifecycle[lifecycle.length - 1];
}
var money = (n) => Math.round(n).toLocaleString("en-US");
var pct = (n) => `${(Math.round(n * 10) / 10).toString()}%`;
function hasRecord(project, name) {
  const paths = project.records?.[name];
  return Array.isArray(paths) ? paths.length > 0 : typeof paths === "string" && paths !== "";
}
function isOpenRisk(risk) {
  return risk.status !== "closed";
}
function isBlank(text) {
  return text == null || text.trim() === "";
}

// dist/rules/builtin/budget-variance.js
var rule4 = {
  id: "budget-variance",
  description: "The forecast cost stays within the variance threshold of the baseline plus approved changes.",
  category: "cost",
  governance: true,
  thresholds: ["budget_variance_pct"],
  messages: {
    over: "the {{source}} {{forecast}} is {{excess}} over the approved budget {{approved}} (baseline {{baseline}} + approved changes {{changes}}): {{variance}} of the baseline, the limit is {{limit}}; raise a change request or re-plan"
  },
  scope: "project",
  check(project, ctx) {
    const baseline = project.budget?.baseline;
    if (!baseline)
      return;
    const eac = earnedValue(project, ctx.today).eac;
    const [forecast, source] = project.budget?.forecast != null ? [project.budget.forecast, "forecast"] : [eac, "EAC"];
    if (forecast == null)
      return;
    const changes = approvedChanges(project).cost;
    const approved = baseline + changes;
    const variance = (forecast - approved) / baseline * 100;
    if (variance <= ctx.thresholds.budget_variance_pct)
      return;
    ctx.report({
      messageId: "over",
      data: {
        source,
        forecast: money(forecast),
        excess: money(forecast - approved),
        variance: pct(variance),
        approved: money(approved),
        baseline: money(baseline),
        changes: money(changes),
        limit: pct(ctx.thresholds.budget_variance_pct)
      },
      path: source === "forecast" ? ["budget", "forecast"] : ["budget", "baseline"]
    });
  }
};
var budget_variance_default = rule4;

// dist/rules/builtin/change-awaiting-decision.js
var rule5 = {
  id: "change-awaiting-decision",
  description: "A proposed change request is decided within the change decision threshold.",
  category: "scope",
  governance: false,
  thresholds: ["change_decision_days"],
  messages: {
    waiting: 'change {{id}} "{{title}}" was raised {{raised}} ({{days}} days ago) and is still proposed; changes are to be decided within {{limit}} days'
  },
  scope: "project",
  check(project, ctx) {
    const limit = ctx.thresholds.change_decision_days;
    (project.changes ?? []).forEach((change, index2) => {
      if (change.status !== "proposed" || !change.raised)
        return;
      const days = daysBetween(change.raised, ctx.today);
      if (days <= limit)
        return;
      ctx.report({
        messageId: "waiting",
        data: { id: change.id, title: change.title, raised: change.raised, days, limit },
        path: ["changes", index2, "status"],
        item: change.id
      });
    });
  }
};
var change_awaiting_decision_default = rule5;

// dist/rules/builtin/change-decision-recorded.js
var rule6 = {
  id: "change-decision-recorded",
  description: "A decided change request records who decided it and when.",
  category: "scope",
  governance: true,
  thresholds: [],
  messages: {
    noDecider: 'change {{id}} "{{title}}" is {{status}} but has no decided_by: record who decided it',
    noDate: 'change {{id}} "{{title}}" is {{status}} but has no decided_on: record when it was decided'
  },
  scope: "project",
  check(project, ctx) {
    (project.changes ?? []).forEach((change, index2) => {
      if (change.status !== "approved" && change.status !== "rejected")
        return;
      const data = { id: change.id, title: change.title, status: change.status };
      if (!change.decided_by) {
        ctx.report({ messageId: "noDecider", data, path: ["changes", index2, "decided_by"], item: change.id });
      }
      if (!change.decided_on) {
        ctx.report({ messageId: "noDate", data, path: ["changes", index2, "decided_on"], item: change.id });
      }
    });
  }
};
var change_decision_recorded_default = rule6;

// dist/rules/builtin/charter-approved.js
var rule7 = {
  id: "charter-approved",
  description: "A project from planning on has the sponsor's approval of its charter.",
  category: "scope",
  governance: true,
  thresholds: [],
  messages: {
    missing: "the project is in {{phase}} but has no approvals.charter: the charter must be signed off before planning"
  },
  scope: "project",
  check(project, ctx) {
    if (!ctx.phaseAtLeast(project.phase, "planning") || project.approvals?.charter)
      return;
    ctx.report({ messageId: "missing", data: { phase: project.phase }, path: ["approvals", "charter"] });
  }
};
var charter_approved_default = rule7;

// dist/rules/builtin/closed-actual-end.js
var rule8 = {
  id: "closed-actual-end",
  description: "A closed project records its actual end date.",
  category: "closing",
  governance: true,
  thresholds: [],
  messages: {
    missing: "the project is {{phase}} and has no actual end date (dates.actual_end)",
    missingForecast: "the project is {{phase}} and has no actual end date (dates.actual_end); its forecast end was {{forecast}}"
  },
  scope: "project",
  check(project, ctx) {
    if (!isClosed(project, ctx.config.lifecycle) || project.dates.actual_end)
      return;
    const forecast = project.dates.forecast_end;
    ctx.report({
      messageId: forecast ? "missingForecast" : "missing",
      data: { phase: project.phase, ...forecast ? { forecast } : {} },
      path: ["dates", "actual_end"]
    });
  }
};
var closed_actual_end_default = rule8;

// dist/rules/builtin/cost-over-baseline.js
var rule9 = {
  id: "cost-over-baseline",
  description: "The money spent to date stays within the baseline budget plus approved changes.",
  category: "cost",
  governance: true,
  thresholds: [],
  messages: {
    over: "spent to date {{actual}} is {{over}} above the approved budget {{approved}} (baseline {{baseline}} + approved changes {{changes}}): the project is spending money nobody approved"
  },
  scope: "project",
  check(project, ctx) {
    const baseline = project.budget?.baseline;
    const actual = project.budget?.actual;
    if (baseline == null || actual == null)
      return;
    const changes = approvedChanges(project).cost;
    const approved = baseline + changes;
    if (actual <= approved)
      return;
    ctx.report({
      messageId: "over",
      data: {
        actual: money(actual),
        over: money(actual - approved),
        approved: money(approved),
        baseline: money(baseline),
        changes: money(changes)
      },
      path: ["budget", "actual"]
    });
  }
};
var cost_over_baseline_default = rule9;

// dist/rules/builtin/deliverables-accepted.js
var rule10 = {
  id: "deliverables-accepted",
  description: "A project from closing on has every deliverable accepted.",
  category: "quality",
  governance: true,
  thresholds: [],
  messages: {
    notAccepted: 'deliverable {{id}} "{{name}}" is {{status}} and the project is in {{phase}}; every deliverable must be accepted before closing'
  },
  scope: "project",
  check(project, ctx) {
    if (!ctx.phaseAtLeast(project.phase, "closing"))
      return;
    (project.deliverables ?? []).forEach((deliverable, index2) => {
      const status = deliverable.acceptance?.status;
      if (status === "accepted")
        return;
      ctx.report({
        messageId: "notAccepted",
        data: {
          id: deliverable.id,
          name: deliverable.name,
          status: status == null ? "pending (no acceptance recorded)" : status,
          phase: project.phase
        },
        path: ["deliverables", index2, "acceptance", "status"],
        item: deliverable.id
      });
    });
  }
};
var deliverables_accepted_default = rule10;

// dist/rules/builtin/evm-green-but-behind.js
var index = (value) => value === null ? "n/a" : value.toFixed(2);
var rule11 = {
  id: "evm-green-but-behind",
  description: "A project reported green has a CPI and an SPI at or above the earned-value threshold.",
  category: "earned-value",
  governance: true,
  thresholds: ["evm_min_index"],
  messages: {
    cpi: "the newest status update ({{date}}) says overall green, but CPI is {{cpi}}, below the threshold {{limit}} (SPI {{spi}})",
    spi: "the newest status update ({{date}}) says overall green, but SPI is {{spi}}, below the threshold {{limit}} (CPI {{cpi}})",
    both: "the newest status update ({{date}}) says overall green, but CPI is {{cpi}} and SPI is {{spi}}, both below the threshold {{limit}}"
  },
  scope: "project",
  check(project, ctx) {
    if (!ctx.phaseAtLeast(project.phase, "execution"))
      return;
    const latest = latestStatus(project);
    if (!latest || latest.update.overall !== "green")
      return;
    const { cpi, spi } = earnedValue(project, ctx.today);
    const limit = ctx.thresholds.evm_min_index;
    const cpiLow = cpi !== null && cpi < limit;
    const spiLow = spi !== null && spi < limit;
    if (!cpiLow && !spiLow)
      return;
    ctx.report({
      messageId: cpiLow && spiLow ? "both" : cpiLow ? "cpi" : "spi",
      data: { date: latest.update.date, cpi: index(cpi), spi: index(spi), limit },
      path: ["status", latest.index, "overall"]
    });
  }
};
var evm_green_but_behind_default = rule11;

// dist/rules/builtin/final-report-filed.js
var rule12 = {
  id: "final-report-filed",
  description: "A closed project has its final report in its records.",
  category: "closing",
  governance: true,
  thresholds: [],
  messages: {
    missing: "the project is {{phase}} and has no 'final_report' record"
  },
  scope: "project",
  check(project, ctx) {
    if (!isClosed(project, ctx.config.lifecycle) || hasRecord(project, "final_report"))
      return;
    const required = Object.entries(ctx.config.records).some(([phase, names]) => names.includes("final_report") && ctx.phaseAtLeast(project.phase, phase));
    if (required)
      return;
    ctx.report({ messageId: "missing", data: { phase: project.phase }, path: ["records", "final_report"] });
  }
};
var final_report_filed_default = rule12;

// dist/rules/builtin/goal-alignment.js
var rule13 = {
  id: "goal-alignment",
  description: "A project names the strategic goals it serves.",
  category: "strategy",
  governance: false,
  thresholds: [],
  messages: {
    none: 'project {{id}} "{{name}}" ({{phase}}) is aligned to no strategic goal: `goals` is {{state}}'
  },
  scope: "project",
  check(project, ctx) {
    if (isClosed(project, ctx.config.lifecycle) || (project.goals ?? []).length > 0)
      return;
    ctx.report({
      messageId: "none",
      data: { id: project.id, name: project.name, phase: project.phase, state: project.goals ? "empty" : "missing" },
      path: ["goals"]
    });
  }
};
var goal_alignment_default = rule13;

// dist/rules/builtin/issue-escalation.js
var rule14 = {
  id: "issue-escalation",
  description: "An open issue older than the escalation threshold has been escalated.",
  category: "risk",
  governance: true,
  thresholds: ["issue_escalation_days"],
  messages: {
    unescalated: 'issue {{id}} "{{title}}" was raised {{raised}} ({{days}} days ago, limit {{limit}}), is still open and has not been escalated'
  },
  scope: "project",
  check(project, ctx) {
    if (isClosed(project, ctx.config.lifecycle))
      return;
    const limit = ctx.thresholds.issue_escalation_days;
    (project.issues ?? []).forEach((issue, index2) => {
      if (issue.status === "closed" || issue.resolved != null || issue.raised == null || issue.escalated === true)
        return;
      const days = daysBetween(issue.raised, ctx.today);
      if (days <= limit)
        return;
      ctx.report({
        messageId: "unescalated",
        data: { id: issue.id, title: issue.title, raised: issue.raised, days, limit },
        path: ["issues", index2, "escalated"],
        item: issue.id
      });
    });
  }
};
var issue_escalation_default = rule14;

// dist/rules/builtin/kpi-off-target.js
var rule15 = {
  id: "kpi-off-target",
  description: "A KPI meets its target once it is due: at its due date, or when the project closes.",
  category: "quality",
  governance: false,
  thresholds: [],
  messages: {
    below: 'KPI "{{name}}" is {{actual}}, below its target of {{target}} (higher is better)',
    above: 'KPI "{{name}}" is {{actual}}, above its target of {{target}} (lower is better)'
  },
  scope: "project",
  check(project, ctx) {
    const closing = ctx.phaseAtLeast(project.phase, "closing");
    (project.kpis ?? []).forEach((kpi, index2) => {
      const actual = kpi.actual;
      const due = kpi.due ? kpi.due <= ctx.today : closing;
      if (actual == null || !due)
        return;
      const higherIsBetter = kpi.higher_is_better ?? true;
      const off = higherIsBetter ? actual < kpi.target : actual > kpi.target;
      if (!off)
        return;
      ctx.report({
        messageId: higherIsBetter ? "below" : "above",
        data: { name: kpi.name, actual, target: kpi.target },
        path: ["kpis", index2, "actual"],
        // KPIs have no id: the name identifies one (a waiver's `item` can name it).
        item: kpi.name
      });
    });
  }
};
var kpi_off_target_default = rule15;

// dist/rules/builtin/lessons-recorded.js
var rule16 = {
  id: "lessons-recorded",
  description: "A closed project records its lessons learned.",
  category: "closing",
  governance: true,
  thresholds: [],
  messages: {
    none: "the project is {{phase}} and records no lessons learned: `lessons` is {{state}}"
  },
  scope: "project",
  check(project, ctx) {
    if (!isClosed(project, ctx.config.lifecycle) || (project.lessons ?? []).length > 0)
      return;
    ctx.report({ messageId: "none", data: { phase: project.phase, state: project.lessons ? "empty" : "missing" }, path: ["lessons"] });
  }
};
var lessons_recorded_default = rule16;

// dist/rules/builtin/milestone-overdue.js
var rule17 = {
  id: "milestone-overdue",
  description: "A milestone whose date has passed has an actual date.",
  category: "schedule",
  governance: true,
  thresholds: [],
  messages: {
    overdue: 'milestone {{id}} "{{name}}" was due {{due}} ({{days}} days ago) and has no actual date'
  },
  scope: "project",
  check(project, ctx) {
    if (isClosed(project, ctx.config.lifecycle))
      return;
    (project.milestones ?? []).forEach((milestone, index2) => {
      const due = milestone.forecast ?? milestone.baseline;
      if (milestone.actual || !due || due >= ctx.today)
        return;
      ctx.report({
        messageId: "overdue",
        data: { id: milestone.id, name: milestone.name, due, days: daysBetween(due, ctx.today) },
        path: ["milestones", index2, milestone.forecast ? "forecast" : "baseline"],
        item: milestone.id
      });
    });
  }
};
var milestone_overdue_default = rule17;

// dist/rules/builtin/milestone-within-project.js
var rule18 = {
  id: "milestone-within-project",
  description: "A milestone's baseline and forecast dates lie within the project's own dates.",
  category: "schedule",
  governance: false,
  thresholds: [],
  messages: {
    beforeStart: 'milestone {{id}} "{{name}}" has {{field}} {{date}}, {{days}} days before the project start {{start}}',
    afterEnd: `milestone {{id}} "{{name}}" has {{field}} {{date}}, {{days}} days after the project's {{endField}} {{end}}`
  },
  scope: "project",
  check(project, ctx) {
    const { start } = project.dates;
    const ends = {
      baseline: ["baseline_end", project.dates.baseline_end],
      forecast: ["forecast_end", project.dates.forecast_end]
    };
    (project.milestones ?? []).forEach((milestone, index2) => {
      for (const field of ["baseline", "forecast"]) {
        const date = milestone[field];
        if (!date || field === "forecast" && milestone.actual)
          continue;
        const [endField, end] = ends[field];
        const base = { id: milestone.id, name: milestone.name, field, date };
        const path = ["milestones", index2, field];
        if (start && date < start) {
          ctx.report({ messageId: "beforeStart", data: { ...base, start, days: daysBetween(date, start) }, path, item: milestone.id });
        } else if (end && date > end) {
          ctx.report({
            messageId: "afterEnd",
            data: { ...base, endField: endField.replace("_", " "), end, days: daysBetween(end, date) },
            path,
            item: milestone.id
          });
        }
      }
    });
  }
};
var milestone_within_project_default = rule18;

// dist/rules/builtin/rag-consistent.js
var DIMENSIONS = ["schedule", "cost", "scope"];
var rule19 = {
  id: "rag-consistent",
  description: "The newest status update is not overall green while schedule, cost or scope is red.",
  category: "communication",
  governance: true,
  thresholds: [],
  messages: {
    greenOverRed: "the newest status update ({{date}}) says overall green while {{red}} {{verb}} red"
  },
  scope: "project",
  check(project, ctx) {
    const latest = latestStatus(project);
    if (!latest || latest.update.overall !== "green")
      return;
    const red = DIMENSIONS.filter((dimension) => latest.update[dimension] === "red");
    if (red.length === 0)
      return;
    ctx.report({
      messageId: "greenOverRed",
      data: {
        date: latest.update.date,
        red: red.length === 1 ? red[0] : `${red.slice(0, -1).join(", ")} and ${red[red.length - 1]}`,
        verb: red.length === 1 ? "is" : "are"
      },
      path: ["status", latest.index, "overall"]
    });
  }
};
var rag_consistent_default = rule19;

// dist/rules/builtin/records-present.js
var rule20 = {
  id: "records-present",
  description: "A project keeps every record pmo.yaml requires for its phase and the phases before it.",
  category: "records",
  governance: true,
  thresholds: [],
  messages: {
    missing: "the project is in {{phase}} and has no '{{record}}' record (required from {{from}} on)"
  },
  scope: "project",
  check(project, ctx) {
    const lifecycle = ctx.config.lifecycle;
    const at = lifecycle.indexOf(project.phase);
    if (at < 0)
      return;
    const seen = /* @__PURE__ */ new Set();
    for (const phase of lifecycle.slice(0, at + 1)) {
      for (const record of ctx.config.records[phase] ?? []) {
        if (seen.has(record))
          continue;
        seen.add(record);
        if (hasRecord(project, record))
          continue;
        ctx.report({
          messageId: "missing",
          data: { phase: project.phase, record, from: phase },
          path: ["records", record],
          item: record
        });
      }
    }
  }
};
var records_present_default = rule20;

// dist/rules/builtin/request-goal-alignment.js
var rule21 = {
  id: "request-goal-alignment",
  description: "A project request names the strategic goals it would serve.",
  category: "strategy",
  governance: false,
  thresholds: [],
  messages: {
    none: 'request {{id}} "{{name}}" is aligned to no strategic goal: `goals` is {{state}}'
  },
  scope: "request",
  check(request, ctx) {
    if ((request.goals ?? []).length > 0)
      return;
    ctx.report({
      messageId: "none",
      data: { id: request.id, name: request.name, state: request.goals ? "empty" : "missing" },
      path: ["goals"]
    });
  }
};
var request_goal_alignment_default = rule21;

// dist/rules/builtin/revenue-billing-overdue.js
var rule22 = {
  id: "revenue-billing-overdue",
  description: "A billing milestone whose due date has passed has been invoiced.",
  category: "revenue",
  governance: true,
  thresholds: [],
  messages: {
    uninvoiced: "billing milestone {{id}} ({{amount}}) was due {{due}} ({{days}} days ago) and has not been invoiced"
  },
  scope: "project",
  check(project, ctx) {
    (project.revenue ?? []).forEach((billing, index2) => {
      if (billing.invoiced || billing.due >= ctx.today)
        return;
      ctx.report({
        messageId: "uninvoiced",
        data: { id: billing.id, amount: money(billing.amount), due: billing.due, days: daysBetween(billing.due, ctx.today) },
        path: ["revenue", index2, "invoiced"],
        item: billing.id
      });
    });
  }
};
var revenue_billing_overdue_default = rule22;

// dist/rules/builtin/revenue-invoice-unpaid.js
var rule23 = {
  id: "revenue-invoice-unpaid",
  description: "An invoiced billing milestone is paid within the invoice payment threshold.",
  category: "revenue",
  governance: true,
  thresholds: ["invoice_payment_days"],
  messages: {
    unpaid: "billing milestone {{id}} ({{amount}}) was invoiced {{invoiced}} ({{days}} days ago) and no payment is recorded; the limit is {{limit}} days"
  },
  scope: "project",
  check(project, ctx) {
    const limit = ctx.thresholds.invoice_payment_days;
    (project.revenue ?? []).forEach((billing, index2) => {
      if (!billing.invoiced || billing.received)
        return;
      const days = daysBetween(billing.invoiced, ctx.today);
      if (days <= limit)
        return;
      ctx.report({
        messageId: "unpaid",
        data: { id: billing.id, amount: money(billing.amount), invoiced: billing.invoiced, days, limit },
        path: ["revenue", index2, "received"],
        item: billing.id
      });
    });
  }
};
var revenue_invoice_unpaid_default = rule23;

// dist/rules/builtin/risk-has-owner.js
var rule24 = {
  id: "risk-has-owner",
  description: "Every open risk has an owner.",
  category: "risk",
  governance: true,
  thresholds: [],
  messages: {
    unowned: 'risk {{id}} "{{title}}" is open (exposure {{exposure}}, {{probability}} x {{impact}}) and has no owner'
  },
  scope: "project",
  check(project, ctx) {
    (project.risks ?? []).forEach((risk, index2) => {
      if (!isOpenRisk(risk) || risk.owner != null)
        return;
      ctx.report({
        messageId: "unowned",
        data: {
          id: risk.id,
          title: risk.title,
          exposure: risk.probability * risk.impact,
          probability: risk.probability,
          impact: risk.impact
        },
        path: ["risks", index2, "owner"],
        item: risk.id
      });
    });
  }
};
var risk_has_owner_default = rule24;

// dist/rules/builtin/risk-high-exposure-mitigation.js
var rule25 = {
  id: "risk-high-exposure-mitigation",
  description: "Every open risk whose exposure reaches the high-exposure threshold has a mitigation.",
  category: "risk",
  governance: true,
  thresholds: ["risk_high_exposure"],
  messages: {
    unmitigated: 'risk {{id}} "{{title}}" has exposure {{exposure}} ({{probability}} x {{impact}}, threshold {{limit}}) and no mitigation'
  },
  scope: "project",
  check(project, ctx) {
    const limit = ctx.thresholds.risk_high_exposure;
    (project.risks ?? []).forEach((risk, index2) => {
      const exposure = risk.probability * risk.impact;
      if (!isOpenRisk(risk) || exposure < limit || !isBlank(risk.mitigation))
        return;
      ctx.report({
        messageId: "unmitigated",
        data: { id: risk.id, title: risk.title, exposure, probability: risk.probability, impact: risk.impact, limit },
        path: ["risks", index2, "mitigation"],
        item: risk.id
      });
    });
  }
};
var risk_high_exposure_mitigation_default = rule25;

// dist/rules/builtin/risk-review-overdue.js
var rule26 = {
  id: "risk-review-overdue",
  description: "An open risk is reviewed by its review date.",
  category: "risk",
  governance: false,
  thresholds: [],
  messages: {
    overdue: 'risk {{id}} "{{title}}" was due for review on {{due}} ({{days}} days ago); review it and set the next review date'
  },
  scope: "project",
  check(project, ctx) {
    if (isClosed(project, ctx.config.lifecycle))
      return;
    (project.risks ?? []).forEach((risk, index2) => {
      const due = risk.review_by;
      if (!isOpenRisk(risk) || due == null || due >= ctx.today)
        return;
      ctx.report({
        messageId: "overdue",
        data: { id: risk.id, title: risk.title, due, days: daysBetween(due, ctx.today) },
        path: ["risks", index2, "review_by"],
        item: risk.id
      });
    });
  }
};
var risk_review_overdue_default = rule26;

// dist/rules/builtin/risks-identified.js
var rule27 = {
  id: "risks-identified",
  description: "A project from execution on has identified its risks.",
  category: "risk",
  governance: true,
  thresholds: [],
  messages: {
    none: "the project is in {{phase}} and its risk register is empty; risks must be identified before execution"
  },
  scope: "project",
  check(project, ctx) {
    if (!ctx.phaseAtLeast(project.phase, "execution") || (project.risks ?? []).length > 0)
      return;
    ctx.report({ messageId: "none", data: { phase: project.phase }, path: ["risks"] });
  }
};
var risks_identified_default = rule27;

// dist/rules/builtin/schedule-slip.js
var rule28 = {
  id: "schedule-slip",
  description: "The forecast end stays within the slip threshold of the baseline end plus approved changes.",
  category: "schedule",
  governance: true,
  thresholds: ["schedule_slip_days"],
  messages: {
    slip: "the forecast end {{forecast}} is {{slip}} days after the baseline end {{baseline}}; approved changes cover {{covered}} days, which leaves {{uncovered}} days against a limit of {{limit}}: raise a change request or re-plan"
  },
  scope: "project",
  check(project, ctx) {
    if (isClosed(project, ctx.config.lifecycle))
      return;
    const baseline = project.dates.baseline_end;
    const forecast = project.dates.forecast_end;
    if (!baseline || !forecast)
      return;
    const slip = daysBetween(baseline, forecast);
    const covered = approvedChanges(project).days;
    const limit = ctx.thresholds.schedule_slip_days;
    if (slip <= limit + covered)
      return;
    ctx.report({
      messageId: "slip",
      data: { forecast, baseline, slip, covered, uncovered: slip - covered, limit },
      path: ["dates", "forecast_end"]
    });
  }
};
var schedule_slip_default = rule28;

// dist/rules/builtin/sponsor-assigned.js
var rule29 = {
  id: "sponsor-assigned",
  description: "A project from planning on has a sponsor.",
  category: "stakeholders",
  governance: true,
  thresholds: [],
  messages: {
    none: "the project is in {{phase}} and has no sponsor; a sponsor is required from planning on"
  },
  scope: "project",
  check(project, ctx) {
    if (!ctx.phaseAtLeast(project.phase, "planning") || project.sponsor != null)
      return;
    ctx.report({ messageId: "none", data: { phase: project.phase }, path: ["sponsor"] });
  }
};
var sponsor_assigned_default = rule29;

// dist/rules/builtin/stakeholders-listed.js
var rule30 = {
  id: "stakeholders-listed",
  description: "A project from planning on lists its stakeholders.",
  category: "stakeholders",
  governance: false,
  thresholds: [],
  messages: {
    none: "the project is in {{phase}} and lists no stakeholders; identify them and how each is kept informed"
  },
  scope: "project",
  check(project, ctx) {
    if (!ctx.phaseAtLeast(project.phase, "planning") || (project.stakeholders ?? []).length > 0)
      return;
    ctx.report({ messageId: "none", data: { phase: project.phase }, path: ["stakeholders"] });
  }
};
var stakeholders_listed_default = rule30;

// dist/rules/builtin/status-fresh.js
var rule31 = {
  id: "status-fresh",
  description: "A running project has a status update no older than the status age threshold.",
  category: "communication",
  governance: true,
  thresholds: ["status_max_age_days"],
  messages: {
    stale: "the newest status update is from {{date}} ({{days}} days ago); updates are due every {{limit}} days",
    none: "the project is in {{phase}} and has no status update yet; updates are due every {{limit}} days"
  },
  scope: "project",
  check(project, ctx) {
    if (!ctx.phaseAtLeast(project.phase, "planning") || isClosed(project, ctx.config.lifecycle))
      return;
    const limit = ctx.thresholds.status_max_age_days;
    const latest = latestStatus(project);
    if (!latest) {
      ctx.report({ messageId: "none", data: { phase: project.phase, limit }, path: ["phase"] });
      return;
    }
    const days = daysBetween(latest.update.date, ctx.today);
    if (days <= limit)
      return;
    ctx.report({ messageId: "stale", data: { date: latest.update.date, days, limit }, path: ["status", latest.index, "date"] });
  }
};
var status_fresh_default = rule31;

// dist/rules/builtin/status-has-summary.js
var rule32 = {
  id: "status-has-summary",
  description: "The newest status update has a summary.",
  category: "communication",
  governance: false,
  thresholds: [],
  messages: {
    missing: "the newest status update ({{date}}, overall {{overall}}) has no summary"
  },
  scope: "project",
  check(project, ctx) {
    const latest = latestStatus(project);
    if (!latest || !isBlank(latest.update.summary))
      return;
    ctx.report({
      messageId: "missing",
      data: { date: latest.update.date, overall: latest.update.overall },
      path: ["status", latest.index, "summary"]
    });
  }
};
var status_has_summary_default = rule32;

// dist/rules/builtin/vendor-contract.js
var rule33 = {
  id: "vendor-contract",
  description: "Every vendor a project engages names its contract record.",
  category: "procurement",
  governance: true,
  thresholds: [],
  messages: {
    missing: 'vendor "{{name}}" has no contract on file: name the record of its signed contract in `contract`',
    paidWithout: 'vendor "{{name}}" has been paid {{paid}} with no contract on file: name the record of its signed contract in `contract`'
  },
  scope: "project",
  check(project, ctx) {
    (project.vendors ?? []).forEach((vendor, index2) => {
      if (vendor.contract != null && vendor.contract.trim() !== "")
        return;
      const paid = vendor.paid ?? 0;
      ctx.report({
        messageId: paid > 0 ? "paidWithout" : "missing",
        data: { name: vendor.name, paid: money(paid) },
        path: ["vendors", index2, "contract"],
        item: vendor.name
      });
    });
  }
};
var vendor_contract_default = rule33;

// dist/rules/builtin/vendor-overpaid.js
var rule34 = {
  id: "vendor-overpaid",
  description: "No vendor is paid more than the value of its contract.",
  category: "procurement",
  governance: true,
  thresholds: [],
  messages: {
    over: 'vendor "{{name}}" has been paid {{paid}}, {{excess}} ({{percent}}) more than its contract value {{value}}',
    overZero: 'vendor "{{name}}" has been paid {{paid}} against a contract value of 0'
  },
  scope: "project",
  check(project, ctx) {
    (project.vendors ?? []).forEach((vendor, index2) => {
      const { value, paid } = vendor;
      if (value == null || paid == null || paid <= value)
        return;
      ctx.report({
        messageId: value > 0 ? "over" : "overZero",
        data: {
          name: vendor.name,
          paid: money(paid),
          excess: money(paid - value),
          percent: value > 0 ? pct((paid - value) / value * 100) : "",
          value: money(value)
        },
        path: ["vendors", index2, "paid"],
        item: vendor.name
      });
    });
  }
};
var vendor_overpaid_default = rule34;

// dist/rules/builtin/index.js
var BUILTIN_RULES = [acceptance_evidence_default, allocation_over_capacity_default, baseline_set_default, budget_approved_default, budget_variance_default, change_awaiting_decision_default, change_decision_recorded_default, charter_approved_default, closed_actual_end_default, cost_over_baseline_default, deliverables_accepted_default, evm_green_but_behind_default, final_report_filed_default, goal_alignment_default, issue_escalation_default, kpi_off_target_default, lessons_recorded_default, milestone_overdue_default, milestone_within_project_default, rag_consistent_default, records_present_default, request_goal_alignment_default, revenue_billing_overdue_default, revenue_invoice_unpaid_default, risk_has_owner_default, risk_high_exposure_mitigation_default, risk_review_overdue_default, risks_identified_default, schedule_slip_default, sponsor_assigned_default, stakeholders_listed_default, status_fresh_default, status_has_summary_default, vendor_contract_default, vendor_overpaid_default];

export {
  BUILTIN_RULES
};
