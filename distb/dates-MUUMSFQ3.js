import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DATE,
  daysBetween,
  daysInMonth,
  explainBadDate,
  isRealDate,
  isoWeek,
  todayIso,
  weekIndex
} from "./chunk-3MDRI6XN.js";
import "./chunk-V4RWK56N.js";
export {
  DATE,
  daysBetween,
  daysInMonth,
  explainBadDate,
  isRealDate,
  isoWeek,
  todayIso,
  weekIndex
};
