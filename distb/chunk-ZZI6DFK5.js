import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  BUILTIN_RULE_IDS
} from "./chunk-LWS4JGSW.js";
import {
  ConfigError,
  UsageError
} from "./chunk-AQYAWNHD.js";
import {
  brokenReferenceFindings,
  buildRegistries,
  defaultSeverity,
  fileExists,
  findBrokenValues,
  runPortfolioRules
} from "./chunk-AD6RLNFM.js";
import {
  configFrom,
  didYouMean
} from "./chunk-Z7XGHFUL.js";
import {
  readsPortfolio
} from "./chunk-VLAGI7YW.js";
import {
  CONFIG_FILE,
  idOfFile
} from "./chunk-SQVBLHBJ.js";
import {
  isRecord
} from "./chunk-GDLKBVT7.js";
import {
  ParseCache,
  cacheDir
} from "./chunk-4U7J3DC7.js";
import {
  decodeSource,
  hashFile
} from "./chunk-CR2WQIQH.js";
import {
  daysBetween,
  todayIso
} from "./chunk-3MDRI6XN.js";
import {
  anchorKey,
  lineStarts,
  toPosition
} from "./chunk-5T6JFE2Z.js";

// dist/check.js
import { readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
import { join as join2 } from "node:path";

// dist/findings.js
var SEVERITY_RANK = { error: 3, warn: 2, info: 1 };
function compareFindings(a, b) {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

// dist/load/discover.js
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { createRequire } from "node:module";
var SINGLE_FILES = [
  ["people.yaml", "people"],
  ["goals.yaml", "goals"],
  ["waivers.yaml", "waivers"]
];
var YAML_FILE = /\.ya?ml$/;
var picomatch = () => createRequire(import.meta.url)("picomatch");
var SIMPLE_GLOB = /^([\w.-]+(?:\/[\w.-]+)*)\/\*\.(ya?ml)$/;
function isFile(root, path, entry) {
  if (entry.isFile())
    return true;
  if (!entry.isSymbolicLink())
    return false;
  try {
    return statSync(join(root, path)).isFile();
  } catch {
    return false;
  }
}
function findRoot(start) {
  const from = resolve(start);
  if (!existsSync(from))
    throw new UsageError(`directory not found: ${start}`);
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE)))
      return dir;
    if (dirname(dir) === dir)
      break;
  }
  throw new ConfigError(`no ${CONFIG_FILE} found in ${from} or any directory above it.
pmo works in a PMO repository: a directory with a ${CONFIG_FILE} at its root (see docs/format.md).
Run pmo inside one, point at it with -C <dir>, or create ${CONFIG_FILE} with at least "version: 1".`);
}
function discoverFiles(root, rulesetGlobs) {
  const files = [{ path: CONFIG_FILE, kind: "config" }];
  for (const [path, kind] of SINGLE_FILES) {
    if (!existsSync(join(root, path)))
      continue;
    if (!statSync(join(root, path)).isFile())
      throw new ConfigError(`${path} is not a file: pmo reads ${path} as a file of the PMO repository; rename or remove what is there`);
    files.push({ path, kind });
  }
  files.push(...yamlFilesIn(root, "projects").map((path) => ({ path, kind: "project" })));
  files.push(...yamlFilesIn(root, "requests").map((path) => ({ path, kind: "request" })));
  files.push(...rulesetFiles(root, rulesetGlobs).map((path) => ({ path, kind: "ruleset" })));
  return files;
}
function classifyFiles(paths, rulesetGlobs) {
  const singles = new Map(SINGLE_FILES);
  const simple = rulesetGlobs.map((glob) => SIMPLE_GLOB.exec(glob)).filter((m) => m !== null);
  const globs = rulesetGlobs.filter((glob) => !SIMPLE_GLOB.test(glob)).map((glob) => picomatch()(glob));
  const found = { config: [], people: [], goals: [], waivers: [], project: [], request: [], ruleset: [] };
  for (const path of paths) {
    if (!YAML_FILE.test(path))
      continue;
    const slash = path.lastIndexOf("/");
    const dir = path.slice(0, Math.max(slash, 0));
    const single = slash < 0 ? singles.get(path) : void 0;
    if (single)
      found[single].push(path);
    if (dir === "projects")
      found.project.push(path);
    if (dir === "requests")
      found.request.push(path);
    if (simple.some(([, base, ext]) => dir === base && path.endsWith(`.${ext}`)) || globs.some((isMatch) => isMatch(path)))
      found.ruleset.push(path);
  }
  const sorted = (kind) => found[kind].sort().map((path) => ({ path, kind }));
  return [{ path: CONFIG_FILE, kind: "config" }, ...SINGLE_FILES.flatMap(([, kind]) => sorted(kind)), ...sorted("project"), ...sorted("request"), ...sorted("ruleset")];
}
function yamlFilesIn(root, dir) {
  if (!existsSync(join(root, dir)))
    return [];
  return readdirSync(join(root, dir), { withFileTypes: true }).filter((entry) => YAML_FILE.test(entry.name) && isFile(root, `${dir}/${entry.name}`, entry)).map((entry) => `${dir}/${entry.name}`).sort();
}
function rulesetFiles(root, globs) {
  const found = /* @__PURE__ */ new Set();
  for (const glob of globs) {
    const simple = SIMPLE_GLOB.exec(glob);
    if (simple) {
      for (const path of yamlFilesIn(root, simple[1]))
        if (path.endsWith(`.${simple[2]}`))
          found.add(path);
      continue;
    }
    const { base } = picomatch().scan(glob);
    const isMatch = picomatch()(glob);
    for (const path of walkYaml(root, base))
      if (isMatch(path))
        found.add(path);
  }
  return [...found].sort();
}
function walkYaml(root, dir) {
  const abs = join(root, dir);
  if (!existsSync(abs))
    return [];
  const out = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules")
      out.push(...walkYaml(root, path));
    else if (YAML_FILE.test(entry.name) && isFile(root, path, entry))
      out.push(path);
  }
  return out;
}
function pathFilter(root, cwd, patterns) {
  if (patterns.length === 0)
    return void 0;
  const matchers = patterns.map((pattern) => {
    const rel = relative(root, resolve(cwd, pattern)).split(sep).join("/");
    if (rel.startsWith(".."))
      throw new UsageError(`${pattern} is outside the PMO repository at ${root}`);
    const isMatch = picomatch()(rel === "" ? "**" : rel, { dot: true });
    return (path) => isMatch(path) || rel === "" || path.startsWith(`${rel}/`);
  });
  return (path) => matchers.some((match) => match(path));
}

