// The package.json that `npm pack` and `npm publish` ship: the checkout's, without its `scripts`
// (prepack: `strip`; postpack: `restore`). In a checkout `prepare` builds dist/ (npm ci); in an installed
// package it has nothing to build from (src/ and scripts/ are not shipped), and npm lists it as an install
// script to approve when the tarball is installed from a file. The other scripts (test, bench) are for a
// checkout too. The checkout's package.json is kept beside it while the tarball is made, and put back by
// postpack, or by the next `strip` when a pack failed in between.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [action, dir = process.cwd()] = process.argv.slice(2);
const manifest = join(dir, 'package.json');
const kept = join(dir, '.package.json.checkout');

function restore() {
  if (existsSync(kept)) renameSync(kept, manifest);
}

if (action === 'strip') {
  restore();
  const text = readFileSync(manifest, 'utf8');
  const { scripts: _scripts, ...shipped } = JSON.parse(text);
  writeFileSync(kept, text);
  writeFileSync(manifest, `${JSON.stringify(shipped, null, 2)}\n`);
} else if (action === 'restore') {
  restore();
} else {
  process.stderr.write('usage: node scripts/pack-manifest.mjs strip|restore [dir]\n');
  process.exitCode = 2;
}
