import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  extractFacts,
  extractReferences
} from "./chunk-AQUKU5AD.js";
import "./chunk-GDLKBVT7.js";
import "./chunk-3MDRI6XN.js";
import "./chunk-V4RWK56N.js";
export {
  extractFacts,
  extractReferences
};
