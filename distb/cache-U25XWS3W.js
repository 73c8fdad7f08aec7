import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  ParseCache,
  cacheDir,
  ensureIgnored
} from "./chunk-4U7J3DC7.js";
import "./chunk-V4RWK56N.js";
export {
  ParseCache,
  cacheDir,
  ensureIgnored
};
