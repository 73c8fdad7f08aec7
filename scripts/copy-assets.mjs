// Copies what the built code reads at run time beside it: the rule docs (src/rules/builtin/*.md).
import { copyFileSync, readdirSync } from 'node:fs';

const from = new URL('../src/rules/builtin/', import.meta.url);
const to = new URL('../dist/rules/builtin/', import.meta.url);
for (const name of readdirSync(from)) if (name.endsWith('.md')) copyFileSync(new URL(name, from), new URL(name, to));