// dist/load/locate.js
function locateFindings(raw, fileOf) {
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of raw)
    byFile.set(finding.file, [...byFile.get(finding.file) ?? [], finding]);
  const located = [];
  for (const [path, findings] of byFile) {
    const file = fileOf(path);
    const starts = lineStarts(file?.text ?? "");
    for (const { at, ...rest } of findings) {
      const offsets = "offset" in at ? [at.offset, at.endOffset] : file?.spans[anchorKey(at)] ?? [0, 0];
      located.push({
        file: rest.file,
        ...toPosition(starts, offsets),
        rule: rest.rule,
        severity: rest.severity,
        message: rest.message,
        ...rest.project ? { project: rest.project } : {},
        ...rest.item ? { item: rest.item } : {},
        ...rest.waived ? { waived: rest.waived } : {}
      });
    }
  }
  return located;
}

// dist/parallel.js
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
var FILES_PER_THREAD = 300;
var WORKER_HEAP_MB = Number(process.env.PMO_WORKER_HEAP_MB) || 128;
var WORKER_URL = new URL("./analyze-worker.js", import.meta.url);
async function analyzeInParallel(job) {
  const threads = import.meta.url.endsWith(".ts") ? 1 : Math.min(availableParallelism(), Math.floor(job.files.length / FILES_PER_THREAD));
  const { analyzeFiles } = await import("./analyze-IZ6SLCUV.js");
  if (threads <= 1)
    return new Map(analyzeFiles(job));
  const shares = Array.from({ length: threads }, (_, t) => job.files.filter((_2, i) => i % threads === t));
  const workers = shares.slice(1).map((files) => inWorker({ ...job, files, exists: void 0 }));
  const mine = analyzeFiles({ ...job, files: shares[0] });
  const theirs = await Promise.all(workers.map(async (work, i) => await work ?? analyzeFiles({ ...job, files: shares[i + 1] })));
  return new Map([...mine, ...theirs.flat()]);
}
function inWorker(job) {
  return new Promise((resolve2) => {
    const worker = new Worker(WORKER_URL, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.once("message", resolve2);
    worker.once("error", () => resolve2(void 0));
    worker.once("exit", (code) => code !== 0 && resolve2(void 0));
  });
}

// dist/rules/waivers.js
var WAIVERS_FILE = "waivers.yaml";
var plural = (n, unit) => `${n} ${unit}${n === 1 ? "" : "s"}`;
function applyWaivers(findings, waivers, config, today) {
  const locked = new Set(config.locked);
  const own = [];
  const report = (waiver, rule, severity, message, field = "expires") => own.push({ rule, severity, message, file: WAIVERS_FILE, at: { path: ["waivers", waiver.index, field] } });
  const active = waivers.filter((waiver) => {
    const days = daysBetween(today, waiver.expires);
    if (days < 0) {
      report(waiver, "waiver/expired", "error", `the waiver of ${waiver.rule} for ${waiver.project} expired on ${waiver.expires} (${plural(-days, "day")} ago): its findings are shown again; renew it with a new approval or remove it`);
      return false;
    }
    if (/^(yaml|schema)\//.test(waiver.rule)) {
      report(waiver, "waiver/locked", "error", `${waiver.rule} findings are errors in the data, not exceptions to a rule: fix them; a waiver cannot hide them`, "rule");
      return false;
    }
    if (locked.has(waiver.rule)) {
      report(waiver, "waiver/locked", "error", `${waiver.rule} is locked in pmo.yaml: no waiver can hide its findings; fix them or ask the PMO`, "rule");
      return false;
    }
    if (days <= config.thresholds.waiver_warning_days) {
      report(waiver, "waiver/expiring", "info", `the waiver of ${waiver.rule} for ${waiver.project} expires on ${waiver.expires} (${days === 0 ? "today" : `in ${plural(days, "day")}`}); renew it or get the findings fixed`);
    }
    return true;
  });
  const globbed = (pattern) => /[*?[\]{}!]/.test(pattern) ? picomatch()(pattern) : (id) => id === pattern;
  const matchers = active.map((waiver) => ({ waiver, project: globbed(waiver.project), used: false }));
  const result = findings.map((finding) => {
    const match = matchers.find((m) => m.waiver.rule === finding.rule && finding.project !== void 0 && m.project(finding.project) && (m.waiver.item === void 0 || m.waiver.item === finding.item));
    if (!match)
      return finding;
    match.used = true;
    const { reason, approved_by, expires } = match.waiver;
    return { ...finding, waived: { reason, approved_by, expires } };
  });
  for (const { waiver, used } of matchers) {
    if (used)
      continue;
    const item = waiver.item ? ` item ${waiver.item}` : "";
    report(waiver, "waiver/unused", "warn", `the waiver of ${waiver.rule} for ${waiver.project}${item} hides nothing: the finding is fixed or the waiver does not match it; remove it`, "rule");
  }
  return [...result, ...own];
}

// dist/rules/gates.js
function gatesUpTo(config, phase) {
  const at = config.lifecycle.indexOf(phase);
  if (at < 0)
    return [];
  return config.lifecycle.slice(0, at + 1).flatMap((p) => config.gates[p]?.length ? [[p, config.gates[p]]] : []);
}
function gateFindings(projects, config) {
  const severity = defaultSeverity({ governance: true }, config.pmoType);
  return projects.flatMap(({ file, project, phase, failures }) => gatesUpTo(config, phase).flatMap(([gate, criteria]) => criteria.flatMap((criterion) => {
    const why = failures.get(criterion);
    if (!why)
      return [];
    const more = why.length > 1 ? ` (and ${why.length - 1} more)` : "";
    return [
      {
        rule: `gate/${gate}`,
        severity,
        message: `${criterion}: the project is in ${phase} but fails a criterion of the ${gate} gate: ${why[0]}${more}`,
        file,
        at: { path: ["phase"] },
        project
      }
    ];
  })));
}
function checkGateConfig(config, knownRules) {
  const findings = [];
  for (const [phase, criteria] of Object.entries(config.gates)) {
    if (!config.lifecycle.includes(phase)) {
      findings.push({
        rule: "gate/unknown-phase",
        severity: "error",
        message: `gate '${phase}' is not a phase of the lifecycle (${config.lifecycle.join(", ")})${didYouMean(phase, config.lifecycle)}`,
        file: "pmo.yaml",
        at: { path: ["gates", phase], on: "key" }
      });
    }
    criteria.forEach((criterion, index) => {
      if (knownRules.has(criterion))
        return;
      findings.push({
        rule: "gate/unknown-criterion",
        severity: "error",
        message: `gate '${phase}' names '${criterion}', which is not a rule${didYouMean(criterion, knownRules)}: a criterion is the id of a built-in or custom rule (pmo rules lists them)`,
        file: "pmo.yaml",
        at: { path: ["gates", phase, index] }
      });
    });
  }
  return findings;
}

// dist/rules/config-refs.js
var RULE_PHASES = ["planning", "execution", "closing"];
var FINDING_PREFIX = /^(yaml|schema|ref|dates|waiver|gate|config)\//;
function checkConfigReferences(config, knownRules, customPhases) {
  const findings = [];
  const add = (rule, severity, message, path, on = "value", file = "pmo.yaml") => findings.push({ rule, severity, message, file, at: { path, on } });
  const known = (id) => knownRules.has(id) || FINDING_PREFIX.test(id);
  for (const id of Object.keys(config.rules)) {
    if (!known(id))
      add("config/unknown-rule", "warn", `rules: names '${id}', which is not a rule${didYouMean(id, knownRules)}: its setting has no effect`, ["rules", id], "key");
  }
  config.locked.forEach((id, index) => {
    if (!known(id))
      add("config/unknown-rule", "warn", `locked: names '${id}', which is not a rule${didYouMean(id, knownRules)}: nothing is locked by it`, ["locked", index]);
  });
  for (const phase of Object.keys(config.records)) {
    if (!config.lifecycle.includes(phase)) {
      add("config/unknown-phase", "warn", `records: names phase '${phase}', which is not in the lifecycle (${config.lifecycle.join(", ")})${didYouMean(phase, config.lifecycle)}: its records are never required`, ["records", phase], "key");
    }
  }
  for (const { file, rule, phases } of customPhases) {
    phases.forEach((phase, index) => {
      if (!config.lifecycle.includes(phase)) {
        add("config/unknown-phase", "warn", `rule ${rule} runs in phase '${phase}', which is not in the lifecycle${didYouMean(phase, config.lifecycle)}: it never runs there`, ["rules", rule, "phases", index], "value", file);
      }
    });
  }
  const missing = RULE_PHASES.filter((phase) => !config.lifecycle.includes(phase));
  if (missing.length > 0) {
    add("config/lifecycle", "warn", `the lifecycle has no ${missing.map((p) => `'${p}'`).join(", ")}: built-in rules that apply from ${missing.length === 1 ? "that phase" : "those phases"} on never run (see pmo rules explain <id>); name the lifecycle's phases after them, or turn those rules off`, ["lifecycle"]);
  }
  for (const [phase, criteria] of Object.entries(config.gates)) {
    criteria.forEach((criterion, index) => {
      if (config.rules[criterion] === "off") {
        add("gate/criterion-off", "warn", `gate '${phase}' relies on ${criterion}, which rules: turns off: the criterion always passes`, ["gates", phase, index]);
      }
    });
  }
  return findings;
}

// dist/version.js
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
var PACKAGE = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
var VERSION = PACKAGE.version;
var HOMEPAGE = PACKAGE.homepage;
var BUILD_ID = readBuildId() ?? `source-${randomUUID()}`;
function readBuildId() {
  try {
    return JSON.parse(readFileSync(new URL("./build-id.json", import.meta.url), "utf8")).id;
  } catch {
    return void 0;
  }
}

// dist/check.js
var RACY_MS = 2e3;
var heavy = {
  parse: () => import("./parse-yaml-FMWDJFD2.js"),
  positions: () => import("./position-index-Q255MGME.js"),
  compile: () => import("./config-compile-ZPJ4D7AO.js"),
  references: () => import("./references-NQU3PWNA.js")
};
async function check(options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? todayIso();
  const root = findRoot(cwd);
  const rules = options.rules !== false;
  const git = await openGit(root, options);
  const index = options.staged ? await git.staged() : void 0;
  const changed = options.changedSince ? await git.changedSince(options.changedSince) : void 0;
  const cache = options.cache === false ? void 0 : ParseCache.open(cacheDir(root), rules ? BUILD_ID : `${BUILD_ID}:no-rules`);
  const blobs = /* @__PURE__ */ new Map();
  const blobOf = (path) => index.blobs.get(path);
  const bytesOf = (path) => index ? memo(blobs, path, () => git.readBlobSync(blobOf(path))) : readFileSync2(join2(root, path));
  const sourceOf = (file) => decodeSource(file.path, file.kind, bytesOf(file.path));
  if (index && !index.blobs.has(CONFIG_FILE))
    throw new ConfigError(`${CONFIG_FILE} is not in git's index, so the commit would have none: \`git add ${CONFIG_FILE}\``);
  const configSource = sourceOf({ path: CONFIG_FILE, kind: "config" });
  let configEntry = cache?.config(configSource.hash);
  if (!configEntry) {
    configEntry = await loadConfig(configSource);
    cache?.setConfig(configEntry);
  }
  const config = configFrom(configEntry.data);
  const texts = /* @__PURE__ */ new Map([[CONFIG_FILE, configSource.text]]);
  const textOf = (file) => () => memo(texts, file.path, () => sourceOf(file).text);
  const files = [{ path: CONFIG_FILE, kind: "config", entry: configEntry, text: () => configSource.text }];
  const stats = /* @__PURE__ */ new Map();
  const worktreeHash = (path) => {
    const { mtimeMs, size, ctimeMs } = statSync2(join2(root, path));
    if (Date.now() - Math.max(mtimeMs, ctimeMs) > RACY_MS)
      stats.set(path, [mtimeMs, size, ctimeMs]);
    return cache?.knownHash(path, mtimeMs, size, ctimeMs) ?? hashFile(root, path);
  };
  const discovered = index ? classifyFiles([...index.blobs.keys()], config.rulesets) : discoverFiles(root, config.rulesets);
  const { unique, duplicates } = oneFilePerId(discovered.filter((f) => f.kind !== "config"));
  const loaded = (file, hash) => {
    const hit = cache?.get(file.path, hash, today);
    return { ...file, entry: hit ?? { hash, findings: [] }, discovered: hash, text: textOf(file), changed: !hit };
  };
  for (const file of unique)
    files.push(loaded(file, index ? blobOf(file.path) : worktreeHash(file.path)));
  const worktreeExists = index ? void 0 : fileExists(root, cache?.dirs);
  const exists = worktreeExists ?? ((path) => index.blobs.has(path));
  let rulesets = [];
  let portfolio;
  const analyze = async (batch, registries2, from = index && { blobs: index.blobs, bytes: blobs }) => {
    if (batch.length === 0)
      return;
    let tree = {};
    if (from) {
      const read = await git.readBlobs(batch.map((f) => from.blobs.get(f.path)));
      for (const f of batch)
        from.bytes.set(f.path, read.get(from.blobs.get(f.path)));
      tree = { contents: new Map(batch.map((f) => [f.path, from.bytes.get(f.path)])), present: [...from.blobs.keys()] };
    }
    const job = { root, files: batch.map(({ path, kind }) => ({ path, kind })), configData: config.data, today, rules, rulesets, portfolio, registries: registries2, exists: from ? void 0 : exists, ...tree };
    const fresh = await analyzeInParallel(job);
    for (const file of batch)
      file.entry = fresh.get(file.path) ?? file.entry;
  };
  const rulesetFiles2 = files.filter((f) => f.kind === "ruleset");
  await analyze(rulesetFiles2.filter((f) => f.changed));
  rulesets = rulesetFiles2.flatMap((f) => f.entry.data === void 0 ? [] : [{ file: f.path, data: f.entry.data }]);
  const portfolioFiles = readsPortfolio(rulesets) ? files.filter((f) => f.kind === "people" || f.kind === "goals" || f.kind === "project") : [];
  const rulesetsKey = [...rulesetFiles2, ...portfolioFiles].map((f) => f.kind === "project" ? f.path : `${f.path}:${f.entry.hash}`).join(";");
  if (rules && (!cache || !cache.judgedUnder(rulesetsKey))) {
    await assertRulesetsCompile(rulesetFiles2, rulesets, today);
    if (cache) {
      for (const file of files)
        if (file.kind !== "config" && file.kind !== "ruleset")
          file.changed = true;
    }
  }
  const missed = files.filter((f) => f.changed && f.kind !== "ruleset");
  await analyze(missed.filter((f) => f.kind === "people" || f.kind === "goals"));
  const registries = buildRegistries(factsOf(files));
  portfolio = portfolioOf(files);
  await analyze(missed.filter((f) => f.kind !== "people" && f.kind !== "goals"), registries);
  const judge = async (set, present, copies, only) => {
    const byPath2 = new Map(set.map((f) => [f.path, f]));
    const judged = only ? set.filter((f) => only.has(f.path)) : set;
    const broken = findBrokenValues(factsOf(judged), buildRegistries(factsOf(set)), { today, exists: present });
    await describe(new Set(broken.map((b) => b.file)), [], byPath2);
    const raw = [
      ...copies.filter((f) => !only || only.has(f.file)),
      ...judged.flatMap((f) => f.entry.findings),
      ...brokenReferenceFindings(broken, (path) => byPath2.get(path)?.entry.references ?? []),
      ...rules ? runPortfolioRules(set.map((f) => ({ path: f.path, kind: f.kind, rules: f.entry.facts?.rules })), config, today) : []
    ];
    const waivers = rules && set.find((f) => f.kind === "waivers")?.entry.facts?.waivers || [];
    const waived = applyWaivers(raw, waivers, config, today);
    return applySeverities(rules ? [...waived, ...gates(judged, waived, config)] : waived, config);
  };
  const narrow = index && narrowScope(index.changes, config);
  const all = await judge(files, exists, duplicates, narrow);
  const asked = pathFilter(root, cwd, options.paths ?? []);
  for (const pattern of options.paths ?? []) {
    const one = pathFilter(root, cwd, [pattern]);
    if (!files.some((f) => one(f.path))) {
      throw new UsageError(`${pattern} names no file pmo checks (pmo.yaml, people.yaml, goals.yaml, waivers.yaml, projects/, requests/, rules/)`);
    }
  }
  const introduced = index ? await introducedByCommit(index, files, all, narrow) : void 0;
  const inScope = (path) => (!asked || asked(path)) && (!changed || changed.has(path)) && (!introduced || introduced.files.has(path));
  const reported = all.filter((f) => inScope(f.file) || introduced?.findings.has(f));
  const byPath = new Map(files.map((f) => [f.path, f]));
  await describe([], reported, byPath);
  const findings = locateFindings(reported, (path) => {
    const file = byPath.get(path);
    return file && { text: file.text(), spans: file.entry.spans ?? {} };
  }).sort(compareFindings);
  if (cache) {
    if (worktreeExists)
      cache.setDirs(worktreeExists.listings);
    for (const file of files) {
      const stat = stats.get(file.path);
      if (!stat || file.entry.stat && file.entry.stat.every((v, i) => v === stat[i]))
        continue;
      if (file.entry.hash === file.discovered)
        Object.assign(file, { entry: { ...file.entry, stat }, changed: true });
    }
    for (const file of files)
      if (file.changed && file.kind !== "config")
        cache.set(file.path, file.entry);
    if (!index)
      cache.retain(new Set(files.map((f) => f.path)));
    cache.save();
  }
  return {
    root,
    today,
    config,
    waivers: files.find((f) => f.kind === "waivers")?.entry.facts?.waivers ?? [],
    rulesets,
    portfolio: portfolio ?? portfolioOf(files),
    findings,
    files: files.map((f) => f.path).filter((path) => inScope(path) || findings.some((f) => f.file === path))
  };
  async function introducedByCommit(staged, current, findings2, only) {
    const changedPaths = new Set(staged.changes.map((c) => c.path));
    const governs = (path) => path === CONFIG_FILE || classifyFiles([path], config.rulesets).some((f) => f.kind === "ruleset");
    if (staged.changes.some((c) => governs(c.path)))
      return void 0;
    const headBlobs = new Map(staged.blobs);
    for (const change of staged.changes)
      change.head ? headBlobs.set(change.path, change.head) : headBlobs.delete(change.path);
    const { unique: headFiles, duplicates: headCopies } = oneFilePerId(classifyFiles([...headBlobs.keys()], config.rulesets).filter((f) => f.kind !== "config"));
    const atIndex = new Map(current.map((f) => [f.path, f]));
    const headBytes = /* @__PURE__ */ new Map();
    const atHead = (f) => {
      const hash = headBlobs.get(f.path);
      const hit = cache?.get(f.path, hash, today);
      const text = () => decodeSource(f.path, f.kind, memo(headBytes, f.path, () => git.readBlobSync(hash))).text;
      return { ...f, entry: hit ?? { hash, findings: [] }, text, fresh: !hit };
    };
    const head = [current[0], ...headFiles.map((f) => changedPaths.has(f.path) ? atHead(f) : atIndex.get(f.path))];
    const fresh = head.filter((f) => f.fresh);
    const from = { blobs: headBlobs, bytes: headBytes };
    await analyze(fresh.filter((f) => f.kind === "people" || f.kind === "goals"), void 0, from);
    await analyze(fresh.filter((f) => f.kind !== "people" && f.kind !== "goals"), buildRegistries(factsOf(head)), from);
    const before = new Set((await judge(head, (path) => headBlobs.has(path), headCopies, only)).map(findingKey));
    return { files: changedPaths, findings: new Set(findings2.filter((f) => !changedPaths.has(f.file) && !before.has(findingKey(f)))) };
  }
}
async function openGit(root, options) {
  if (options.staged && options.changedSince)
    throw new UsageError("--staged and --changed-since do not go together: --staged checks what the next commit holds");
  if (!options.staged && options.changedSince === void 0)
    return void 0;
  const { GitRepo } = await import("./git-EIEJCBPJ.js");
  return GitRepo.open(root, `pmo check ${options.staged ? "--staged" : `--changed-since ${options.changedSince}`}`);
}
function narrowScope(changes, config) {
  const kinds = (path) => classifyFiles([path], config.rulesets).filter((f) => f.path === path || path === CONFIG_FILE).map((f) => f.kind);
  const local = (c) => c.head !== void 0 && c.index !== void 0 && kinds(c.path).every((k) => k === "project" || k === "request");
  return changes.every(local) ? new Set(changes.map((c) => c.path)) : void 0;
}
var findingKey = (f) => [f.rule, f.file, f.project ?? "", f.item ?? "", f.message, f.waived ? "waived" : ""].join("\0");
var factsOf = (files) => files.map((f) => ({ path: f.path, kind: f.kind, facts: f.entry.facts }));
async function loadConfig(source) {
  const [{ parseYamlFully }, { spansFor }, { validateConfig, buildSchemas }, { ExtensionError }, { pathAnchors }] = await Promise.all([
    heavy.parse(),
    heavy.positions(),
    heavy.compile(),
    import("./extend-7FF22SNX.js"),
    import("./analyze-IZ6SLCUV.js")
  ]);
  const parsed = parseYamlFully(source.text, CONFIG_FILE);
  const locate = (findings2) => {
    const spans = parsed.doc ? spansFor(parsed.doc, pathAnchors(findings2)) : {};
    return { spans, findings: locateFindings(findings2, () => ({ text: source.text, spans })).sort(compareFindings) };
  };
  const fatal = (findings2, why) => {
    const lines = locate(findings2).findings.map(listed);
    throw new ConfigError(`${CONFIG_FILE} ${why}:
${lines.join("\n")}`);
  };
  const yamlProblems = [...source.encodingFinding ? [source.encodingFinding] : [], ...parsed.findings];
  if (yamlProblems.length > 0)
    fatal(yamlProblems, "cannot be read, so nothing was checked");
  const findings = validateConfig(parsed.data);
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0)
    fatal(errors, "has settings pmo cannot use; fix them first");
  try {
    buildSchemas(parsed.data);
  } catch (error) {
    if (!(error instanceof ExtensionError))
      throw error;
    const at = { path: error.path };
    fatal([{ rule: "config/schema-extension", severity: "error", message: error.message, file: CONFIG_FILE, at }], "has a schema extension pmo cannot use");
  }
  return { hash: source.hash, data: parsed.data, findings, spans: locate(findings).spans };
}
async function assertRulesetsCompile(files, rulesets, today) {
  if (files.length === 0)
    return;
  const [{ spansFor }, { parseForPositions }, { compileRules }, { RuleCompileError }] = await Promise.all([
    heavy.positions(),
    heavy.parse(),
    import("./custom-compile-Z2I7IBIT.js"),
    import("./custom-Q3DMG4IO.js")
  ]);
  const errors = files.flatMap((f) => f.entry.findings.filter((x) => x.severity === "error"));
  const located = (findings) => locateFindings(findings, (path) => {
    const file = files.find((f) => f.path === path);
    if (!file)
      return void 0;
    const text = file.text();
    return { text, spans: spansFor(parseForPositions(text), findings.filter((f) => f.file === path && "path" in f.at).map((f) => f.at)) };
  }).sort(compareFindings);
  if (errors.length > 0) {
    const lines = located(errors).map(listed);
    throw new ConfigError(`the PMO's rule files have errors, so nothing was checked:
${lines.join("\n")}`);
  }
  try {
    compileRules(rulesets, today, new Set(BUILTIN_RULE_IDS));
  } catch (error) {
    if (!(error instanceof RuleCompileError))
      throw error;
    const at = { path: error.path, on: error.onKey ? "key" : "value" };
    const [where] = located([{ rule: "rules/compile", severity: "error", message: error.message, file: error.file, at }]);
    const text = files.find((f) => f.path === error.file).text().split("\n")[where.line - 1] ?? "";
    const quoted = /["']/.test(text.charAt(where.column - 1)) ? 1 : 0;
    const column = where.column + quoted + error.offset;
    throw new ConfigError(`${error.file}:${where.line}:${error.onKey ? where.column : column}  ${error.message}`);
  }
}
async function describe(referencesFor, findings, files) {
  const anchors = /* @__PURE__ */ new Map();
  for (const f of findings)
    if ("path" in f.at)
      anchors.set(f.file, [...anchors.get(f.file) ?? [], f.at]);
  const wantsReferences = new Set([...referencesFor].filter((path) => files.get(path)?.entry.facts && !files.get(path)?.entry.references));
  const wantsSpans = [...anchors].filter(([path, list]) => list.some((a) => !files.get(path)?.entry.spans?.[anchorKey(a)]));
  if (wantsReferences.size === 0 && wantsSpans.length === 0)
    return;
  const [{ spansFor }, { parseForPositions, MAX_ALIAS_COUNT }, { extractReferences }] = await Promise.all([
    heavy.positions(),
    heavy.parse(),
    heavy.references()
  ]);
  for (const path of /* @__PURE__ */ new Set([...wantsReferences, ...wantsSpans.map(([p]) => p)])) {
    const file = files.get(path);
    if (!file)
      continue;
    const doc = parseForPositions(file.text());
    if (wantsReferences.has(path))
      file.entry.references = extractReferences(file.kind, doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    const needed = anchors.get(path);
    if (needed)
      file.entry.spans = { ...file.entry.spans, ...spansFor(doc, needed) };
    file.changed = true;
  }
}
function oneFilePerId(files) {
  const seen = /* @__PURE__ */ new Map();
  const duplicates = [];
  const unique = files.filter((file) => {
    if (file.kind !== "project" && file.kind !== "request")
      return true;
    const key = file.path.replace(/\.ya?ml$/, "");
    const first = seen.get(key);
    if (!first)
      return seen.set(key, file.path), true;
    duplicates.push({
      rule: "schema/duplicate-file",
      severity: "error",
      message: `${file.path} and ${first} are the same ${file.kind} id; keep one (this one is not read)`,
      file: file.path,
      at: { offset: 0, endOffset: 0 }
    });
    return false;
  });
  return { unique, duplicates };
}
function portfolioOf(files) {
  const list = (kind, key) => {
    const data = files.find((f) => f.kind === kind)?.entry.data;
    return Array.isArray(data?.[key]) ? data[key] : [];
  };
  const projects = files.filter((f) => f.kind === "project").map((f) => idOfFile(f.path));
  return { people: list("people", "people"), goals: list("goals", "goals"), projects };
}
var listed = (f) => `  ${f.file}:${f.line}:${f.column}  ${f.message}  (${f.rule})`;
function memo(map, key, make) {
  if (!map.has(key))
    map.set(key, make());
  return map.get(key);
}
function gates(files, findings, config) {
  const failures = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (f.waived)
      continue;
    const byRule = failures.get(f.file) ?? /* @__PURE__ */ new Map();
    byRule.set(f.rule, [...byRule.get(f.rule) ?? [], f.message]);
    failures.set(f.file, byRule);
  }
  const projects = files.flatMap((f) => {
    const phase = f.entry.facts?.phase;
    if (f.kind !== "project" || !phase)
      return [];
    return [{ file: f.path, project: idOfFile(f.path), phase, failures: failures.get(f.path) ?? /* @__PURE__ */ new Map() }];
  });
  const customRules = files.flatMap((f) => f.kind === "ruleset" && isRecord(f.entry.data) && isRecord(f.entry.data.rules) ? Object.entries(f.entry.data.rules).map(([rule, spec]) => ({ file: f.path, rule, spec })) : []);
  const known = /* @__PURE__ */ new Set([...BUILTIN_RULE_IDS, ...customRules.map((r) => r.rule)]);
  const phases = customRules.flatMap(({ file, rule, spec }) => {
    const list = spec.phases;
    return Array.isArray(list) ? [{ file, rule, phases: list.map(String) }] : [];
  });
  return [...checkGateConfig(config, known), ...checkConfigReferences(config, known, phases), ...gateFindings(projects, config)];
}
function applySeverities(findings, config) {
  return findings.flatMap((finding) => {
    const level = config.rules[finding.rule];
    if (level === "off")
      return [];
    return level ? [{ ...finding, severity: level }] : [finding];
  });
}

export {
  VERSION,
  HOMEPAGE,
  SEVERITY_RANK,
  findRoot,
  applyWaivers,
  gatesUpTo,
  check,
  loadConfig
};
