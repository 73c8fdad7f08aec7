/** Finds the PMO repository root and the files of each kind in it (FORMAT.md's layout). */
import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';
import { ConfigError, UsageError } from '../errors.js';
import { CONFIG_FILE } from '../layout.js';

export type FileKind = 'config' | 'people' | 'goals' | 'waivers' | 'project' | 'request' | 'ruleset';

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

const YAML_FILE = /\.ya?ml$/;

/** picomatch, loaded only when a glob needs it (loading it costs a warm check ~30 ms). */
export const picomatch = (): typeof Picomatch => createRequire(import.meta.url)('picomatch') as typeof Picomatch;

/** `dir/*.yaml`: the common ruleset glob, matched without a glob library. */
const SIMPLE_GLOB = /^([\w.-]+(?:\/[\w.-]+)*)\/\*\.(ya?ml)$/;

/** A file, or a symbolic link to one (a PMO may link shared rule files or projects into its repo). */
function isFile(root: string, path: string, entry: Dirent): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(join(root, path)).isFile();
  } catch {
    return false; // a dangling link
  }
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

/** Every file pmo reads, config first, in a stable order. */
export function discoverFiles(root: string, rulesetGlobs: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [{ path: CONFIG_FILE, kind: 'config' }];
  for (const [path, kind] of SINGLE_FILES) {
    if (!existsSync(join(root, path))) continue;
    if (!statSync(join(root, path)).isFile()) throw new ConfigError(`${path} is not a file: pmo reads ${path} as a file of the PMO repository; rename or remove what is there`);
    files.push({ path, kind });
  }
  files.push(...yamlFilesIn(root, 'projects').map((path) => ({ path, kind: 'project' as const })));
  files.push(...yamlFilesIn(root, 'requests').map((path) => ({ path, kind: 'request' as const })));
  files.push(...rulesetFiles(root, rulesetGlobs).map((path) => ({ path, kind: 'ruleset' as const })));
  return files;
}

/**
 * The same files picked from a list of repo paths instead of the file system: the files of git's index
 * (`pmo check --staged`). Links are files there too; a folder cannot be listed.
 */
export function classifyFiles(paths: readonly string[], rulesetGlobs: readonly string[]): SourceFile[] {
  const singles = new Map(SINGLE_FILES);
  const simple = rulesetGlobs.map((glob) => SIMPLE_GLOB.exec(glob)).filter((m) => m !== null);
  const globs = rulesetGlobs.filter((glob) => !SIMPLE_GLOB.test(glob)).map((glob) => picomatch()(glob));
  const found: Record<FileKind, string[]> = { config: [], people: [], goals: [], waivers: [], project: [], request: [], ruleset: [] };
  for (const path of paths) {
    if (!YAML_FILE.test(path)) continue;
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, Math.max(slash, 0));
    const single = slash < 0 ? singles.get(path) : undefined;
    if (single) found[single].push(path);
    if (dir === 'projects') found.project.push(path);
    if (dir === 'requests') found.request.push(path);
    if (simple.some(([, base, ext]) => dir === base && path.endsWith(`.${ext}`)) || globs.some((isMatch) => isMatch(path))) found.ruleset.push(path);
  }
  const sorted = (kind: FileKind) => found[kind].sort().map((path) => ({ path, kind }));
  return [{ path: CONFIG_FILE, kind: 'config' }, ...SINGLE_FILES.flatMap(([, kind]) => sorted(kind)), ...sorted('project'), ...sorted('request'), ...sorted('ruleset')];
}

function yamlFilesIn(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((entry) => YAML_FILE.test(entry.name) && isFile(root, `${dir}/${entry.name}`, entry))
    .map((entry) => `${dir}/${entry.name}`)
    .sort();
}

/** Rule files: the globs of pmo.yaml `rulesets` (default rules/*.yaml), matched in their base directories. */
function rulesetFiles(root: string, globs: readonly string[]): string[] {
  const found = new Set<string>();
  for (const glob of globs) {
    const simple = SIMPLE_GLOB.exec(glob);
    if (simple) {
      for (const path of yamlFilesIn(root, simple[1]!)) if (path.endsWith(`.${simple[2]}`)) found.add(path);
      continue;
    }
    const { base } = picomatch().scan(glob);
    const isMatch = picomatch()(glob);
    for (const path of walkYaml(root, base)) if (isMatch(path)) found.add(path);
  }
  return [...found].sort();
}

function walkYaml(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') out.push(...walkYaml(root, path));
    else if (YAML_FILE.test(entry.name) && isFile(root, path, entry)) out.push(path);
  }
  return out;
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
