// The history corpus for `pmo report trends`: a copy of corpus N made a git repository with a year of weekly
// commits, each changing about a fifth of the projects (a new overall status and a note), dated each Friday
// at 17:00 UTC up to the corpus's date. Made once per corpus (bench/.corpus/N-history, stamped).
//
//   node bench/history.mjs DIR TODAY [--weeks 52] [--share 0.2]   (run.mjs calls makeHistory itself)

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export const HISTORY_VERSION = 1;

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

/** Builds (or finds, when its stamp matches) the history repository of `corpus` at `out`. */
export function makeHistory(corpus, out, { today, weeks = 52, share = 0.2 }) {
  const stamp = JSON.stringify({ HISTORY_VERSION, corpus: fs.readFileSync(`${corpus}.stamp.json`, 'utf8'), weeks, share, today });
  const stampFile = `${out}.stamp.json`;
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp && fs.existsSync(path.join(out, '.git'))) return out;
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(corpus, out, { recursive: true, filter: (src) => !/[/\\](\.git|\.pmo|node_modules)$/.test(src) });
  const projects = fs.readdirSync(path.join(out, 'projects')).filter((f) => f.endsWith('.yaml')).sort();
  const next = random(52);
  // The last Friday on or before the corpus's date, and the weeks before it.
  const lastFriday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 2) % 7));
  const fridays = Array.from({ length: weeks }, (_, i) => addDays(lastFriday, -7 * (weeks - 1 - i)));
  git(out, null, 'init', '-q', '-b', 'main');
  git(out, `${addDays(fridays[0], -7)}T17:00:00+00:00`, 'add', '-A');
  git(out, `${addDays(fridays[0], -7)}T17:00:00+00:00`, 'commit', '-q', '-m', 'portfolio as of the start of the year');
  for (const [week, friday] of fridays.entries()) {
    for (const file of projects) {
      if (next() >= share) continue;
      const full = path.join(out, 'projects', file);
      const text = fs.readFileSync(full, 'utf8');
      const changed = text.replace(/(overall: )(green|amber|red)(?![\s\S]*overall: )/, (_, key, rag) => key + RAG[(RAG.indexOf(rag) + 1 + Math.floor(next() * 2)) % 3]);
      fs.writeFileSync(full, `${changed}# week ${week + 1}: reviewed ${friday}\n`);
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
