/**
 * `pmo check` as a function: load → model → findings. The CLI is thin wiring over this; tests and other
 * tools call it directly.
 *
 * A warm run (nothing changed) reads and hashes the files and takes the rest from the parse cache: each
 * file's own findings, the facts cross-file checks need, and where its findings point. The YAML parsers and
 * zod are imported only when some file has to be parsed, validated or located afresh.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from './errors.js';
import { compareFindings, type Finding, type RawFinding } from './findings.js';
import { CONFIG_FILE } from './layout.js';
import { ParseCache, cacheDir, type CacheEntry } from './load/cache.js';
import { discoverFiles, findRoot, pathFilter, type SourceFile } from './load/discover.js';
import { locateFindings } from './load/locate.js';
import { anchorKey } from './load/position.js';
import type { PathAnchor } from './load/position-index.js';
import { readSource, type Source } from './load/read.js';
import { configFrom, type Config } from './model/config.js';
import { todayIso } from './model/dates.js';
import { brokenReferenceFindings, findBrokenValues } from './model/integrity.js';
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
  findings: Finding[];
  /** Files whose findings are reported (after narrowing by paths). */
  files: string[];
}

/** A file as the later steps see it: its cache entry, and its text when (rarely) needed again. */
interface LoadedFile extends SourceFile {
  entry: CacheEntry;
  text: () => string;
  /** The entry is new or gained something this run: the cache must be written. */
  changed?: boolean;
}

/** The modules a cold run needs and a warm one does not. */
const heavy = {
  parse: () => import('./load/parse-yaml.js'),
  positions: () => import('./load/position-index.js'),
  compile: () => import('./model/config-compile.js'),
  validate: () => import('./model/validate-file.js'),
  references: () => import('./model/references.js'),
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

  // Texts are kept only until parsed (at 5,000 projects they are 40 MB); files with findings are read again.
  const texts = new Map<string, string>([[CONFIG_FILE, configSource.text]]);
  const textOf = (file: SourceFile) => () => memo(texts, file.path, () => readSource(root, file.path, file.kind).text);
  const files: LoadedFile[] = [{ path: CONFIG_FILE, kind: 'config', entry: configEntry, text: () => configSource.text }];
  const misses: Array<Source | undefined> = [];
  for (const file of discoverFiles(root, config.rulesets).filter((f) => f.kind !== 'config')) {
    const source = readSource(root, file.path, file.kind);
    const hit = cache?.get(file.path, source.hash);
    if (!hit) misses.push(source);
    files.push({ ...file, entry: hit ?? { hash: source.hash, findings: [] }, text: textOf(file) });
  }
  if (misses.length > 0) {
    const fresh = await parseAndValidate(misses, config);
    for (const file of files) {
      const entry = fresh.get(file.path);
      if (entry) Object.assign(file, { entry, changed: true });
    }
  }
  const byPath = new Map(files.map((f) => [f.path, f]));

  const broken = findBrokenValues(
    files.map((f) => ({ path: f.path, kind: f.kind, facts: f.entry.facts })),
    { today, exists: fileExists(root) },
  );
  await describe(new Set(broken.map((b) => b.file)), [], byPath);
  const raw: RawFinding[] = [
    ...files.flatMap((f) => f.entry.findings),
    ...brokenReferenceFindings(broken, (path) => byPath.get(path)?.entry.references ?? []),
  ];
  const inScope = pathFilter(root, cwd, options.paths ?? []);
  const reported = applySeverities(raw, config).filter((f) => !inScope || inScope(f.file));

  await describe([], reported, byPath);
  const findings = locateFindings(reported, (path) => {
    const file = byPath.get(path);
    return file && { text: file.text(), spans: file.entry.spans ?? {} };
  }).sort(compareFindings);

  if (cache) {
    for (const file of files) if (file.changed && file.kind !== 'config') cache.set(file.path, file.entry);
    cache.retain(new Set(files.map((f) => f.path)));
    cache.save();
  }
  return { root, config, findings, files: files.map((f) => f.path).filter((path) => !inScope || inScope(path)) };
}

