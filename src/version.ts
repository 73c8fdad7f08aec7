import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The package version: what `pmo --version` prints. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * Identifies the code that is running, for cache keys: the hash scripts/build-id.mjs writes beside the built
 * code. Running from source (tests) there is none, and a fresh id makes every cache from before a miss.
 */
export const BUILD_ID: string = readBuildId() ?? `source-${randomUUID()}`;

function readBuildId(): string | undefined {
  try {
    return (JSON.parse(readFileSync(new URL('./build-id.json', import.meta.url), 'utf8')) as { id: string }).id;
  } catch {
    return undefined;
  }
}
