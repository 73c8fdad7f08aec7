import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  date,
  id,
  itemId,
  list,
  money,
  oneOf,
  optional,
  percent,
  text,
  textList
} from "./chunk-G5WBJNIT.js";
import {
  external_exports
} from "./chunk-Q2VLNXEI.js";

// dist/model/schemas/people.js
var person = external_exports.strictObject({
  id: id(),
  name: text(),
  role: optional(text()),
  capacity: optional(percent()),
  rate: optional(money()),
  skills: optional(textList()),
  trainings: optional(list(external_exports.strictObject({ name: text(), date: optional(date()) })))
});
var peopleSchema = external_exports.strictObject({ people: optional(list(person)) });
var goal = external_exports.strictObject({
  id: itemId(),
  title: text(),
  description: optional(text()),
  owner: optional(id())
});
var goalsSchema = external_exports.strictObject({ goals: optional(list(goal)) });
var waiver = external_exports.strictObject({
  rule: text(),
  project: text().describe('a project id, or a glob such as "*"'),
  item: optional(text()),
  reason: text(),
  approved_by: id(),
  expires: date()
});
var waiversSchema = external_exports.strictObject({ waivers: optional(list(waiver)) });

// dist/model/schemas/ruleset.js
var RULE_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/;
var EACH = ["project", "milestone", "deliverable", "risk", "issue", "change", "person", "request"];
var example = external_exports.record(external_exports.string(), external_exports.unknown()).describe("a map giving the item and its context");
var customRule = external_exports.strictObject({
  description: text(),
  severity: oneOf(["error", "warn", "info"]),
  each: oneOf(EACH),
  when: optional(text()),
  assert: text(),
  message: text(),
  category: optional(text()),
  phases: optional(list(text())),
  tests: optional(external_exports.strictObject({ invalid: optional(list(example)), valid: optional(list(example)) }))
});
var rulesetSchema = external_exports.strictObject({
  rules: external_exports.record(external_exports.string().regex(RULE_ID).describe("lowercase letters, digits and dashes, like high-risk-has-mitigation"), customRule).describe("a map of rule id to rule")
});

export {
  peopleSchema,
  goalsSchema,
  waiversSchema,
  rulesetSchema
};
