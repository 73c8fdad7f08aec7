import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UsageError
} from "./chunk-AQYAWNHD.js";
import "./chunk-V4RWK56N.js";

// dist/hooks/pre-commit.js
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
var MARKER = "# pmo-hook: installed by `pmo hooks install`";
var CHAINED = "pre-commit.pre-pmo";
function installHook(place, options = {}) {
  const path = join(place.hooks, "pre-commit");
  const existing = existsSync(path) ? readFileSync(path, "utf8") : void 0;
  const ours = existing?.includes(MARKER) ?? false;
  const chained = ours ? existsSync(join(place.hooks, CHAINED)) : false;
  if (existing !== void 0 && !ours) {
    if (!options.chain) {
      throw new UsageError(`${path} already exists and is not pmo's; it was left as it is.
Run \`pmo hooks install --chain\` to keep it and run pmo after it, or call \`pmo check --staged\` from it yourself.`);
    }
    if (existsSync(join(place.hooks, CHAINED)))
      throw new UsageError(`${join(place.hooks, CHAINED)} already exists; pmo will not overwrite it`);
    renameSync(path, join(place.hooks, CHAINED));
  }
  mkdirSync(place.hooks, { recursive: true });
  writeAtomically(path, hookScript(place, chained || existing !== void 0 && !ours));
  return { outcome: existing === void 0 ? "installed" : ours ? "updated" : "chained", path };
}
function uninstallHook(place) {
  const path = join(place.hooks, "pre-commit");
  if (!existsSync(path))
    return { removed: false, path };
  if (!readFileSync(path, "utf8").includes(MARKER)) {
    throw new UsageError(`${path} is not pmo's hook (pmo did not install it); it was left as it is`);
  }
  const chained = join(place.hooks, CHAINED);
  if (existsSync(chained)) {
    renameSync(chained, path);
    return { removed: true, restored: path, path };
  }
  rmSync(path);
  return { removed: true, path };
}
function hookScript(place, chain) {
  const root = relative(place.top, place.root).split("\\").join("/") || ".";
  const self = fileURLToPath(new URL("../../bin/pmo.js", import.meta.url));
  return [
    "#!/bin/sh",
    MARKER,
    "# Checks what the commit holds (git's index) against the PMO's format and rules. Remove it with",
    "# `pmo hooks uninstall`; skip it once with `git commit --no-verify`.",
    ...chain ? ["", `"$(dirname "$0")/${CHAINED}" "$@" || exit $?`] : [],
    "",
    `root=${shellQuote(root)}`,
    'if [ -x "$root/node_modules/.bin/pmo" ]; then pmo="$root/node_modules/.bin/pmo"',
    "elif [ -x node_modules/.bin/pmo ]; then pmo=node_modules/.bin/pmo",
    "elif command -v pmo >/dev/null 2>&1; then pmo=pmo",
    `else pmo=${shellQuote(self)}`,
    "fi",
    'exec "$pmo" check --staged -C "$root"',
    ""
  ].join("\n");
}
var shellQuote = (value) => `'${value.replace(/'/g, `'\\''`)}'`;
function writeAtomically(path, text) {
  const temp = `${path}.pmo-${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 493 });
  chmodSync(temp, 493);
  renameSync(temp, path);
}
export {
  MARKER,
  installHook,
  uninstallHook
};
