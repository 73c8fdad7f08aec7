import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// dist/errors.js
var PmoError = class extends Error {
  exitCode = 2;
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
};
var UsageError = class extends PmoError {
};
var ConfigError = class extends PmoError {
};
var GitError = class extends PmoError {
};

export {
  PmoError,
  UsageError,
  ConfigError,
  GitError
};
