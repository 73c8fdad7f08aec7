import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runFileRules
} from "./chunk-2MUELBWJ.js";
import {
  goalsSchema,
  peopleSchema,
  rulesetSchema,
  waiversSchema
} from "./chunk-K7ZUIIEN.js";
import {
  buildSchemas,
  issuesToFindings
} from "./chunk-G5WBJNIT.js";
import {
  extractFacts,
  extractReferences
} from "./chunk-AQUKU5AD.js";
import {
  BUILTIN_RULES
} from "./chunk-YRXXIS6S.js";
import {
  compileRules
} from "./chunk-BYICB5ZY.js";
import {
  brokenReferenceFindings,
  extractForPortfolio,
  fileExists,
  findBrokenValues
} from "./chunk-AD6RLNFM.js";
import {
  configFrom,
  didYouMean
} from "./chunk-Z7XGHFUL.js";
import {
  idOfFile
} from "./chunk-SQVBLHBJ.js";
import {
  ITEM_LISTS,
  ITEM_NOUN,
  isRecord,
  labelPath,
  valueAt
} from "./chunk-GDLKBVT7.js";
import {
  decodeSource,
  readSource
} from "./chunk-CR2WQIQH.js";
import {
  parseForPositions,
  parseYaml
} from "./chunk-AFDP6KGI.js";
import {
  spansFor
} from "./chunk-FBFJKQXD.js";

// dist/model/validate-file.js
var CUSTOM_FIELD_HINT = "remove it, or declare it under schema.project.properties in pmo.yaml if the PMO wants it";
var MUST_HAVE_CONTENT = /* @__PURE__ */ new Set(["project", "request"]);
function validateFile(kind, file, data, config, schemas) {
  if (data === null || data === void 0) {
    if (!MUST_HAVE_CONTENT.has(kind))
      return [];
    return [
      {
        rule: "yaml/empty",
        severity: "error",
        message: `this ${kind} file is empty; fill it in (see docs/format.md) or delete it`,
        file,
        at: { offset: 0, endOffset: 0 }
      }
    ];
  }
  const schema = schemaFor(kind, schemas);
  if (!schema)
    return [];
  const project = kind === "project" && isRecord(data) && typeof data.id === "string" ? data.id : void 0;
  const parsed = schema.safeParse(data, { reportInput: true });
  const findings = parsed.success ? [] : issuesToFindings(parsed.error.issues, {
    file,
    schema,
    data,
    project,
    unknownFieldHint: kind === "project" || kind === "request" ? CUSTOM_FIELD_HINT.replace("project", kind) : "remove it"
  });
  if (!isRecord(data))
    return findings;
  const withProject = (finding) => project ? { ...finding, project } : finding;
  if (kind === "project" || kind === "request")
    findings.push(...idMatchesFileName(file, data).map(withProject));
  if (kind === "project") {
    for (const list of ITEM_LISTS)
      findings.push(...uniqueIds(file, data, [list]).map(withProject));
    findings.push(...phaseInLifecycle(file, data, config).map(withProject));
    findings.push(...milestoneRefs(file, data).map(withProject));
    findings.push(...dateOrder(file, data).map(withProject));
  }
  if (kind === "people")
    findings.push(...uniqueIds(file, data, ["people"]));
  if (kind === "goals")
    findings.push(...uniqueIds(file, data, ["goals"]));
  return findings;
}
function schemaFor(kind, schemas) {
  switch (kind) {
    case "project":
      return schemas.project;
    case "request":
      return schemas.request;
    case "people":
      return peopleSchema;
    case "goals":
      return goalsSchema;
    case "waivers":
      return waiversSchema;
    case "ruleset":
      return rulesetSchema;
    case "config":
      return void 0;
  }
}
var at = (path, on = "value") => ({ path, on });
function idMatchesFileName(file, data) {
  const expected = idOfFile(file);
  if (typeof data.id !== "string" || data.id === expected)
    return [];
  return [
    {
      rule: "schema/id-mismatch",
      severity: "error",
      message: `id '${data.id}' does not match the file name '${file.replace(/^.*\//, "")}': the id is the file name, so rename the file or fix the id`,
      file,
      at: at(["id"])
    }
  ];
}
function uniqueIds(file, data, path) {
  const list = data[path[0]];
  if (!Array.isArray(list))
    return [];
  const firstSeen = /* @__PURE__ */ new Map();
  const findings = [];
  list.forEach((item, index) => {
    if (!isRecord(item) || typeof item.id !== "string")
      return;
    const first = firstSeen.get(item.id);
    if (first === void 0) {
      firstSeen.set(item.id, index);
      return;
    }
    const noun = ITEM_NOUN[String(path[0])] ?? "item";
    findings.push({
      rule: "schema/duplicate-id",
      severity: "error",
      message: `${noun} id '${item.id}' is used again (first by ${noun} #${first + 1}); ids must be unique in ${String(path[0])}`,
      file,
      at: at([...path, index, "id"]),
      item: item.id
    });
  });
  return findings;
}
function phaseInLifecycle(file, data, config) {
  if (typeof data.phase !== "string" || config.lifecycle.includes(data.phase))
    return [];
  return [
    {
      rule: "ref/unknown-phase",
      severity: "error",
      message: `phase '${data.phase}' is not in the lifecycle (${config.lifecycle.join(", ")})${didYouMean(data.phase, config.lifecycle)}`,
      file,
      at: at(["phase"])
    }
  ];
}
function milestoneRefs(file, data) {
  const milestones = new Set((Array.isArray(data.milestones) ? data.milestones : []).flatMap((m) => isRecord(m) && typeof m.id === "string" ? [m.id] : []));
  const deliverables = Array.isArray(data.deliverables) ? data.deliverables : [];
  return deliverables.flatMap((deliverable, index) => {
    if (!isRecord(deliverable) || typeof deliverable.milestone !== "string" || milestones.has(deliverable.milestone))
      return [];
    const path = ["deliverables", index, "milestone"];
    const label = labelPath(path, data);
    return [
      {
        rule: "ref/unknown-milestone",
        severity: "error",
        message: `${label.item}: milestone '${deliverable.milestone}' is not in this project's milestones${didYouMean(deliverable.milestone, milestones)}`,
        file,
        at: at(path),
        ...label.itemId ? { item: label.itemId } : {}
      }
    ];
  });
}
var ORDERED_DATES = [
  { from: "dates.start", to: "dates.baseline_end" },
  { from: "dates.start", to: "dates.forecast_end" },
  { from: "dates.start", to: "dates.actual_end" },
  { list: "team", from: "from", to: "to" },
  { list: "changes", from: "raised", to: "decided_on" },
  { list: "issues", from: "raised", to: "resolved" },
  { list: "revenue", from: "invoiced", to: "received" }
];
function dateOrder(file, data) {
  const findings = [];
  const check = (base, from, to) => {
    const a = getDate(data, [...base, ...from.split(".")]);
    const b = getDate(data, [...base, ...to.split(".")]);
    if (!a || !b || a <= b)
      return;
    const path = [...base, ...to.split(".")];
    const label = labelPath(path, data);
    findings.push({
      rule: "dates/order",
      severity: "error",
      message: `${label.item ? `${label.item}: ` : ""}${to} ${b} is before ${from} ${a}`,
      file,
      at: at(path),
      ...label.itemId ? { item: label.itemId } : {}
    });
  };
  for (const pair of ORDERED_DATES) {
    if (!pair.list)
      check([], pair.from, pair.to);
    else {
      const items = data[pair.list];
      if (Array.isArray(items))
        items.forEach((_, i) => check([pair.list, i], pair.from, pair.to));
    }
  }
  const updates = Array.isArray(data.status) ? data.status : [];
  for (let i = 1; i < updates.length; i++) {
    const previous = getDate(data, ["status", i - 1, "date"]);
    const current = getDate(data, ["status", i, "date"]);
    if (previous && current && current < previous) {
      findings.push({
        rule: "dates/order",
        severity: "error",
        message: `status update ${current} comes after the update of ${previous}: keep status updates in date order, newest last`,
        file,
        at: at(["status", i, "date"])
      });
    }
  }
  return findings;
}
function getDate(data, path) {
  const value = valueAt(data, path);
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : void 0;
}

