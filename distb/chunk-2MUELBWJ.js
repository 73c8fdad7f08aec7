import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  BUILTIN_RULES
} from "./chunk-YRXXIS6S.js";
import {
  baseContext,
  enabled,
  toFinding
} from "./chunk-AD6RLNFM.js";
import {
  runCustomRules
} from "./chunk-VLAGI7YW.js";
import {
  isRecord
} from "./chunk-GDLKBVT7.js";

// dist/rules/run.js
var fileRules = BUILTIN_RULES.filter((r) => r.scope !== "portfolio");
function runFileRules(kind, file, data, config, today, custom = [], portfolio) {
  if (!isRecord(data))
    return [];
  const findings = runCustomRules(custom, kind, file, data, config, today, portfolio);
  if (kind !== "project" && kind !== "request")
    return findings;
  for (const rule of fileRules) {
    if (rule.scope !== kind || !enabled(rule, config))
      continue;
    const ctx = { ...baseContext(config, today), report: (r) => findings.push(toFinding(rule, config, file, kind, r)) };
    rule.check(data, ctx);
  }
  return findings;
}

export {
  runFileRules
};
