import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  check,
  loadConfig
} from "./chunk-ZZI6DFK5.js";
import "./chunk-LWS4JGSW.js";
import "./chunk-AQYAWNHD.js";
import "./chunk-AD6RLNFM.js";
import "./chunk-Z7XGHFUL.js";
import "./chunk-3YZKDRFQ.js";
import "./chunk-VLAGI7YW.js";
import "./chunk-SQVBLHBJ.js";
import "./chunk-GDLKBVT7.js";
import "./chunk-4U7J3DC7.js";
import "./chunk-CR2WQIQH.js";
import "./chunk-3MDRI6XN.js";
import "./chunk-5T6JFE2Z.js";
import "./chunk-V4RWK56N.js";
export {
  check,
  loadConfig
};
