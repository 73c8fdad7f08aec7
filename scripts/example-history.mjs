#!/usr/bin/env node
/**
 * The example's git history, built from its files: `npm run example:history [-- <dir>]` (default: a new temp
 * folder) makes <dir> a copy of examples/acme that is a git repository whose commits replay the projects' weekly
 * status updates, one commit per project and update, by the person who wrote it, on the update's day. The last
 * commit holds the example's files byte for byte, so the work tree is clean and `--as-of 2026-11-20` is today's
 * portfolio; `--as-of`, `pmo report trends`, `pmo log` and `--history` then have weeks to look back on.
 *
 * Reproducible: fixed authors, dates and messages, no user or system git config, so the same files give the same
 * commit ids. Only the status lists are replayed (a project's other fields are as the example has them now): the
 * first commit holds every file without its status updates. The audits are committed last, on the example's Friday
 * (they record their actions up to that day).
 *
 * Refs a tour needs: the tag `baseline-2026` (the first commit, for `--against`), the tag `v2026-q3` (the last
 * commit of the third quarter) and `origin/main` (the last commit of the week before the example's Friday, as if
 * the last week's updates were a branch not merged yet, for `--changed-since origin/main`).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const EXAMPLE = fileURLToPath(new URL('../examples/acme/', import.meta.url));
const PMO = { name: 'Acme PMO', email: 'pmo@acme.example' };
/** Updates are committed at 16:00 UTC on their day, a minute apart in project order. */
const HOUR = 16;
const Q3_END = '2026-09-30';
/** The example's Friday: origin/main stops at the week before it. */
const AS_OF = '2026-11-20';

function main(args) {
  const dir = args[0] ? resolve(args[0]) : mkdtempSync(join(tmpdir(), 'pmo-acme-'));
  if (existsSync(dir) && readdirSync(dir).length > 0) fail(`${dir} is not empty: give a new or empty folder`);
  mkdirSync(dir, { recursive: true });
  // Not .pmo: the parse cache a run on the example leaves there is no part of it (git ignores it there).
  cpSync(EXAMPLE, dir, { recursive: true, filter: (path) => !/[\\/]\.pmo([\\/]|$)/.test(path.slice(EXAMPLE.length - 1)) });

  const people = names(readFileSync(join(dir, 'people.yaml'), 'utf8'));
  const projects = readdirSync(join(dir, 'projects'))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ path: `projects/${name}`, text: readFileSync(join(dir, 'projects', name), 'utf8') }))
    .map((p) => ({ ...p, updates: statusUpdates(p.text, p.path) }));
  const updates = projects
    .flatMap((p) => p.updates.map((u) => ({ ...u, project: p })))
    .sort((a, b) => a.date.localeCompare(b.date) || a.project.path.localeCompare(b.project.path));
  if (updates.length === 0) fail('the example has no status updates to replay');

  git(dir, 'init', '-q', '-b', 'main');
  // Audits record what happened to their actions up to the example's Friday: committed then, after the replay
  // (in the first commit their dates would lie in the future of every week before).
  const audits = takeAside(dir, 'audits');
  // The first commit: every file, each project without its status updates, a week before the first update.
  for (const p of projects) writeFileSync(join(dir, p.path), withUpdatesUpTo(p.text, p.path, ''));
  const start = daysBefore(updates[0].date, 7);
  commit(dir, `${start}T09:00:00+00:00`, PMO, 'Set up the Acme PMO repository');
  git(dir, 'tag', 'baseline-2026');

  let minute = 0;
  let previousDate = '';
  for (const u of updates) {
    minute = u.date === previousDate ? minute + 1 : 0;
    previousDate = u.date;
    writeFileSync(join(dir, u.project.path), withUpdatesUpTo(u.project.text, u.project.path, u.date));
    const author = { name: people.get(u.by) ?? u.by, email: `${u.by}@acme.example` };
    const id = u.project.path.slice('projects/'.length, -'.yaml'.length);
    commit(dir, `${u.date}T${HOUR}:${String(minute).padStart(2, '0')}:00+00:00`, author, `${id}: weekly status (${u.overall})`);
  }

  if (audits.length > 0) {
    for (const { path, bytes } of audits) writeFileSync(join(dir, path), bytes);
    commit(dir, `${AS_OF}T17:00:00+00:00`, PMO, 'Q3 audit: findings, actions and verifications');
  }

  // Every file is the example's again: nothing left to commit proves the replay ends where the example is.
  const left = git(dir, 'status', '--porcelain');
  if (left.trim() !== '') fail(`the replay does not end at the example's files:\n${left}`);
  tagLastBefore(dir, 'v2026-q3', Q3_END, 'tag');
  tagLastBefore(dir, 'refs/remotes/origin/main', daysBefore(AS_OF, 7), 'update-ref');
  process.stdout.write(`${dir}\n`);
}

