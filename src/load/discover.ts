/** Finds the PMO repository root and the files of each kind in it (FORMAT.md's layout). */
import { existsSync, lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';
import { ConfigError, UsageError } from '../errors.js';
import { CONFIG_FILE, YAML_FILE } from '../layout.js';
import type { RawFinding } from '../findings.js';

export type FileKind = 'config' | 'people' | 'goals' | 'waivers' | 'project' | 'request' | 'audit' | 'ruleset';

export interface SourceFile {
  /** Repo-relative, forward slashes. */
  path: string;
  kind: FileKind;
}

const SINGLE_FILES: ReadonlyArray<[string, FileKind]> = [
  ['people.yaml', 'people'],
  ['goals.yaml', 'goals'],
  ['waivers.yaml', 'waivers'],
];

/** A path pmo reads as YAML: its name ends in .yaml or .yml. */

/** Folders of one file per id: projects, intake requests, audits. */
const FOLDERS = [['projects', 'project'], ['requests', 'request'], ['audits', 'audit']] as const;

/** picomatch, loaded only when a glob needs it (loading it costs a warm check ~30 ms). */
export const picomatch = (): typeof Picomatch => createRequire(import.meta.url)('picomatch') as typeof Picomatch;

/** `dir/*.yaml`: the common ruleset glob, matched without a glob library. */
const SIMPLE_GLOB = /^([\w.-]+(?:\/[\w.-]+)*)\/\*\.(ya?ml)$/;

/** A file, or a symbolic link to one (a PMO may link shared rule files or projects into its repo). */
function isFile(root: string, path: string, entry: Dirent): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  return isFileAt(join(root, path));
}

function isFileAt(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false; // a dangling link, or one to itself
  }
}

/** What discovery found: the files pmo reads, and the data files' names that are not files. */
export interface Discovered {
  files: SourceFile[];
  /**
   * A people.yaml, goals.yaml, waivers.yaml, project or request that is a folder, a device, a FIFO or a link
   * to nothing: not read (it could hang pmo or fill its memory), reported as a finding of its own.
   */
  notFiles: SourceFile[];
}

/** Walks up from `start` to the directory holding pmo.yaml. */
export function findRoot(start: string): string {
  const from = resolve(start);
  if (!existsSync(from)) throw new UsageError(`directory not found: ${start}`);
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new ConfigError(
    `no ${CONFIG_FILE} found in ${from} or any directory above it.\n` +
      `pmo works in a PMO repository: a directory with a ${CONFIG_FILE} at its root (see docs/format.md).\n` +
      `Run pmo inside one, point at it with -C <dir>, or run \`pmo init\` to start one here.`,
  );
}

/** Every file pmo reads, config first, in a stable order; and the data files that are not files. */
export function discoverFiles(root: string, rulesetGlobs: readonly string[]): Discovered {
  const files: SourceFile[] = [{ path: CONFIG_FILE, kind: 'config' }];
  const notFiles: SourceFile[] = [];
  for (const [path, kind] of SINGLE_FILES) {
    if (!isPresent(join(root, path))) continue;
    (isFileAt(join(root, path)) ? files : notFiles).push({ path, kind });
  }
  for (const [dir, kind] of FOLDERS) {
    const { yes, no } = yamlEntriesIn(root, dir);
    files.push(...yes.map((path) => ({ path, kind })));
    notFiles.push(...no.map((path) => ({ path, kind })));
  }
  const rules = rulesetFiles(root, rulesetGlobs);
  // The PMO's rules are configuration, as pmo.yaml is: one that cannot be read stops the run, as a broken one does.
  if (rules.no.length > 0) {
    throw new ConfigError(`${rules.no.join(', ')} ${rules.no.length === 1 ? 'is' : 'are'} not a file (a folder, a device, a pipe, or a link to nothing), but pmo.yaml's rulesets name it: the PMO's rules are not checked without it; replace it with a file, or remove it`);
  }
  files.push(...rules.yes.map((path) => ({ path, kind: 'ruleset' as const })));
  return { files, notFiles };
}

export const NOT_A_FILE = 'yaml/not-a-file';

/** A data file that is not a file, as a finding at its start: the rest of the portfolio is still checked. */
export function notAFileFinding(file: SourceFile): RawFinding {
  const message = `${file.path} is not a file (a folder, a device, a pipe, or a link to nothing): pmo did not read it; replace it with a file, or remove it`;
  return { rule: NOT_A_FILE, severity: 'error', message, file: file.path, at: { offset: 0, endOffset: 0 } };
}

export const TOO_LARGE = 'yaml/too-large';

/**
 * A data file larger than any PMO file (see MAX_FILE_BYTES), as a finding at its start: not read (it would fill
 * pmo's memory), and the rest of the portfolio is still checked. pmo.yaml and rule files stop the run instead.
 */
