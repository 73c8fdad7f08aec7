// Writes docs/rules.md from the built rules and their docs (`npm run docs`, after a build).
import { writeFileSync } from 'node:fs';
import { BUILTIN_RULES } from '../dist/rules/builtin/index.js';
import { renderRulesDoc } from '../dist/rules/docs.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc(BUILTIN_RULES));
