/**
 * `pmo check` as a function: load → model → findings. The CLI is thin wiring over this; tests and other
 * tools call it directly.
 *
 * A warm run (nothing changed) reads files, hashes them and takes everything else from the parse cache: the
 * YAML parsers and zod are imported only when some file has to be parsed or located afresh.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from './errors.js';
import { compareFindings, type Finding, type RawFinding } from './findings.js';
import { CONFIG_FILE } from './layout.js';
import { ParseCache, cacheDir, type CacheEntry } from './load/cache.js';
import { discoverFiles, findRoot, pathFilter, type SourceFile } from './load/discover.js';
import { locateFindings } from './load/locate.js';
import type { PositionIndex } from './load/position.js';
import { readSource, type Source } from './load/read.js';
import { configFrom, type Config } from './model/config.js';
import type { Schemas } from './model/config-compile.js';
import { todayIso } from './model/dates.js';
import { checkIntegrity } from './model/integrity.js';
import { buildWorkspace, type Workspace } from './model/workspace.js';
import { BUILD_ID } from './version.js';

export interface CheckOptions {
  /** Where to start looking for pmo.yaml (default: process.cwd()). */
  cwd?: string;
  /** Files, directories or globs (relative to cwd) to report on; the whole repo is still loaded. */
  paths?: string[];
  /** YYYY-MM-DD; default: today on the local calendar. */
  today?: string;
  /** Use and update the parse cache (default true). */
  cache?: boolean;
}

export interface CheckResult {
  root: string;
  config: Config;
  workspace: Workspace;
  findings: Finding[];
  /** Files whose findings are reported (after narrowing by paths). */
  files: string[];
}

interface LoadedFile extends CacheEntry {
  source: Source;
  file: SourceFile;
}

/** The modules a cold run needs and a warm one does not. */
const heavy = {
  parse: () => import('./load/parse-yaml.js'),
  positions: () => import('./load/position-index.js'),
  compile: () => import('./model/config-compile.js'),
  validate: () => import('./model/validate-file.js'),
};

export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? todayIso();
  const root = findRoot(cwd);
  const cache = options.cache === false ? undefined : ParseCache.open(cacheDir(root), BUILD_ID);

  const configSource = readSource(root, CONFIG_FILE, 'config');
  let configEntry = cache?.config(configSource.hash);
  if (!configEntry) {
    configEntry = await loadConfig(configSource);
    cache?.setConfig(configEntry);
  }
  const config = configFrom(configEntry.data);

  const files = discoverFiles(root, config.rulesets).filter((f) => f.kind !== 'config');
  const sources = files.map((file) => ({ file, source: readSource(root, file.path, file.kind) }));
  const misses = sources.filter(({ file, source }) => !cache?.get(file.path, source.hash));
  const fresh = misses.length > 0 ? await parseAndValidate(misses, config) : new Map<string, CacheEntry>();
  const loaded: LoadedFile[] = sources.map(({ file, source }) => {
    const entry = fresh.get(file.path) ?? cache!.get(file.path, source.hash)!;
    if (fresh.has(file.path)) cache?.set(file.path, entry);
    return { ...entry, source, file };
  });

  const workspace = buildWorkspace(config, [
    { path: CONFIG_FILE, kind: 'config', data: configEntry.data },
    ...loaded.map((l) => ({ path: l.file.path, kind: l.file.kind, data: l.data })),
  ]);
  const raw: RawFinding[] = [
    ...configEntry.findings,
    ...loaded.flatMap((l) => l.findings),
    ...checkIntegrity(workspace, { today, exists: fileExists(root) }),
  ];
  const inScope = pathFilter(root, cwd, options.paths ?? []);
  const reported = applySeverities(raw, config).filter((f) => !inScope || inScope(f.file));

  const located = new Map<string, { text: string; entry: CacheEntry }>([
    [CONFIG_FILE, { text: configSource.text, entry: configEntry }],
    ...loaded.map((l): [string, { text: string; entry: CacheEntry }] => [l.file.path, { text: l.source.text, entry: l }]),
  ]);
  await indexWhereNeeded(reported, located, cache);
  const findings = locateFindings(reported, (path) => {
    const file = located.get(path);
    return file && { text: file.text, positions: () => file.entry.positions ?? {} };
  }).sort(compareFindings);

  if (cache) {
    cache.retain(new Set(loaded.map((l) => l.file.path)));
    cache.save();
  }
  return {
    root,
    config,
    workspace,
    findings,
    files: [CONFIG_FILE, ...loaded.map((l) => l.file.path)].filter((path) => !inScope || inScope(path)),
  };
}

