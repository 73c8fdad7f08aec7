import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  indexPositions,
  spansFor
} from "./chunk-FBFJKQXD.js";
import "./chunk-5T6JFE2Z.js";
import "./chunk-L3UC3SYL.js";
import "./chunk-V4RWK56N.js";
export {
  indexPositions,
  spansFor
};
