/**
 * `pmo check` as a function: load → model → findings. The CLI is thin wiring over this; tests and other
 * tools call it directly.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './errors.js';
import { compareFindings, type Finding, type RawFinding } from './findings.js';
import { CONFIG_FILE } from './layout.js';
import { ParseCache, cacheDir, type CacheEntry } from './load/cache.js';
import { discoverFiles, findRoot, pathFilter, type SourceFile } from './load/discover.js';
import { locateFindings, type LocatableFile } from './load/locate.js';
import { parseYaml, parseYamlFully } from './load/parse-yaml.js';
import { indexPositions, indexPositionsOfText, type PositionIndex } from './load/position.js';
import { readSource, type Source } from './load/read.js';
import { compileConfig, type Config } from './model/config.js';
import { todayIso } from './model/dates.js';
import { checkIntegrity } from './model/integrity.js';
import { validateFile } from './model/validate-file.js';
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

interface LoadedSource extends CacheEntry {
  source: Source;
  file: SourceFile;
  positionIndex?: () => PositionIndex;
}

export function check(options: CheckOptions = {}): CheckResult {
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? todayIso();
  const root = findRoot(cwd);
  const { config, findings: configFindings, configSource } = loadConfig(root);

  const files = discoverFiles(root, config.rulesets);
  const cache = options.cache === false ? undefined : ParseCache.open(cacheDir(root), `${BUILD_ID}:${config.fingerprint}`);
  const loaded = files.filter((f) => f.kind !== 'config').map((file) => loadFile(root, file, config, cache));

  const workspace = buildWorkspace(config, [
    { path: CONFIG_FILE, kind: 'config', data: undefined },
    ...loaded.map((l) => ({ path: l.file.path, kind: l.file.kind, data: l.data })),
  ]);
  const exists = (path: string) => {
    const abs = join(root, path);
    return existsSync(abs) && statSync(abs).isFile();
  };
  const raw: RawFinding[] = [
    ...configFindings,
    ...loaded.flatMap((l) => l.findings),
    ...checkIntegrity(workspace, { today, exists }),
  ];

  const inScope = pathFilter(root, cwd, options.paths ?? []);
  const reported = applySeverities(raw, config).filter((f) => !inScope || inScope(f.file));

  const byPath = new Map<string, LoadedSource>(loaded.map((l) => [l.file.path, l]));
  const findings = locateFindings(reported, (path): LocatableFile | undefined => {
    if (path === CONFIG_FILE) return { text: configSource.text, positions: () => configSource.positions };
    const entry = byPath.get(path);
    if (!entry) return undefined;
    return {
      text: entry.source.text,
      positions: () => {
        if (!entry.positions) {
          entry.positions = entry.positionIndex?.() ?? indexPositionsOfText(entry.source.text);
          cache?.set(path, { hash: entry.hash, data: entry.data, findings: entry.findings, positions: entry.positions });
        }
        return entry.positions;
      },
    };
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

function loadFile(root: string, file: SourceFile, config: Config, cache: ParseCache | undefined): LoadedSource {
  const source = readSource(root, file.path, file.kind);
  const hit = cache?.get(file.path, source.hash);
  if (hit) return { ...hit, source, file };

  const parsed = parseYaml(source.text, file.path);
  const findings = [
    ...(source.encodingFinding ? [source.encodingFinding] : []),
    ...parsed.findings,
    ...(parsed.data === undefined ? [] : validateFile(file.kind, file.path, parsed.data, config)),
  ];
  const entry: CacheEntry = { hash: source.hash, data: parsed.data, findings };
  cache?.set(file.path, entry);
  const doc = parsed.doc;
  return { ...entry, source, file, ...(doc ? { positionIndex: () => indexPositions(doc) } : {}) };
}

/** pmo.yaml is read fully (positions always: its errors stop the run and must say where). */
function loadConfig(root: string): {
  config: Config;
  findings: RawFinding[];
  configSource: { text: string; positions: PositionIndex };
} {
  const source = readSource(root, CONFIG_FILE, 'config');
  const parsed = parseYamlFully(source.text, CONFIG_FILE);
  const positions = parsed.doc ? indexPositions(parsed.doc) : {};
  const configSource = { text: source.text, positions };
  const fatal = (findings: RawFinding[], why: string): never => {
    const lines = locateFindings(findings, () => ({ text: source.text, positions: () => positions }))
      .sort(compareFindings)
      .map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.message}  (${f.rule})`);
    throw new ConfigError(`${CONFIG_FILE} ${why}:\n${lines.join('\n')}`);
  };
  const yamlProblems = [...(source.encodingFinding ? [source.encodingFinding] : []), ...parsed.findings];
  if (yamlProblems.length > 0) fatal(yamlProblems, 'cannot be read, so nothing was checked');

  const { config, findings, extensionError } = compileConfig(parsed.data);
  if (extensionError) {
    fatal(
      [{ rule: 'config/schema-extension', severity: 'error', message: extensionError.message, file: CONFIG_FILE, at: { path: extensionError.path } }],
      'has a schema extension pmo cannot use',
    );
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) fatal(errors, 'has settings pmo cannot use; fix them first');
  return { config, findings, configSource };
}

/** The PMO's `rules:` overrides in pmo.yaml apply to every finding, schema ones included. */
function applySeverities(findings: RawFinding[], config: Config): RawFinding[] {
  return findings.flatMap((finding) => {
    const level = config.rules[finding.rule];
    if (level === 'off') return [];
    return level ? [{ ...finding, severity: level }] : [finding];
  });
}
