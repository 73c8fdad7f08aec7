import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CODE_DIR, PACKAGE_ROOT } from './paths.js';

const PACKAGE = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string; homepage: string };

/** The package version: what `pmo --version` prints. */
export const VERSION: string = PACKAGE.version;

/** package.json's `homepage`, the one place pmo's address is written; links to the docs are built from it. */
export const HOMEPAGE: string = PACKAGE.homepage;

/**
 * Identifies the code that is running, for cache keys: the hash scripts/build-id.mjs writes beside the built
 * code. Running from source (tests) there is none, and a fresh id makes every cache from before a miss.
 */
export const BUILD_ID: string = readBuildId() ?? `source-${randomUUID()}`;

function readBuildId(): string | undefined {
  try {
    return (JSON.parse(readFileSync(new URL('build-id.json', CODE_DIR), 'utf8')) as { id: string }).id;
  } catch {
    return undefined;
  }
}