/** Each status update's date, author and overall RAG, and where its item starts and the list ends in the text. */
function statusUpdates(text, path) {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) fail(`${path} does not parse: ${doc.errors[0].message}`);
  const pair = doc.contents?.items?.find((item) => item.key?.value === 'status');
  if (!pair) return [];
  return pair.value.items.map((item) => ({
    date: String(item.get('date')),
    by: String(item.get('by')),
    overall: String(item.get('overall')),
  }));
}

/**
 * The project's text with only the status updates dated on or before `date` (none: no `status` key at all). The
 * later items are cut from the text itself, so every byte kept is the example's: a commit's diff is the update.
 */
function withUpdatesUpTo(text, path, date) {
  const doc = parseDocument(text, { keepSourceTokens: true });
  const pair = doc.contents?.items?.find((item) => item.key?.value === 'status');
  if (!pair) return text;
  const items = pair.value.items;
  const kept = items.filter((item) => String(item.get('date')) <= date).length;
  if (kept < items.length && items.slice(kept).some((item) => String(item.get('date')) <= date)) fail(`${path}: status updates out of date order`);
  if (kept === items.length) return text;
  const from = lineStart(text, kept === 0 ? pair.key.range[0] : items[kept].range[0]);
  const to = lineEnd(text, pair.value.range[1]);
  return text.slice(0, from) + text.slice(to);
}

const lineStart = (text, at) => text.lastIndexOf('\n', at - 1) + 1;

function lineEnd(text, at) {
  // range[1] is where the value ends: just after its last character, or at the start of the line after it.
  if (at > 0 && text[at - 1] === '\n') return at;
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end + 1;
}

/** The files of a folder, removed from the work tree and returned (path and bytes) to be written back later. */
function takeAside(dir, folder) {
  if (!existsSync(join(dir, folder))) return [];
  const files = readdirSync(join(dir, folder)).sort().map((name) => ({ path: `${folder}/${name}`, bytes: readFileSync(join(dir, folder, name)) }));
  rmSync(join(dir, folder), { recursive: true });
  mkdirSync(join(dir, folder));
  return files;
}

/** people.yaml's ids and names: commits are signed with the name, as a PM's git would. */
function names(text) {
  const list = parseDocument(text).toJS().people ?? [];
  return new Map(list.map((p) => [p.id, p.name]));
}

function daysBefore(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

function commit(dir, when, author, message) {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message, { when, author });
}

/** `name` on the last commit dated on or before `date` (a tag, or a ref by update-ref). */
function tagLastBefore(dir, name, date, how) {
  const id = git(dir, 'rev-list', '-1', `--before=${date}T23:59:59+00:00`, 'HEAD').trim();
  if (!id) fail(`no commit on or before ${date} for ${name}`);
  git(dir, how, name, id);
}

/** git with no user or system config (the same ids on every machine); the last argument may give a commit's author and date. */
function git(dir, ...args) {
  const last = args[args.length - 1];
  const stamp = typeof last === 'object' ? args.pop() : undefined;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));
  Object.assign(env, { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', TZ: 'UTC', LC_ALL: 'C' });
  if (stamp) {
    Object.assign(env, {
      GIT_AUTHOR_NAME: stamp.author.name,
      GIT_AUTHOR_EMAIL: stamp.author.email,
      GIT_AUTHOR_DATE: stamp.when,
      GIT_COMMITTER_NAME: PMO.name,
      GIT_COMMITTER_EMAIL: PMO.email,
      GIT_COMMITTER_DATE: stamp.when,
    });
  }
  const config = ['-c', `user.name=${PMO.name}`, '-c', `user.email=${PMO.email}`, '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'core.autocrlf=false'];
  return execFileSync('git', [...config, ...args], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function fail(message) {
  process.stderr.write(`example-history: ${message}\n`);
  process.exit(2);
}

main(process.argv.slice(2));
