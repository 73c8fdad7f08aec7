import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  ExtensionError,
  describeJsonSchema,
  extendSchema
} from "./chunk-Q2VLNXEI.js";
import "./chunk-V4RWK56N.js";
export {
  ExtensionError,
  describeJsonSchema,
  extendSchema
};
