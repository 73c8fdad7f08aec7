// The history corpus for `pmo report trends`: corpus N generated as of a year before its date (so its dates
// are right for then), made a git repository, then a year of weekly commits dated each Friday at 17:00 UTC,
// each giving about a fifth of the projects a new status update of that Friday (its overall status moved on);
// half of those also move their forecast end by a week, and a quarter re-score their first risk, as a PM's
// weekly edit does (a history run pays for each top-level field an edit touches).
// Made once per corpus (bench/.corpus/N-history, stamped).
//
//   node bench/history.mjs DIR TODAY [--weeks 52] [--share 0.2]   (run.mjs calls makeHistory itself)

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { generate } from './generate.mjs';

export const HISTORY_VERSION = 3;

const RAG = ['green', 'amber', 'red'];

/** A small seeded generator: the same history every time. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

function git(cwd, date, ...args) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  const r = spawnSync('git', ['-c', 'user.name=PMO bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${r.stderr}`);
  return r.stdout;
}

const addDays = (date, days) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/** The file with a status update of `date` added at the end of its `status:` list (a file without one is left). */
function withStatusUpdate(text, date, overall) {
  const manager = /^manager: (\S+)/m.exec(text)?.[1] ?? 'pm';
  const start = text.search(/^status:\n/m);
  if (start < 0) return text;
  // The list runs to the next top-level key, or to the end of the file.
  const rest = text.slice(start + 'status:\n'.length);
  const end = rest.search(/^\S/m);
  const at = start + 'status:\n'.length + (end < 0 ? rest.length : end);
  const item = `  - date: ${date}\n    by: ${manager}\n    overall: ${overall}\n    summary: Weekly update of ${date}\n`;
  return text.slice(0, at) + item + text.slice(at);
}

/** The forecast end a week later. */
const withForecastMoved = (text) => text.replace(/^( {2}forecast_end: )(\d{4}-\d{2}-\d{2})$/m, (_, key, date) => key + addDays(date, 7));

/** The first risk's probability one step on (1 to 5, round again). */
const withRiskRescored = (text) => text.replace(/^( {4}probability: )(\d)$/m, (_, key, p) => key + ((Number(p) % 5) + 1));

/** Builds (or finds, when its stamp matches) the history repository of `corpus` at `out`. */
export function makeHistory(corpus, out, { today, weeks = 52, share = 0.2 }) {
  const stamp = JSON.stringify({ HISTORY_VERSION, corpus: fs.readFileSync(`${corpus}.stamp.json`, 'utf8'), weeks, share, today });
  const stampFile = `${out}.stamp.json`;
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp && fs.existsSync(path.join(out, '.git'))) return out;
  fs.rmSync(out, { recursive: true, force: true });
  const { projects: count, seed, violations } = JSON.parse(fs.readFileSync(`${corpus}.stamp.json`, 'utf8')).args;
  // The last Friday on or before the corpus's date, and the weeks before it.
  const lastFriday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 2) % 7));
  const fridays = Array.from({ length: weeks }, (_, i) => addDays(lastFriday, -7 * (weeks - 1 - i)));
  generate({ projects: count, seed, violations, today: addDays(fridays[0], -7), out, force: true });
  const projects = fs.readdirSync(path.join(out, 'projects')).filter((f) => f.endsWith('.yaml')).sort();
  const next = random(52);
  git(out, null, 'init', '-q', '-b', 'main');
  git(out, `${addDays(fridays[0], -7)}T17:00:00+00:00`, 'add', '-A');
  git(out, `${addDays(fridays[0], -7)}T17:00:00+00:00`, 'commit', '-q', '-m', 'portfolio as of the start of the year');
  for (const [week, friday] of fridays.entries()) {
    for (const file of projects) {
      if (next() >= share) continue;
      const full = path.join(out, 'projects', file);
      let text = withStatusUpdate(fs.readFileSync(full, 'utf8'), friday, RAG[Math.floor(next() * 3)]);
      if (next() < 0.5) text = withForecastMoved(text);
      if (next() < 0.25) text = withRiskRescored(text);
      fs.writeFileSync(full, text);
    }
    const date = `${friday}T17:00:00+00:00`;
    git(out, date, 'add', '-A');
    git(out, date, 'commit', '-q', '-m', `weekly update ${friday}`);
  }
  fs.writeFileSync(stampFile, stamp);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, today, ...rest] = process.argv.slice(2);
  const opt = (name, fallback) => (rest.includes(name) ? Number(rest[rest.indexOf(name) + 1]) : fallback);
  console.log(makeHistory(dir, `${dir}-history`, { today, weeks: opt('--weeks', 52), share: opt('--share', 0.2) }));
}
