// Writes dist/build-id.json: a hash of the built code. The parse cache is keyed by it, so a cache written by
// one build is never trusted by another, even when the package version did not change.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const hash = createHash('sha1');
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.js')) hash.update(path.slice(dist.length)).update(readFileSync(path));
  }
};
walk(dist);
writeFileSync(join(dist, 'build-id.json'), `${JSON.stringify({ id: hash.digest('hex') })}\n`);
