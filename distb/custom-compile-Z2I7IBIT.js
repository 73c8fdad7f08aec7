import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  compileRules
} from "./chunk-BYICB5ZY.js";
import "./chunk-VLAGI7YW.js";
import "./chunk-SQVBLHBJ.js";
import "./chunk-GDLKBVT7.js";
import "./chunk-3MDRI6XN.js";
import "./chunk-V4RWK56N.js";
export {
  compileRules
};
