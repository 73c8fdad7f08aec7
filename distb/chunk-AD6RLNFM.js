import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  didYouMean
} from "./chunk-Z7XGHFUL.js";
import {
  allocation_over_capacity_default
} from "./chunk-3YZKDRFQ.js";
import {
  idOfFile
} from "./chunk-SQVBLHBJ.js";

// dist/load/exists.js
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
function fileExists(root, known = {}) {
  const listings = {};
  const lookup = /* @__PURE__ */ new Map();
  const exists = (path) => {
    const dir = dirname(path);
    let names = lookup.get(dir);
    if (!names) {
      const listing = list(join(root, dir), known[dir]);
      if (listing)
        listings[dir] = listing;
      lookup.set(dir, names = new Set(listing?.names ?? []));
    }
    return names.has(path.slice(dir === "." ? 0 : dir.length + 1));
  };
  return Object.assign(exists, { listings });
}
function isFileAt(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
function list(dir, known) {
  try {
    const { mtimeMs, ctimeMs } = statSync(dir);
    if (known && known.mtimeMs === mtimeMs && known.ctimeMs === ctimeMs && Date.now() - ctimeMs > 2e3)
      return known;
    const names = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile() || entry.isSymbolicLink() && isFileAt(join(dir, entry.name))).map((entry) => entry.name);
    return { mtimeMs, ctimeMs, names };
  } catch {
    return void 0;
  }
}

// dist/model/integrity.js
var OUTSIDE_REPO = /^(\/|[A-Za-z]:[\\/]|\\\\)|(^|[\\/])\.\.([\\/]|$)/;
var URL_LIKE = /^https?:\/\//i;
function buildRegistries(files) {
  const registry = (kind) => {
    const file = files.find((f) => f.kind === kind);
    return file?.facts?.defines ? new Set(file.facts.defines) : null;
  };
  return {
    person: registry("people"),
    goal: registry("goals"),
    project: new Set(files.filter((f) => f.kind === "project").map((f) => idOfFile(f.path)))
  };
}
var REGISTRY_WORDS = {
  person: { where: "people.yaml", hint: "; add them to people.yaml or fix the id" },
  goal: { where: "goals.yaml", hint: "" },
  project: { where: "projects/", hint: "" }
};
function findBrokenValues(files, registries, ctx) {
  const broken = [];
  for (const { path: file, kind, facts } of files) {
    if (!facts)
      continue;
    const project = kind === "project" ? { project: idOfFile(file) } : {};
    const add = (refKind, value, rule, rest) => broken.push({ file, ...project, kind: refKind, value, rule, rest });
    for (const value of facts.values.record ?? []) {
      if (OUTSIDE_REPO.test(value)) {
        add("record", value, "ref/record-outside-repo", () => `: path '${value}' leaves the repository; record paths are relative to the repo root and stay inside it (e.g. records/${project.project ?? "<project>"}/charter.md)`);
      } else if (!URL_LIKE.test(value) && !ctx.exists(value.replace(/^\.\//, ""))) {
        add("record", value, "ref/missing-record", () => `: file '${value}' does not exist in the repository; add the record or fix the path`);
      }
    }
    for (const refKind of ["person", "goal", "project"]) {
      const ids = registries[refKind];
      const { where, hint } = REGISTRY_WORDS[refKind];
      if (!ids)
        continue;
      for (const value of facts.values[refKind] ?? []) {
        if (ids.has(value))
          continue;
        let rest;
        add(refKind, value, `ref/unknown-${refKind}`, () => rest ??= ` '${value}' is not in ${where}${didYouMean(value, ids) || hint}`);
      }
    }
    if (facts.latestActual && facts.latestActual > ctx.today) {
      add("actual-date", ctx.today, "dates/future", (ref) => ` ${ref.value} is after today (${ctx.today}): it records what happened, so it cannot be in the future; plans go in forecast fields`);
    }
  }
  return broken;
}
function brokenReferenceFindings(broken, referencesOf) {
  return broken.flatMap((b) => referencesOf(b.file).filter((ref) => ref.kind === b.kind && (b.kind === "actual-date" ? ref.value > b.value : ref.value === b.value)).map((ref) => ({
    rule: b.rule,
    severity: "error",
    message: `${ref.subject}${b.rest(ref)}`,
    file: b.file,
    at: { path: ref.path },
    ...b.project ? { project: b.project } : {},
    ...ref.item ? { item: ref.item } : {}
  })));
}

// dist/rules/builtin/portfolio.js
var PORTFOLIO_RULES = [allocation_over_capacity_default];

// dist/rules/phase.js
function phaseAtLeast(config, phase, name) {
  const at = config.lifecycle.indexOf(String(phase));
  const threshold = config.lifecycle.indexOf(name);
  return at >= 0 && threshold >= 0 && at >= threshold;
}

// dist/rules/types.js
function defaultSeverity(meta, pmoType) {
  if (pmoType === "supportive")
    return "warn";
  if (pmoType === "directive")
    return "error";
  return meta.governance ? "error" : "warn";
}
function fillMessage(template, data = {}) {
  const filled = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key) => key in data ? String(data[key]) : whole);
  return filled.replace(/(^|[^\d.,-])1 (day|week|month|year)s\b/g, "$11 $2");
}

// dist/rules/context.js
var enabled = (rule, config) => config.rules[rule.id] !== "off";
function toFinding(rule, config, file, kind, report) {
  const template = rule.messages[report.messageId];
  if (template === void 0)
    throw new Error(`rule ${rule.id} has no message '${report.messageId}'`);
  return {
    rule: rule.id,
    severity: defaultSeverity(rule, config.pmoType),
    message: fillMessage(template, report.data),
    file,
    at: { path: report.path, on: report.on ?? "value" },
    ...kind === "project" ? { project: idOfFile(file) } : {},
    ...report.item ? { item: report.item } : {}
  };
}
function baseContext(config, today) {
  return {
    today,
    thresholds: config.thresholds,
    config,
    phaseAtLeast: (phase, name) => phaseAtLeast(config, phase, name)
  };
}

// dist/rules/portfolio-run.js
var portfolioRules = PORTFOLIO_RULES;
function extractForPortfolio(kind, data) {
  const out = {};
  for (const rule of portfolioRules) {
    const extract = rule.extract(kind, data);
    if (extract !== void 0)
      out[rule.id] = extract;
  }
  return Object.keys(out).length > 0 ? out : void 0;
}
function runPortfolioRules(files, config, today) {
  const findings = [];
  const kindOf = new Map(files.map((f) => [f.path, f.kind]));
  for (const rule of portfolioRules) {
    if (!enabled(rule, config))
      continue;
    const own = files.flatMap((f) => f.rules && rule.id in f.rules ? [{ path: f.path, kind: f.kind, facts: f.rules[rule.id] }] : []);
    const ctx = {
      ...baseContext(config, today),
      report: ({ file, ...r }) => findings.push(toFinding(rule, config, file, kindOf.get(file), r))
    };
    rule.check(own, ctx);
  }
  return findings;
}

export {
  fileExists,
  buildRegistries,
  findBrokenValues,
  brokenReferenceFindings,
  defaultSeverity,
  enabled,
  toFinding,
  baseContext,
  extractForPortfolio,
  runPortfolioRules
};
