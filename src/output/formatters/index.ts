import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const FORMATTERS = { stylish, json, sarif, junit, github, gitlab, markdown } satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

/**
 * The formats that describe rules (SARIF's rule table, Markdown's links, and github's job summary, which is
 * Markdown): only for them does the CLI build the full rule catalog, which loads every built-in rule module;
 * the others get plain entries from ctx.rule.
 */
export const DESCRIBES_RULES: ReadonlySet<FormatName> = new Set<FormatName>(['sarif', 'markdown', 'github']);

export { githubSummary } from './github.js';
export type { Formatter, FormatContext } from './types.js';
