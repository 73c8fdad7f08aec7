import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  buildSchemas,
  validateConfig
} from "./chunk-G5WBJNIT.js";
import "./chunk-Z7XGHFUL.js";
import "./chunk-SQVBLHBJ.js";
import "./chunk-GDLKBVT7.js";
import "./chunk-3MDRI6XN.js";
import "./chunk-Q2VLNXEI.js";
import "./chunk-V4RWK56N.js";
export {
  buildSchemas,
  validateConfig
};
