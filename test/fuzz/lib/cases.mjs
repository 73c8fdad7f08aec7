/**
 * A fuzz case: which file of the example portfolio (examples/acme) to mutate, the content mutations, and
 * optionally a change to the file system (the file made a link, a folder linked outside the repository).
 * A case is plain JSON: a failing one is written down as it is and replayed from its note.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { applyContent, contentMutation } from './mutations.mjs';
import { applyFolderLink, applyLink, fileLink, folderLink } from './links.mjs';
import { bufferOf } from './text.mjs';

export const PORTFOLIO = fileURLToPath(new URL('../../../examples/acme/', import.meta.url));

const yamlIn = (dir) => (existsSync(join(PORTFOLIO, dir)) ? readdirSync(join(PORTFOLIO, dir)).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => `${dir}/${n}`) : []);

/** The portfolio's YAML files: what pmo reads. */
export const FILES = {
  config: ['pmo.yaml'],
  single: ['people.yaml', 'goals.yaml', 'waivers.yaml'].filter((f) => existsSync(join(PORTFOLIO, f))),
  projects: yamlIn('projects'),
  requests: yamlIn('requests'),
  rules: yamlIn('rules'),
};

/** pmo.yaml and the PMO's rule files are configuration: a problem in them may stop pmo (exit 2), naming where. */
export const isConfigFile = (file) => FILES.config.includes(file) || FILES.rules.includes(file);

/** Projects most (the rules and reports are about them), each other kind of file some of the time. */
const file = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FILES.projects) },
  { weight: 2, arbitrary: fc.constantFrom(...FILES.single) },
  { weight: 1, arbitrary: fc.constantFrom(...FILES.requests) },
  { weight: 1, arbitrary: fc.constantFrom(...FILES.config) },
  { weight: 1, arbitrary: fc.constantFrom(...FILES.rules) },
);

/** A case. `reports`: also run pmo status and the reports on it (one case in five). */
export const fuzzCase = fc.record({
  file,
  mutations: fc.array(contentMutation, { minLength: 1, maxLength: 3 }),
  // One case in eight changes the file system too.
  fs: fc.oneof({ weight: 21, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fileLink }, { weight: 1, arbitrary: folderLink }),
  reports: fc.nat({ max: 4 }).map((n) => n === 0),
});

/** The folders of one case: the repository (a copy of the portfolio) and a folder outside it, in a fresh temp folder. */
export function caseFolders(parent = tmpdir()) {
  const base = mkdtempSync(join(parent, 'pmo-fuzz-'));
  const dirs = { base, repo: join(base, 'repo'), outside: join(base, 'outside') };
  mkdirSync(dirs.outside);
  return dirs;
}

/** Lays out a case: the portfolio copied, the file's content mutated, then the file-system change. */
export function layOut(dirs, kase) {
  cpSync(PORTFOLIO, dirs.repo, { recursive: true });
  const path = join(dirs.repo, kase.file);
  writeFileSync(path, bufferOf(applyContent(readFileSync(path), kase.mutations)));
  if (kase.fs?.kind === 'link') applyLink(dirs, kase.file, kase.fs.to);
  if (kase.fs?.kind === 'folder-link') applyFolderLink(dirs, kase.fs.folder);
}
