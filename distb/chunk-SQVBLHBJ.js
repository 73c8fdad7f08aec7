import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// dist/layout.js
var CONFIG_FILE = "pmo.yaml";
function idOfFile(path) {
  return path.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
}

export {
  CONFIG_FILE,
  idOfFile
};
