import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  analyzeFiles
} from "./chunk-2AMO246G.js";
import "./chunk-2MUELBWJ.js";
import "./chunk-K7ZUIIEN.js";
import "./chunk-G5WBJNIT.js";
import "./chunk-AQUKU5AD.js";
import "./chunk-YRXXIS6S.js";
import "./chunk-BYICB5ZY.js";
import "./chunk-AD6RLNFM.js";
import "./chunk-Z7XGHFUL.js";
import "./chunk-3YZKDRFQ.js";
import "./chunk-VLAGI7YW.js";
import "./chunk-SQVBLHBJ.js";
import "./chunk-GDLKBVT7.js";
import "./chunk-CR2WQIQH.js";
import "./chunk-3MDRI6XN.js";
import "./chunk-AFDP6KGI.js";
import "./chunk-FBFJKQXD.js";
import "./chunk-5T6JFE2Z.js";
import "./chunk-L3UC3SYL.js";
import "./chunk-Q2VLNXEI.js";
import "./chunk-V4RWK56N.js";

// dist/analyze-worker.js
import { parentPort, workerData } from "node:worker_threads";
parentPort.postMessage(analyzeFiles(workerData));
