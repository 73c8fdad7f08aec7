import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_THRESHOLDS,
  didYouMean
} from "./chunk-Z7XGHFUL.js";
import {
  CONFIG_FILE
} from "./chunk-SQVBLHBJ.js";
import {
  isRecord,
  labelPath,
  show,
  subject
} from "./chunk-GDLKBVT7.js";
import {
  DATE,
  explainBadDate,
  isRealDate
} from "./chunk-3MDRI6XN.js";
import {
  extendSchema,
  external_exports,
  knownKeys,
  recordKeyDescription,
  schemaAt,
  unwrap
} from "./chunk-Q2VLNXEI.js";

// dist/model/issues.js
var FLOW_COMMA_HINT = "a comma inside { ... } ends the value before it: put the whole text in quotes";
function issuesToFindings(issues, ctx, prefix = []) {
  return issues.flatMap((issue2) => issueToFindings(issue2, ctx, prefix));
}
function issueToFindings(issue2, ctx, prefix) {
  const path = [...prefix, ...issue2.path];
  const label = labelPath(path, ctx.data);
  const finding = (rule, message, on = "value", at = path) => ({
    rule,
    severity: rule === "schema/unknown-field" ? "warn" : "error",
    message,
    file: ctx.file,
    at: { path: at, on },
    ...ctx.project ? { project: ctx.project } : {},
    ...label.itemId ? { item: label.itemId } : {}
  });
  if (issue2.input === void 0 && issue2.code !== "unrecognized_keys" && issue2.code !== "invalid_key") {
    return [missingField(path, ctx, finding)];
  }
  switch (issue2.code) {
    case "invalid_key": {
      const key = String(path.at(-1));
      const keySchema = schemaAt(ctx.schema, path.slice(0, -1), ctx.data);
      const keyDescription = keySchema ? recordKeyDescription(keySchema) : void 0;
      const parent = labelPath(path.slice(0, -1), ctx.data);
      const where = parent.item || parent.field ? ` in ${subject(parent)}` : "";
      return [finding("schema/invalid-value", `name '${key}'${where} must be ${keyDescription ?? "a valid name"}`, "key")];
    }
    case "unrecognized_keys": {
      const known = knownKeys(schemaAt(ctx.schema, path, ctx.data));
      return issue2.keys.map((key) => {
        const where = label.item || label.field ? ` in ${subject(label)}` : "";
        const hint = didYouMean(key, known) || `; ${/\s/.test(key) ? FLOW_COMMA_HINT : ctx.unknownFieldHint}`;
        return finding("schema/unknown-field", `unknown field '${key}'${where}${hint}`, "key", [...path, key]);
      });
    }
    case "invalid_union": {
      const fitting = issue2.errors.find((branch) => !branch.some((i) => i.code === "invalid_type" && i.path.length === 0));
      if (fitting)
        return issuesToFindings(fitting, ctx, path);
      break;
    }
    case "custom": {
      const rule = issue2.params?.rule;
      if (rule === "schema/invalid-date") {
        return [finding(rule, `${subject(label)} ${explainBadDate(String(issue2.input))}`)];
      }
      if (rule === "schema/required")
        return [missingField(path, ctx, finding)];
      break;
    }
  }
  return [finding("schema/invalid-value", `${subject(label)} must be ${expectation(ctx, path, issue2)}, got ${show(issue2.input)}`)];
}
function missingField(path, ctx, finding) {
  const parent = labelPath(path.slice(0, -1), ctx.data);
  const owner = parent.item || parent.field ? `${subject(parent)}: ` : "";
  return finding("schema/required", `${owner}missing required field '${String(path.at(-1))}'`);
}
var TYPE_WORDS = {
  object: "a map",
  array: "a list",
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false"
};
function expectation(ctx, path, issue2) {
  const schema = schemaAt(ctx.schema, path, ctx.data);
  const description = schema ? unwrap(schema).description : void 0;
  if (description)
    return description;
  if (issue2.code === "invalid_type")
    return TYPE_WORDS[issue2.expected] ?? `a ${issue2.expected}`;
  return issue2.message.replace(/^Invalid input: expected /i, "").replace(/^Too \w+: expected \w+ to be /i, "");
}

