import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// dist/model/dates.js
var DAY_MS = 864e5;
var DATE = /^\d{4}-\d{2}-\d{2}$/;
function isRealDate(value) {
  const [y, m, d] = value.split("-").map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function explainBadDate(value) {
  const [y, m] = value.split("-").map(Number);
  if (m < 1 || m > 12)
    return `${value} is not a real date: there is no month ${m}`;
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" });
  return `${value} is not a real date: ${month} ${y} has ${daysInMonth(y, m)} days`;
}
function daysBetween(a, b) {
  return Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);
}
function todayIso(now = /* @__PURE__ */ new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
function weekIndex(date) {
  return Math.floor((Date.parse(date) / DAY_MS + 3) / 7);
}
function isoWeek(index) {
  const thursday = new Date(index * 7 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS);
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, "0")}`;
}

export {
  DATE,
  isRealDate,
  daysInMonth,
  explainBadDate,
  daysBetween,
  todayIso,
  weekIndex,
  isoWeek
};
