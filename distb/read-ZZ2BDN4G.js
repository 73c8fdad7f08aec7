import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  decodeSource,
  hashBytes,
  hashFile,
  readSource
} from "./chunk-CR2WQIQH.js";
import "./chunk-V4RWK56N.js";
export {
  decodeSource,
  hashBytes,
  hashFile,
  readSource
};