// dist/model/schemas/common.js
var PROJECT_ID = /^[a-z0-9][a-z0-9-]*$/;
var ITEM_ID = /^[A-Z]+-?[0-9]+$/;
var optional = (schema) => schema.nullish();
var text = () => external_exports.string().min(1).describe("non-empty text");
var id = () => external_exports.string().regex(PROJECT_ID).describe("an id of lowercase letters, digits and dashes, starting with a letter or digit (e.g. apollo)");
var itemId = () => external_exports.string().regex(ITEM_ID).describe("an id of capital letters then digits, like R1 or M-3");
var date = () => external_exports.string().regex(DATE, { abort: true }).describe("a date written YYYY-MM-DD").refine(isRealDate, { params: { rule: "schema/invalid-date" }, abort: true });
var int = (min, max) => external_exports.number().int().min(min).max(max).describe(`an integer from ${min} to ${max}`);
var percent = () => external_exports.number().min(0).max(100).describe("a percentage from 0 to 100");
var money = () => external_exports.number().min(0).describe("an amount of money: a number, 0 or more");
var signedInt = () => external_exports.number().int().describe("a whole number (negative for a gain)");
var oneOf = (values) => external_exports.enum(values).describe(`one of ${values.join(", ")}`);
var list = (item) => external_exports.array(item).describe("a list");
var textList = () => external_exports.array(text()).describe("a list of texts");
var recordPaths = () => external_exports.union([text(), external_exports.array(text())]).describe("a path in the repository, or a list of paths");
var RAG = ["green", "amber", "red"];
var LEVEL = ["low", "medium", "high"];

// dist/model/schemas/config.js
var nonNegative = () => external_exports.number().min(0).describe("a number, 0 or more");
var thresholds = external_exports.strictObject(Object.fromEntries(Object.keys(DEFAULT_THRESHOLDS).map((key) => [key, optional(nonNegative())])));
var extension = external_exports.strictObject({
  required: optional(list(text())),
  properties: optional(external_exports.record(external_exports.string(), external_exports.record(external_exports.string(), external_exports.unknown())).describe("a map of field name to JSON Schema"))
});
var configSchema = external_exports.strictObject({
  version: external_exports.literal(1).describe("1 (the format version)"),
  organization: optional(text()),
  pmo_type: optional(oneOf(["supportive", "controlling", "directive"])),
  currency: optional(external_exports.string().regex(/^[A-Z]{3}$/).describe("a three-letter currency code such as EUR")),
  lifecycle: optional(list(text()).min(1)),
  gates: optional(external_exports.record(external_exports.string(), list(text())).describe("a map of phase to rule ids")),
  thresholds: optional(thresholds),
  rules: optional(external_exports.record(external_exports.string(), oneOf(["error", "warn", "info", "off"])).describe("a map of rule id to severity")),
  locked: optional(list(text())),
  rulesets: optional(list(text())),
  intake: optional(external_exports.strictObject({ weights: optional(external_exports.record(external_exports.string(), external_exports.number().describe("a number"))) })),
  records: optional(external_exports.record(external_exports.string(), list(text())).describe("a map of phase to record names")),
  schema: optional(external_exports.strictObject({ project: optional(extension), request: optional(extension) }))
});