export function tooLargeFinding(file: SourceFile, size: number, limit: number): RawFinding {
  const message = `${file.path} is ${size} bytes, more than pmo reads (${limit / 1024 / 1024} MiB): no PMO file is that large, and pmo did not read it; find what grew it (a pasted export, a generated list) and cut it down`;
  return { rule: TOO_LARGE, severity: 'error', message, file: file.path, at: { offset: 0, endOffset: 0 } };
}

/** Something is there, if only a link to nothing. */
function isPresent(abs: string): boolean {
  try {
    return lstatSync(abs) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The same files picked from a list of repo paths instead of the file system: the files of git's index
 * (`pmo check --staged`). Links are files there too; a folder cannot be listed.
 */
export function classifyFiles(paths: readonly string[], rulesetGlobs: readonly string[]): SourceFile[] {
  const singles = new Map(SINGLE_FILES);
  const simple = rulesetGlobs.map((glob) => SIMPLE_GLOB.exec(glob)).filter((m) => m !== null);
  const globs = rulesetGlobs.filter((glob) => !SIMPLE_GLOB.test(glob)).map((glob) => picomatch()(glob));
  const found: Record<FileKind, string[]> = { config: [], people: [], goals: [], waivers: [], project: [], request: [], audit: [], ruleset: [] };
  for (const path of paths) {
    if (!YAML_FILE.test(path)) continue;
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, Math.max(slash, 0));
    const single = slash < 0 ? singles.get(path) : undefined;
    if (single) found[single].push(path);
    if (dir === 'projects') found.project.push(path);
    if (dir === 'requests') found.request.push(path);
    if (dir === 'audits') found.audit.push(path);
    if (simple.some(([, base, ext]) => dir === base && path.endsWith(`.${ext}`)) || globs.some((isMatch) => isMatch(path))) found.ruleset.push(path);
  }
  const sorted = (kind: FileKind) => found[kind].sort().map((path) => ({ path, kind }));
  return [{ path: CONFIG_FILE, kind: 'config' }, ...SINGLE_FILES.flatMap(([, kind]) => sorted(kind)), ...sorted('project'), ...sorted('request'), ...sorted('audit'), ...sorted('ruleset')];
}

/** A folder's entries named *.yaml or *.yml: the files (and links to files), and the rest. */
function yamlEntriesIn(root: string, dir: string): { yes: string[]; no: string[] } {
  const found = { yes: [] as string[], no: [] as string[] };
  if (!existsSync(join(root, dir))) return found;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (YAML_FILE.test(entry.name)) found[isFile(root, `${dir}/${entry.name}`, entry) ? 'yes' : 'no'].push(`${dir}/${entry.name}`);
  }
  found.yes.sort();
  found.no.sort();
  return found;
}

/** Rule files: the globs of pmo.yaml `rulesets` (default rules/*.yaml), matched in their base directories. */
/** The rule files pmo.yaml's globs name: the files (and links to files), and the rest. */
function rulesetFiles(root: string, globs: readonly string[]): { yes: string[]; no: string[] } {
  const found = { yes: new Set<string>(), no: new Set<string>() };
  for (const glob of globs) {
    const simple = SIMPLE_GLOB.exec(glob);
    if (simple) {
      const { yes, no } = yamlEntriesIn(root, simple[1]!);
      for (const path of yes) if (path.endsWith(`.${simple[2]}`)) found.yes.add(path);
      for (const path of no) if (path.endsWith(`.${simple[2]}`)) found.no.add(path);
      continue;
    }
    const { base } = picomatch().scan(glob);
    const isMatch = picomatch()(glob);
    const walked = { yes: [] as string[], no: [] as string[] };
    walkYaml(root, base, walked);
    for (const path of walked.yes) if (isMatch(path)) found.yes.add(path);
    for (const path of walked.no) if (isMatch(path)) found.no.add(path);
  }
  return { yes: [...found.yes].sort(), no: [...found.no].sort() };
}

function walkYaml(root: string, dir: string, out: { yes: string[]; no: string[] }): void {
  const abs = join(root, dir);
  if (!existsSync(abs)) return;
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') walkYaml(root, path, out);
    else if (YAML_FILE.test(entry.name)) out[isFile(root, path, entry) ? 'yes' : 'no'].push(path);
  }
}

/**
 * `pmo check [paths...]`: files and globs given relative to the cwd, turned into a matcher over
 * repo-relative paths. A directory matches everything under it.
 */
export function pathFilter(root: string, cwd: string, patterns: readonly string[]): ((path: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const matchers = patterns.map((pattern) => {
    const rel = relative(root, resolve(cwd, pattern)).split(sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`${pattern} is outside the PMO repository at ${root}`);
    const isMatch = picomatch()(rel === '' ? '**' : rel, { dot: true });
    return (path: string) => isMatch(path) || rel === '' || path.startsWith(`${rel}/`);
  });
  return (path) => matchers.some((match) => match(path));
}
