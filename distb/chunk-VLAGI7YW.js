import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  idOfFile
} from "./chunk-SQVBLHBJ.js";
import {
  ITEM_NOUN,
  isRecord
} from "./chunk-GDLKBVT7.js";

// dist/rules/custom.js
var EMPTY_PORTFOLIO = { people: [], goals: [], projects: [] };
function readsPortfolio(sources) {
  return sources.some(({ data }) => /\b(people|goals|projects)\b/.test(JSON.stringify(isRecord(data) ? data.rules ?? {} : {})));
}
var RuleCompileError = class extends Error {
  file;
  path;
  offset;
  onKey;
  constructor(file, path, offset, message, onKey = false) {
    super(message);
    this.file = file;
    this.path = path;
    this.offset = offset;
    this.onKey = onKey;
  }
};
var LISTS = {
  milestone: "milestones",
  deliverable: "deliverables",
  risk: "risks",
  issue: "issues",
  change: "changes"
};
function itemsOf(rule, kind, data) {
  const each = rule.spec.each;
  if (each === "project")
    return kind === "project" ? [{ value: data, path: ["id"] }] : [];
  if (each === "request")
    return kind === "request" ? [{ value: data, path: ["id"] }] : [];
  const list = each === "person" ? kind === "people" ? data.people : void 0 : kind === "project" ? data[LISTS[each]] : void 0;
  if (!Array.isArray(list))
    return [];
  const name = each === "person" ? "people" : LISTS[each];
  return list.map((value, i) => ({ value, path: [name, i], ...isRecord(value) && typeof value.id === "string" ? { id: value.id } : {} }));
}
function judge(rule, context) {
  const evaluate = (program, field) => {
    try {
      return { ok: true, value: program(context) };
    } catch (error) {
      return { ok: false, message: `its ${field} could not be evaluated: ${error.message.split("\n")[0]}` };
    }
  };
  if (rule.when) {
    const when = evaluate(rule.when, "when");
    if (!when.ok)
      return { pass: false, message: when.message };
    if (when.value !== true)
      return { pass: true };
  }
  const assert = evaluate(rule.assert, "assert");
  if (!assert.ok)
    return { pass: false, message: assert.message };
  if (typeof assert.value !== "boolean")
    return { pass: false, message: `its assert must be true or false, got ${String(assert.value)}` };
  if (assert.value)
    return { pass: true };
  const text = rule.message.map((part) => {
    if (typeof part === "string")
      return part;
    const value = evaluate(part, "message");
    return value.ok ? String(value.value) : "?";
  }).join("");
  return { pass: false, message: text };
}
function contextFor(rule, item, project, config, today, portfolio) {
  return { ...portfolio, [rule.spec.each]: item, ...project !== void 0 ? { project } : {}, today, thresholds: config.thresholds };
}
function runCustomRules(rules, kind, file, data, config, today, portfolio = EMPTY_PORTFOLIO) {
  if (!isRecord(data))
    return [];
  const project = kind === "project" ? idOfFile(file) : void 0;
  const findings = [];
  for (const rule of rules) {
    if (config.rules[rule.id] === "off")
      continue;
    if (rule.spec.phases && kind === "project" && !rule.spec.phases.includes(String(data.phase)))
      continue;
    for (const item of itemsOf(rule, kind, data)) {
      const owner = kind === "project" && rule.spec.each !== "project" ? data : void 0;
      const outcome = judge(rule, contextFor(rule, item.value, owner, config, today, portfolio));
      if (outcome.pass)
        continue;
      const noun = ITEM_NOUN[String(item.path[0])] ?? rule.spec.each;
      const prefix = !outcome.message.startsWith("its ") ? "" : `${item.id ? `${noun} ${item.id}` : rule.spec.each}: `;
      findings.push({
        rule: rule.id,
        severity: rule.spec.severity,
        message: `${prefix}${outcome.message}`,
        file,
        at: { path: item.path, on: "value" },
        ...project ? { project } : {},
        ...item.id ? { item: item.id } : {}
      });
    }
  }
  return findings;
}
function runRuleTests(rules, config, today, portfolio = EMPTY_PORTFOLIO) {
  return rules.flatMap((rule) => ["invalid", "valid"].flatMap((expected) => (rule.spec.tests?.[expected] ?? []).map((example, index) => {
    const context = { ...portfolio, today, thresholds: config.thresholds, ...example };
    const outcome = judge(rule, context);
    const ok = expected === "valid" ? outcome.pass : !outcome.pass;
    const detail = ok ? void 0 : outcome.pass ? "it passed but should be flagged" : `it was flagged: ${outcome.message}`;
    return { rule: rule.id, file: rule.file, expected, index, ok, ...detail ? { detail } : {} };
  })));
}

export {
  EMPTY_PORTFOLIO,
  readsPortfolio,
  RuleCompileError,
  runCustomRules,
  runRuleTests
};
