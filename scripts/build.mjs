// Builds dist/ (`npm run build`, run by `prepare` on install): the CLI and the parse worker bundled by esbuild
// with their dependencies, split at dynamic imports so that a warm check loads only what it uses. One bundle
// loads far faster than a hundred ES modules (zod alone: ~80 ms as modules, ~35 ms bundled), and a PM runs
// pmo on every commit. Types are checked by `npm run typecheck` (tsc), not here.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/', root);
rmSync(dist, { recursive: true, force: true });

await build({
  absWorkingDir: fileURLToPath(root),
  entryPoints: { main: 'src/cli/main.ts', 'analyze-worker': 'src/analyze-worker.ts', 'rejudge-worker': 'src/rejudge-worker.ts', early: 'src/cli/early.ts' },
  outdir: 'dist',
  // Every chunk directly in dist/: src/paths.ts finds pmo's files relative to whichever chunk holds it.
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  // Bundled CommonJS dependencies (simple-git, js-yaml) call require() for Node's own modules.
  banner: { js: "import { createRequire as __pmoRequire } from 'node:module'; const require = __pmoRequire(import.meta.url);" },
  // jsonc-parser's "main" is a UMD build whose factory requires its own files at run time, which a bundle
  // cannot follow; its ES module build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  logLevel: 'warning',
});

// The rule docs, read at run time by `pmo rules explain` and the SARIF/markdown formats.
const docs = new URL('src/rules/builtin/', root);
const docsOut = new URL('rules/builtin/', dist);
mkdirSync(docsOut, { recursive: true });
for (const name of readdirSync(docs)) if (name.endsWith('.md')) copyFileSync(new URL(name, docs), new URL(name, docsOut));
