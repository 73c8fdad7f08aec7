import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyWaivers,
  check,
  gatesUpTo
} from "./chunk-ZZI6DFK5.js";
import "./chunk-LWS4JGSW.js";
import {
  UsageError
} from "./chunk-AQYAWNHD.js";
import {
  runFileRules
} from "./chunk-2MUELBWJ.js";
import {
  BUILTIN_RULES
} from "./chunk-YRXXIS6S.js";
import "./chunk-AD6RLNFM.js";
import {
  didYouMean
} from "./chunk-Z7XGHFUL.js";
import "./chunk-3YZKDRFQ.js";
import "./chunk-VLAGI7YW.js";
import {
  idOfFile
} from "./chunk-SQVBLHBJ.js";
import "./chunk-GDLKBVT7.js";
import "./chunk-4U7J3DC7.js";
import "./chunk-CR2WQIQH.js";
import "./chunk-3MDRI6XN.js";
import "./chunk-5T6JFE2Z.js";
import "./chunk-V4RWK56N.js";

// dist/gate.js
import { readFileSync } from "node:fs";
import { join } from "node:path";
async function gateReadiness(options) {
  const result = await check({ cwd: options.cwd, today: options.today, cache: options.cache });
  const { config, root } = result;
  const today = options.today ?? result.today;
  const file = `projects/${options.project}.yaml`;
  const projects = result.files.filter((f) => f.startsWith("projects/")).map(idOfFile);
  if (!result.files.includes(file)) {
    throw new UsageError(`there is no project '${options.project}' (no ${file})${didYouMean(options.project, projects)}`);
  }
  const { parseYaml } = await import("./parse-yaml-FMWDJFD2.js");
  const data = parseYaml(readFileSync(join(root, file), "utf8").replace(/^\uFEFF/, ""), file).data;
  const phase = typeof data?.phase === "string" ? data.phase : "";
  if (data && !config.lifecycle.includes(phase)) {
    const blocked = `${file} has phase '${phase}', which is not in the lifecycle (${config.lifecycle.join(", ")}): fix it first`;
    return { project: options.project, file, phase, target: options.to ?? "", ready: false, criteria: [], blocked };
  }
  const target = options.to ?? config.lifecycle[config.lifecycle.indexOf(phase) + 1];
  if (options.to !== void 0 && !config.lifecycle.includes(options.to)) {
    throw new UsageError(`'${options.to}' is not a phase of the lifecycle (${config.lifecycle.join(", ")})${didYouMean(options.to, config.lifecycle)}`);
  }
  if (!target)
    throw new UsageError(`${options.project} is in ${phase || "no known phase"}, the last phase: there is no next gate (name one with --to)`);
  const errors = result.findings.filter((f) => f.file === file && f.severity === "error" && /^(yaml|schema)\//.test(f.rule));
  if (!data || errors.length > 0) {
    const blocked = `${file} has ${errors.length || "YAML"} error${errors.length === 1 ? "" : "s"}: fix them first (pmo check ${file})`;
    return { project: options.project, file, phase, target, ready: false, criteria: [], blocked };
  }
  const portfolio = new Set(BUILTIN_RULES.filter((r) => r.scope === "portfolio").map((r) => r.id));
  const { compileRules } = await import("./custom-compile-Z2I7IBIT.js");
  const custom = compileRules(result.rulesets, today, new Set(BUILTIN_RULES.map((r) => r.id)));
  const asTarget = runFileRules("project", file, { ...data, phase: target }, config, today, custom, result.portfolio);
  const standing = result.findings.filter((f) => f.file === file && portfolio.has(f.rule)).map((f) => ({ ...f, at: { offset: 0, endOffset: 0 } }));
  const waivers = result.waivers;
  const judged = applyWaivers([...asTarget, ...standing], waivers, config, today).filter((f) => f.file === file);
  const criteria = gatesUpTo(config, target).flatMap(([gate, names]) => names.map((criterion) => {
    const own = judged.filter((f) => f.rule === criterion);
    const reasons = own.filter((f) => !f.waived).map((f) => f.message);
    return { gate, criterion, passed: reasons.length === 0, reasons, waived: own.length - reasons.length };
  }));
  return { project: options.project, file, phase, target, ready: criteria.every((c) => c.passed), criteria };
}
export {
  gateReadiness
};