// dist/model/schemas/project.js
var approval = external_exports.strictObject({ by: id(), on: date() });
var milestone = external_exports.strictObject({
  id: itemId(),
  name: text(),
  baseline: optional(date()),
  forecast: optional(date()),
  actual: optional(date()),
  progress: optional(percent()),
  weight: optional(external_exports.number().min(0).describe("a weight: a number, 0 or more"))
});
var deliverable = external_exports.strictObject({
  id: itemId(),
  name: text(),
  description: optional(text()),
  milestone: optional(itemId()),
  acceptance: optional(external_exports.strictObject({
    status: oneOf(["pending", "accepted", "rejected"]),
    by: optional(id()),
    date: optional(date()),
    record: optional(text())
  }))
});
var risk = external_exports.strictObject({
  id: itemId(),
  title: text(),
  description: optional(text()),
  probability: int(1, 5),
  impact: int(1, 5),
  owner: optional(id()),
  mitigation: optional(text()),
  status: optional(oneOf(["open", "closed"])),
  review_by: optional(date())
});
var issue = external_exports.strictObject({
  id: itemId(),
  title: text(),
  description: optional(text()),
  owner: optional(id()),
  raised: optional(date()),
  resolved: optional(date()),
  status: optional(oneOf(["open", "closed"])),
  escalated: optional(external_exports.boolean().describe("true or false"))
});
var assumption = external_exports.strictObject({
  id: itemId(),
  title: text(),
  owner: optional(id())
});
var dependency = external_exports.strictObject({
  id: itemId(),
  title: text(),
  project: optional(id()),
  needed_by: optional(date())
});
var change = external_exports.strictObject({
  id: itemId(),
  title: text(),
  description: optional(text()),
  cost_impact: optional(external_exports.number().describe("an amount of money (negative for a saving)")),
  schedule_impact_days: optional(signedInt()),
  status: oneOf(["proposed", "approved", "rejected"]),
  raised: optional(date()),
  decided_by: optional(id()),
  decided_on: optional(date())
});
var allocation = external_exports.strictObject({
  person: id(),
  role: optional(text()),
  allocation: percent(),
  from: optional(date()),
  to: optional(date())
});
var stakeholder = external_exports.strictObject({
  name: text(),
  interest: optional(oneOf(LEVEL)),
  influence: optional(oneOf(LEVEL)),
  communication: optional(text())
});
var vendor = external_exports.strictObject({
  name: text(),
  contract: optional(text()),
  value: optional(money()),
  paid: optional(money())
});
var billing = external_exports.strictObject({
  id: itemId(),
  amount: money(),
  due: date(),
  invoiced: optional(date()),
  received: optional(date())
});
var kpi = external_exports.strictObject({
  name: text(),
  target: external_exports.number().describe("a number"),
  actual: optional(external_exports.number().describe("a number")),
  higher_is_better: optional(external_exports.boolean().describe("true or false")),
  due: optional(date())
});
var statusUpdate = external_exports.strictObject({
  date: date(),
  by: optional(id()),
  overall: oneOf(RAG),
  schedule: optional(oneOf(RAG)),
  cost: optional(oneOf(RAG)),
  scope: optional(oneOf(RAG)),
  summary: optional(text()),
  next: optional(textList())
});
var lesson = external_exports.union([text(), external_exports.strictObject({ title: text(), area: optional(text()), description: optional(text()) })]).describe("a title, or a map with title and area");
var projectSchema = external_exports.strictObject({
  id: id(),
  name: text(),
  description: optional(text()),
  manager: id(),
  sponsor: optional(id()),
  phase: text(),
  priority: optional(int(1, 5)),
  currency: optional(external_exports.string().regex(/^[A-Z]{3}$/).describe("a three-letter currency code such as EUR")),
  goals: optional(list(itemId())),
  dates: external_exports.strictObject({
    start: date(),
    baseline_end: optional(date()),
    forecast_end: optional(date()),
    actual_end: optional(date())
  }),
  approvals: optional(external_exports.record(external_exports.string(), approval).describe("a map of approval name to { by, on }")),
  budget: optional(external_exports.strictObject({
    baseline: optional(money()),
    actual: optional(money()),
    forecast: optional(money()),
    approved_by: optional(id())
  })),
  milestones: optional(list(milestone)),
  deliverables: optional(list(deliverable)),
  risks: optional(list(risk)),
  issues: optional(list(issue)),
  assumptions: optional(list(assumption)),
  dependencies: optional(list(dependency)),
  changes: optional(list(change)),
  team: optional(list(allocation)),
  stakeholders: optional(list(stakeholder)),
  vendors: optional(list(vendor)),
  revenue: optional(list(billing)),
  kpis: optional(list(kpi)),
  records: optional(external_exports.record(external_exports.string(), recordPaths()).describe("a map of record name to path")),
  status: optional(list(statusUpdate)),
  lessons: optional(list(lesson))
});

// dist/model/schemas/request.js
var requestSchema = external_exports.strictObject({
  id: id(),
  name: text(),
  description: optional(text()),
  requested_by: id(),
  goals: optional(list(itemId())),
  estimate: optional(external_exports.strictObject({
    cost: optional(money()),
    months: optional(external_exports.number().min(0).describe("a number of months, 0 or more"))
  })),
  scores: optional(external_exports.record(external_exports.string(), int(1, 5)).describe("a map of criterion to a score from 1 to 5"))
});

// dist/model/config-compile.js
function validateConfig(data) {
  const parsed = configSchema.safeParse(data ?? {}, { reportInput: true });
  if (parsed.success)
    return [];
  return issuesToFindings(parsed.error.issues, {
    file: CONFIG_FILE,
    schema: configSchema,
    data,
    unknownFieldHint: "remove it (see docs/format.md for the settings pmo.yaml takes)"
  });
}
function buildSchemas(data) {
  const extensions = isRecord(data) && isRecord(data.schema) ? data.schema : {};
  return {
    project: extendSchema(projectSchema, extensions.project, ["schema", "project"]),
    request: extendSchema(requestSchema, extensions.request, ["schema", "request"])
  };
}

export {
  issuesToFindings,
  optional,
  text,
  id,
  itemId,
  date,
  percent,
  money,
  oneOf,
  list,
  textList,
  configSchema,
  validateConfig,
  buildSchemas
};
