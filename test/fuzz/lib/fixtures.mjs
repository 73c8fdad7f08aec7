/**
 * Regression fixtures: a failing case written down as test/fixtures/fuzz/<name>/, the mutated file's bytes
 * under files/ and a note (note.json) of where it came from (seed, path), what failed, and what is expected.
 * test/fuzz/fixtures.test.ts replays every one of them.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyContent } from './mutations.mjs';
import { applyFolderLink, applyLink } from './links.mjs';
import { PORTFOLIO } from './cases.mjs';
import { bufferOf } from './text.mjs';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/fuzz/', import.meta.url));

export const EXPECTATION =
  'pmo check exits 0 or 1 (2 only for a broken pmo.yaml or rule file, naming file:line) with every finding located; ' +
  'status and the reports exit 0 or 1 and list a broken file as left out; no internal error, stack trace, hang (10 s), ' +
  'or write outside the repository (test/fuzz/lib/judge.mjs)';

/** Writes a case as a fixture; `found`: { how (the command that found it), problems }. Gives the fixture's folder. */
export function writeFixture(name, kase, found) {
  const dir = join(FIXTURES, name);
  const file = join(dir, 'files', kase.file);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bufferOf(applyContent(readFileSync(join(PORTFOLIO, kase.file)), kase.mutations)));
  const note = {
    found: found.how,
    file: kase.file,
    fs: kase.fs,
    mutations: kase.mutations,
    problems: found.problems,
    expect: EXPECTATION,
  };
  writeFileSync(join(dir, 'note.json'), `${JSON.stringify(note, null, 2)}\n`);
  return dir;
}

export const listFixtures = () => (existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((n) => existsSync(join(FIXTURES, n, 'note.json'))).sort() : []);

/** A fixture as a case to run: the portfolio with the fixture's files over it, then its file-system change. */
export function fixtureCase(name) {
  const dir = join(FIXTURES, name);
  const note = JSON.parse(readFileSync(join(dir, 'note.json'), 'utf8'));
  const kase = { file: note.file, fs: note.fs, mutations: [], reports: true };
  const layout = (dirs) => {
    cpSync(PORTFOLIO, dirs.repo, { recursive: true });
    cpSync(join(dir, 'files'), dirs.repo, { recursive: true });
    if (note.fs?.kind === 'link') applyLink(dirs, note.file, note.fs.to);
    if (note.fs?.kind === 'folder-link') applyFolderLink(dirs, note.fs.folder);
  };
  return { kase, layout, note };
}
