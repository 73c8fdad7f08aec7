// Writes docs/rules.md from the rules and their docs (`npm run docs`). The rules are TypeScript: esbuild
// bundles the two functions needed into node_modules/.cache, from where they are imported.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const out = new URL('node_modules/.cache/pmo-scripts/rules-doc.mjs', root);
mkdirSync(new URL('./', out), { recursive: true });
await build({
  absWorkingDir: fileURLToPath(root),
  stdin: {
    contents: "export { BUILTIN_RULES } from './src/rules/builtin/index.ts'; export { renderRulesDoc } from './src/rules/docs.ts';",
    resolveDir: fileURLToPath(root),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: fileURLToPath(out),
  logLevel: 'warning',
});
const { BUILTIN_RULES, renderRulesDoc } = await import(out.href);
writeFileSync(new URL('docs/rules.md', root), renderRulesDoc(BUILTIN_RULES, (id) => readDoc(id)));

function readDoc(id) {
  return readFileSync(new URL(`src/rules/builtin/${id}.md`, root), 'utf8');
}
