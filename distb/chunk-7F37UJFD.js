import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// dist/model/schema-kinds.js
var SCHEMA_KINDS = ["project", "request", "people", "goals", "waivers", "ruleset", "config"];

export {
  SCHEMA_KINDS
};
