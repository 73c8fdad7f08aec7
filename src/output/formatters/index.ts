import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const FORMATTERS = { stylish, json } satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export type { Formatter, FormatContext } from './types.js';
