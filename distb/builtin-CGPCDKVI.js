import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  BUILTIN_RULES
} from "./chunk-YRXXIS6S.js";
import "./chunk-3YZKDRFQ.js";
import "./chunk-SQVBLHBJ.js";
import "./chunk-GDLKBVT7.js";
import "./chunk-3MDRI6XN.js";
import "./chunk-V4RWK56N.js";
export {
  BUILTIN_RULES
};
