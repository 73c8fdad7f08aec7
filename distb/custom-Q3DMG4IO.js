import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  EMPTY_PORTFOLIO,
  RuleCompileError,
  readsPortfolio,
  runCustomRules,
  runRuleTests
} from "./chunk-VLAGI7YW.js";
import "./chunk-SQVBLHBJ.js";
import "./chunk-GDLKBVT7.js";
import "./chunk-V4RWK56N.js";
export {
  EMPTY_PORTFOLIO,
  RuleCompileError,
  readsPortfolio,
  runCustomRules,
  runRuleTests
};
