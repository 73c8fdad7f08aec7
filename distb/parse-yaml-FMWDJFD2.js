import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  MAX_ALIAS_COUNT,
  YAML_OPTIONS,
  parseForPositions,
  parseYaml,
  parseYamlFully
} from "./chunk-AFDP6KGI.js";
import "./chunk-L3UC3SYL.js";
import "./chunk-V4RWK56N.js";
export {
  MAX_ALIAS_COUNT,
  YAML_OPTIONS,
  parseForPositions,
  parseYaml,
  parseYamlFully
};
