import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// dist/load/cache.js
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
var CACHE_NAME = "check-cache.json";
function cacheDir(root) {
  return existsSync(join(root, "node_modules")) ? join(root, "node_modules", ".cache", "pmo") : join(root, ".pmo", "cache");
}
var ParseCache = class _ParseCache {
  dir;
  key;
  configEntry;
  entries;
  rulesetsKey;
  dirListings;
  dirty = false;
  constructor(dir, key, configEntry, entries, rulesetsKey, dirListings) {
    this.dir = dir;
    this.key = key;
    this.configEntry = configEntry;
    this.entries = entries;
    this.rulesetsKey = rulesetsKey;
    this.dirListings = dirListings;
  }
  /** Opens the cache; an unreadable, corrupt or outdated one starts empty. */
  static open(dir, key) {
    try {
      const file = JSON.parse(readFileSync(join(dir, CACHE_NAME), "utf8"));
      if (file && file.key === key && typeof file.entries === "object" && file.entries) {
        return new _ParseCache(dir, key, file.config, file.entries, file.rulesets, file.dirs ?? {});
      }
    } catch {
    }
    return new _ParseCache(dir, key, void 0, {}, void 0, {});
  }
  /** The validated pmo.yaml, if its content is unchanged. */
  config(hash) {
    return this.configEntry?.hash === hash ? this.configEntry : void 0;
  }
  /** Whether the entries were judged under these rule files; if not, from now on they are (callers re-judge). */
  judgedUnder(rulesets) {
    if (this.rulesetsKey === rulesets)
      return true;
    this.rulesetsKey = rulesets;
    this.dirty = true;
    return false;
  }
  get dirs() {
    return this.dirListings;
  }
  /** The listings this run used: kept (and the cache written) when any of them was read anew. */
  setDirs(listings) {
    const changed = Object.keys(listings).length !== Object.keys(this.dirListings).length || Object.entries(listings).some(([dir, listing]) => this.dirListings[dir] !== listing);
    if (!changed)
      return;
    this.dirListings = listings;
    this.dirty = true;
  }
  /** A new pmo.yaml: what was validated under the old one no longer holds. */
  setConfig(entry) {
    this.configEntry = entry;
    this.entries = {};
    this.dirty = true;
  }
  /** The content hash last seen for a file whose mtime and size are unchanged since. */
  knownHash(path, mtimeMs, size, ctimeMs) {
    const stat = this.entries[path]?.stat;
    return stat && stat[0] === mtimeMs && stat[1] === size && stat[2] === ctimeMs ? this.entries[path].hash : void 0;
  }
  /** The entry of an unchanged file, unless its rule findings were for another day. */
  get(path, hash, today) {
    const entry = this.entries[path];
    if (!entry || entry.hash !== hash || !Array.isArray(entry.findings))
      return void 0;
    return entry.today === void 0 || entry.today === today ? entry : void 0;
  }
  set(path, entry) {
    this.entries[path] = entry;
    this.dirty = true;
  }
  /** Drops entries of files that no longer exist (only when the whole repo was read). */
  retain(paths) {
    for (const path of Object.keys(this.entries)) {
      if (!paths.has(path)) {
        delete this.entries[path];
        this.dirty = true;
      }
    }
  }
  /** Writes the cache if it changed. Failing to write a cache is never worth failing a check. */
  save() {
    if (!this.dirty)
      return;
    const target = join(this.dir, CACHE_NAME);
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      ensureIgnored(this.dir);
      writeCache(temp, { key: this.key, config: this.configEntry, rulesets: this.rulesetsKey, dirs: this.dirListings, entries: this.entries });
      renameSync(temp, target);
      this.dirty = false;
    } catch {
      rmSync(temp, { force: true });
    }
  }
};
function writeCache(path, file) {
  const fd = openSync(path, "w");
  try {
    const head = { key: file.key, config: file.config ?? null, rulesets: file.rulesets ?? null, dirs: file.dirs ?? {} };
    let chunk = `${JSON.stringify(head).slice(0, -1)},"entries":{`;
    let first = true;
    for (const [name, entry] of Object.entries(file.entries)) {
      chunk += `${first ? "" : ","}${JSON.stringify(name)}:${JSON.stringify(entry)}`;
      first = false;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, `${chunk}}}`);
  } finally {
    closeSync(fd);
  }
}
function ensureIgnored(dir) {
  const marker = join(dir, "..", ".gitignore");
  if (basename(dirname(dir)) === ".pmo" && !existsSync(marker))
    writeFileSync(marker, "# written by pmo (cache, editor schemas), safe to delete\n*\n");
}

export {
  cacheDir,
  ParseCache,
  ensureIgnored
};
