import { readFileSync } from 'node:fs';

/** The package version: part of the cache key, and what `pmo --version` prints. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