/** pmo.yaml, read fully: any problem but an unknown field stops the run (exit 2) with its positions. */
async function loadConfig(source: Source): Promise<CacheEntry> {
  const [{ parseYamlFully }, { indexPositions }, { validateConfig, buildSchemas }, { ExtensionError }] = await Promise.all([
    heavy.parse(),
    heavy.positions(),
    heavy.compile(),
    import('./model/extend.js'),
  ]);
  const parsed = parseYamlFully(source.text, CONFIG_FILE);
  const positions = parsed.doc ? indexPositions(parsed.doc) : {};
  const fatal = (findings: RawFinding[], why: string): never => {
    const lines = locateFindings(findings, () => ({ text: source.text, positions: () => positions }))
      .sort(compareFindings)
      .map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.message}  (${f.rule})`);
    throw new ConfigError(`${CONFIG_FILE} ${why}:\n${lines.join('\n')}`);
  };
  const yamlProblems = [...(source.encodingFinding ? [source.encodingFinding] : []), ...parsed.findings];
  if (yamlProblems.length > 0) fatal(yamlProblems, 'cannot be read, so nothing was checked');

  const findings = validateConfig(parsed.data);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) fatal(errors, 'has settings pmo cannot use; fix them first');
  try {
    buildSchemas(parsed.data);
  } catch (error) {
    if (!(error instanceof ExtensionError)) throw error;
    const at = { path: error.path };
    fatal([{ rule: 'config/schema-extension', severity: 'error', message: error.message, file: CONFIG_FILE, at }], 'has a schema extension pmo cannot use');
  }
  return { hash: source.hash, data: parsed.data, findings, positions };
}

async function parseAndValidate(misses: Array<{ file: SourceFile; source: Source }>, config: Config): Promise<Map<string, CacheEntry>> {
  const [{ parseYaml }, { indexPositions }, { buildSchemas }, { validateFile }] = await Promise.all([
    heavy.parse(),
    heavy.positions(),
    heavy.compile(),
    heavy.validate(),
  ]);
  const schemas: Schemas = buildSchemas(config.data);
  const entries = new Map<string, CacheEntry>();
  for (const { file, source } of misses) {
    const parsed = parseYaml(source.text, file.path);
    const findings = [
      ...(source.encodingFinding ? [source.encodingFinding] : []),
      ...parsed.findings,
      ...(parsed.data === undefined ? [] : validateFile(file.kind, file.path, parsed.data, config, schemas)),
    ];
    // The full parser already holds the positions: keep them while they are free.
    const positions = parsed.doc && findings.length > 0 ? indexPositions(parsed.doc) : undefined;
    entries.set(file.path, { hash: source.hash, data: parsed.data, findings, ...(positions ? { positions } : {}) });
  }
  return entries;
}

/** Builds the position index of every file a path-anchored finding points into, if not cached. */
async function indexWhereNeeded(
  findings: readonly RawFinding[],
  files: Map<string, { text: string; entry: CacheEntry }>,
  cache: ParseCache | undefined,
): Promise<void> {
  const needed = new Set(findings.filter((f) => 'path' in f.at).map((f) => f.file));
  const missing = [...needed].filter((path) => files.get(path) && !files.get(path)!.entry.positions);
  if (missing.length === 0) return;
  const { indexPositionsOfText } = await heavy.positions();
  for (const path of missing) {
    const file = files.get(path)!;
    file.entry.positions = indexPositionsOfText(file.text);
    if (path !== CONFIG_FILE) {
      const { hash, data, findings: own, positions } = file.entry;
      cache?.set(path, { hash, data, findings: own, positions: positions as PositionIndex });
    }
  }
}

/** Whether a repo-relative path is an existing file; one directory listing per directory, however many records. */
function fileExists(root: string): (path: string) => boolean {
  const listings = new Map<string, Map<string, boolean>>();
  return (path) => {
    const dir = dirname(path);
    let listing = listings.get(dir);
    if (!listing) {
      const abs = join(root, dir);
      listing = new Map();
      try {
        for (const entry of readdirSync(abs, { withFileTypes: true })) listing.set(entry.name, entry.isFile() || entry.isSymbolicLink());
      } catch {
        // no such directory (or not a directory): nothing in it exists
      }
      listings.set(dir, listing);
    }
    return listing.get(path.slice(dir === '.' ? 0 : dir.length + 1)) === true;
  };
}

/** The PMO's `rules:` overrides in pmo.yaml apply to every finding, schema ones included. */
function applySeverities(findings: RawFinding[], config: Config): RawFinding[] {
  return findings.flatMap((finding) => {
    const level = config.rules[finding.rule];
    if (level === 'off') return [];
    return level ? [{ ...finding, severity: level }] : [finding];
  });
}
