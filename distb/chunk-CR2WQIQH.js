import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// dist/load/read.js
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
var strict = new TextDecoder("utf-8", { fatal: true });
var lenient = new TextDecoder("utf-8");
function readSource(root, path, kind) {
  return decodeSource(path, kind, readFileSync(join(root, path)));
}
function hashFile(root, path) {
  return hashBytes(readFileSync(join(root, path)));
}
var hashBytes = (bytes) => createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
function decodeSource(path, kind, bytes) {
  const hash = hashBytes(bytes);
  try {
    return { path, kind, text: strict.decode(bytes), hash };
  } catch {
    const text = lenient.decode(bytes);
    const offset = Math.max(0, text.indexOf("\uFFFD"));
    return {
      path,
      kind,
      text,
      hash,
      encodingFinding: {
        rule: "yaml/encoding",
        severity: "error",
        message: "this file is not valid UTF-8 (the first bad byte is here); save it with UTF-8 encoding",
        file: path,
        at: { offset, endOffset: offset + 1 }
      }
    };
  }
}

export {
  readSource,
  hashFile,
  hashBytes,
  decodeSource
};
