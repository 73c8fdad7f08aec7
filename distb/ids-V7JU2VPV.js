import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  BUILTIN_RULE_IDS
} from "./chunk-LWS4JGSW.js";
import "./chunk-V4RWK56N.js";
export {
  BUILTIN_RULE_IDS
};
