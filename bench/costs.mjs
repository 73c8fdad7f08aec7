// The cost-log corpus for `pmo report weekly` with issue 18's cost curves: a copy of corpus N whose projects log
// what they have spent by month (`costs:`), over the twelve months before the corpus's date (or from the
// project's start, when later), in equal parts that add up to its `budget.actual` (so cost-log-mismatch stays
// quiet). Made once per corpus (bench/.corpus/N-costs, stamped).
//
//   node bench/costs.mjs DIR TODAY   (run.mjs calls makeCosts itself)

import fs from 'node:fs';
import path from 'node:path';

export const COSTS_VERSION = 1;
const MONTHS = 12;

/** YYYY-MM `k` months after `month` (before it when negative). */
function monthPlus(month, k) {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The project file with its spend logged by month, or as it is when it has spent nothing in a month that is over. */
export function withCosts(text, today) {
  const start = /^ {2}start: (\d{4}-\d{2})/m.exec(text)?.[1];
  const actual = Number(/^budget:\n(?: {2}.*\n)*? {2}actual: (\d+(?:\.\d+)?)/m.exec(text)?.[1] ?? NaN);
  if (!start || !(actual > 0)) return text;
  const last = monthPlus(today.slice(0, 7), -1);
  const first = start > monthPlus(last, -(MONTHS - 1)) ? start : monthPlus(last, -(MONTHS - 1));
  if (first > last) return text;
  const months = [];
  for (let month = first; month <= last; month = monthPlus(month, 1)) months.push(month);
  const part = Math.floor(actual / months.length);
  const lines = months.map((month, i) => `  - { period: ${month}, amount: ${i === months.length - 1 ? actual - part * (months.length - 1) : part}, category: labour }`);
  return `${text.endsWith('\n') ? text : `${text}\n`}costs:\n${lines.join('\n')}\n`;
}

export function makeCosts(corpus, out, today) {
  const stamp = JSON.stringify({ COSTS_VERSION, corpus: fs.readFileSync(`${corpus}.stamp.json`, 'utf8'), today });
  const stampFile = `${out}.stamp.json`;
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp && fs.existsSync(out)) return out;
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(corpus, out, { recursive: true, filter: (src) => !/[\\/](\.pmo|node_modules|\.git)$/.test(src) });
  const dir = path.join(out, 'projects');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    fs.writeFileSync(path.join(dir, file), withCosts(text, today));
  }
  fs.writeFileSync(stampFile, stamp);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, today] = process.argv.slice(2);
  console.log(makeCosts(path.resolve(dir), `${path.resolve(dir)}-costs`, today));
}