// dist/analyze.js
var RULED_KINDS = /* @__PURE__ */ new Set(["project", "request", "people"]);
var BUILTIN_IDS = new Set(BUILTIN_RULES.map((r) => r.id));
var KEEPS_DATA = /* @__PURE__ */ new Set(["ruleset", "people", "goals"]);
function analyzeFiles(job) {
  const config = configFrom(job.configData);
  const schemas = buildSchemas(job.configData);
  const present = job.present && new Set(job.present);
  const exists = job.exists ?? (present ? (path) => present.has(path) : fileExists(job.root));
  const custom = job.rules && job.rulesets.length > 0 ? compileRules(job.rulesets, job.today, BUILTIN_IDS) : [];
  return job.files.map((file) => {
    const bytes = job.contents?.get(file.path);
    const source = bytes ? decodeSource(file.path, file.kind, bytes) : readSource(job.root, file.path, file.kind);
    const parsed = parseYaml(source.text, source.path);
    const findings = [
      ...source.encodingFinding ? [source.encodingFinding] : [],
      ...parsed.findings,
      ...parsed.data === void 0 ? [] : validateFile(source.kind, source.path, parsed.data, config, schemas)
    ];
    const valid = job.rules && parsed.data !== void 0 && !findings.some((f) => f.severity === "error");
    if (valid)
      findings.push(...runFileRules(source.kind, source.path, parsed.data, config, job.today, custom, job.portfolio));
    const entry = { hash: source.hash, findings, ...valid && RULED_KINDS.has(source.kind) ? { today: job.today } : {} };
    if (KEEPS_DATA.has(source.kind) && parsed.data !== void 0)
      entry.data = parsed.data;
    let referenceAnchors = [];
    if (parsed.data !== void 0) {
      entry.facts = extractFacts(source.kind, parsed.data);
      const forPortfolio = valid ? extractForPortfolio(source.kind, parsed.data) : void 0;
      if (forPortfolio)
        entry.facts.rules = forPortfolio;
      const broken = job.registries ? findBrokenValues([{ ...file, facts: entry.facts }], job.registries, { today: job.today, exists }) : [];
      if (broken.length > 0) {
        const references = extractReferences(file.kind, parsed.data);
        entry.references = references;
        referenceAnchors = pathAnchors(brokenReferenceFindings(broken, () => references));
      }
    }
    const wanted = [...pathAnchors(findings), ...referenceAnchors];
    if (wanted.length > 0)
      entry.spans = spansFor(parsed.doc ?? parseForPositions(source.text), wanted);
    return [file.path, entry];
  });
}
var pathAnchors = (findings) => findings.flatMap((f) => "path" in f.at ? [f.at] : []);

export {
  analyzeFiles,
  pathAnchors
};
