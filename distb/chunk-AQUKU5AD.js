import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  isRecord,
  labelPath,
  subject
} from "./chunk-GDLKBVT7.js";
import {
  isRealDate
} from "./chunk-3MDRI6XN.js";

// dist/model/select.js
var compiled = /* @__PURE__ */ new Map();
function select(data, pattern) {
  let segments = compiled.get(pattern);
  if (!segments)
    compiled.set(pattern, segments = pattern.split("."));
  const out = [];
  const path = [];
  const visit = (value, depth) => {
    if (depth === segments.length) {
      if (Array.isArray(value))
        value.forEach((item, i) => out.push({ path: [...path, i], value: item }));
      else
        out.push({ path: [...path], value });
      return;
    }
    if (typeof value !== "object" || value === null)
      return;
    const segment = segments[depth];
    if (segment !== "*") {
      if (Array.isArray(value) || !(segment in value))
        return;
      path.push(segment);
      visit(value[segment], depth + 1);
      path.pop();
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i], depth + 1);
        path.pop();
      }
    } else {
      for (const key of Object.keys(value)) {
        path.push(key);
        visit(value[key], depth + 1);
        path.pop();
      }
    }
  };
  visit(data, 0);
  return out;
}
function selectStrings(data, pattern) {
  return select(data, pattern).filter((s) => typeof s.value === "string");
}

// dist/model/references.js
var PATTERNS = {
  project: {
    person: [
      "manager",
      "sponsor",
      "budget.approved_by",
      "approvals.*.by",
      "risks.*.owner",
      "issues.*.owner",
      "assumptions.*.owner",
      "changes.*.decided_by",
      "team.*.person",
      "deliverables.*.acceptance.by",
      "status.*.by"
    ],
    goal: ["goals.*"],
    project: ["dependencies.*.project"],
    record: ["records.*", "vendors.*.contract", "deliverables.*.acceptance.record"],
    "actual-date": [
      "dates.actual_end",
      "milestones.*.actual",
      "deliverables.*.acceptance.date",
      "changes.*.decided_on",
      "approvals.*.on",
      "status.*.date",
      "revenue.*.invoiced",
      "revenue.*.received",
      "issues.*.resolved"
    ]
  },
  request: { person: ["requested_by"], goal: ["goals.*"] },
  goals: { person: ["goals.*.owner"] },
  waivers: { person: ["waivers.*.approved_by"] }
};
var DEFINES = { people: "people", goals: "goals" };
var ACTUAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
function extractFacts(kind, data) {
  const values = {};
  let latestActual;
  for (const [refKind, patterns] of Object.entries(PATTERNS[kind] ?? {})) {
    for (const pattern of patterns) {
      for (const { value } of selectStrings(data, pattern)) {
        if (refKind !== "actual-date")
          (values[refKind] ??= /* @__PURE__ */ new Set()).add(value);
        else if (ACTUAL_DATE.test(value) && (!latestActual || value > latestActual))
          latestActual = value;
      }
    }
  }
  const facts = {
    values: Object.fromEntries(Object.entries(values).map(([k, set]) => [k, [...set]])),
    ...latestActual ? { latestActual } : {}
  };
  if (kind === "waivers")
    facts.waivers = waiverFacts(data);
  if (kind === "project" && isRecord(data) && typeof data.phase === "string")
    facts.phase = data.phase;
  const list = DEFINES[kind];
  if (!list || !isRecord(data) || !Array.isArray(data[list]))
    return facts;
  const items = data[list];
  return { defines: items.flatMap((item) => isRecord(item) && typeof item.id === "string" ? [item.id] : []), ...facts };
}
function waiverFacts(data) {
  const list = isRecord(data) && Array.isArray(data.waivers) ? data.waivers : [];
  return list.flatMap((w, index) => {
    if (!isRecord(w))
      return [];
    const { rule, project, item, reason, approved_by, expires } = w;
    const texts = [rule, project, reason, approved_by, expires];
    if (!texts.every((t) => typeof t === "string" && t !== "") || !ACTUAL_DATE.test(expires) || !isRealDate(expires))
      return [];
    return [{ index, rule, project, reason, approved_by, expires, ...typeof item === "string" ? { item } : {} }];
  });
}
function extractReferences(kind, data) {
  const refs = [];
  for (const [refKind, patterns] of Object.entries(PATTERNS[kind] ?? {})) {
    for (const pattern of patterns) {
      for (const { path, value } of selectStrings(data, pattern))
        refs.push({ kind: refKind, path, value, ...label(refKind, path, data) });
    }
  }
  return refs;
}
function label(kind, path, data) {
  const place = labelPath(path, data);
  const item = place.itemId ? { item: place.itemId } : {};
  if (kind === "record")
    return { subject: path[0] === "records" ? `record '${String(path[1])}'` : place.item, ...item };
  if (kind === "actual-date")
    return { subject: subject(place), ...item };
  return { subject: place.field ? `${place.item ? `${place.item}: ` : ""}${place.field}` : kind, ...item };
}

export {
  extractFacts,
  extractReferences
};
