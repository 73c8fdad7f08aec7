import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  renderRulesDoc,
  ruleDoc
} from "./chunk-DCELLLWZ.js";
import "./chunk-V4RWK56N.js";
export {
  renderRulesDoc,
  ruleDoc
};