/** pmo.yaml, read fully: any problem but an unknown field stops the run (exit 2) with its positions. */
async function loadConfig(source: Source): Promise<CacheEntry> {
  const [{ parseYamlFully }, { spansFor }, { validateConfig, buildSchemas }, { ExtensionError }] = await Promise.all([
    heavy.parse(),
    heavy.positions(),
    heavy.compile(),
    import('./model/extend.js'),
  ]);
  const parsed = parseYamlFully(source.text, CONFIG_FILE);
  const locate = (findings: RawFinding[]) => {
    const spans = parsed.doc ? spansFor(parsed.doc, pathAnchors(findings)) : {};
    return { spans, findings: locateFindings(findings, () => ({ text: source.text, spans })).sort(compareFindings) };
  };
  const fatal = (findings: RawFinding[], why: string): never => {
    const lines = locate(findings).findings.map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.message}  (${f.rule})`);
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
  return { hash: source.hash, data: parsed.data, findings, spans: locate(findings).spans };
}

/** Parses and validates the files the cache could not answer for, releasing each text once it is parsed. */
async function parseAndValidate(misses: Array<Source | undefined>, config: Config): Promise<Map<string, CacheEntry>> {
  const [{ parseYaml }, { spansFor }, { buildSchemas }, { validateFile }, { extractFacts }] = await Promise.all([
    heavy.parse(),
    heavy.positions(),
    heavy.compile(),
    heavy.validate(),
    heavy.references(),
  ]);
  const schemas = buildSchemas(config.data);
  const entries = new Map<string, CacheEntry>();
  for (let i = 0; i < misses.length; i++) {
    const source = misses[i]!;
    misses[i] = undefined;
    const parsed = parseYaml(source.text, source.path);
    const findings = [
      ...(source.encodingFinding ? [source.encodingFinding] : []),
      ...parsed.findings,
      ...(parsed.data === undefined ? [] : validateFile(source.kind, source.path, parsed.data, config, schemas)),
    ];
    // When the full parser ran, the positions are at hand: keep those the findings need.
    const spans = parsed.doc && findings.length > 0 ? spansFor(parsed.doc, pathAnchors(findings)) : undefined;
    entries.set(source.path, {
      hash: source.hash,
      findings,
      ...(parsed.data === undefined ? {} : { facts: extractFacts(source.kind, parsed.data) }),
      ...(spans ? { spans } : {}),
    });
  }
  return entries;
}

/**
 * Gives files what their findings need and their cache entries lack: the references of files with broken
 * ones (`referencesFor`), the spans of the findings' anchors (`findings`). One `yaml` parse a file.
 */
async function describe(referencesFor: Iterable<string>, findings: readonly RawFinding[], files: Map<string, LoadedFile>): Promise<void> {
  const anchors = new Map<string, PathAnchor[]>();
  for (const f of findings) if ('path' in f.at) anchors.set(f.file, [...(anchors.get(f.file) ?? []), f.at]);
  const wantsReferences = new Set([...referencesFor].filter((path) => files.get(path)?.entry.facts && !files.get(path)?.entry.references));
  const wantsSpans = [...anchors].filter(([path, list]) => list.some((a) => !files.get(path)?.entry.spans?.[anchorKey(a)]));
  if (wantsReferences.size === 0 && wantsSpans.length === 0) return;

  const [{ parseDocument }, { spansFor }, { YAML_OPTIONS, MAX_ALIAS_COUNT }, { extractReferences }] = await Promise.all([
    import('yaml'),
    heavy.positions(),
    heavy.parse(),
    heavy.references(),
  ]);
  for (const path of new Set([...wantsReferences, ...wantsSpans.map(([p]) => p)])) {
    const file = files.get(path);
    if (!file) continue;
    const doc = parseDocument(file.text(), YAML_OPTIONS);
    if (wantsReferences.has(path)) file.entry.references = extractReferences(file.kind, doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    const needed = anchors.get(path);
    if (needed) file.entry.spans = { ...file.entry.spans, ...spansFor(doc, needed) };
    file.changed = true;
  }
}

const pathAnchors = (findings: readonly RawFinding[]): PathAnchor[] =>
  findings.flatMap((f) => ('path' in f.at ? [f.at] : []));

function memo<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  if (!map.has(key)) map.set(key, make());
  return map.get(key)!;
}

/** Whether a repo-relative path is an existing file; one directory listing per directory, however many records. */
function fileExists(root: string): (path: string) => boolean {
  const listings = new Map<string, Map<string, boolean>>();
  return (path) => {
    const dir = dirname(path);
    let listing = listings.get(dir);
    if (!listing) {
      listing = new Map();
      try {
        for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) listing.set(entry.name, entry.isFile() || entry.isSymbolicLink());
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
