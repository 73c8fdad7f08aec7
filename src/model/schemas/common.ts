/**
 * Building blocks of the schemas. Each carries a description phrased to finish the sentence
 * "<field> must be ...", which is how schema findings read (`impact must be an integer from 1 to 5, got 7`).
 */
import { z } from 'zod';
import { DATE, isRealDate, MONTH } from '../dates.js';

import { ITEM_ID, PROJECT_ID } from '../ids.js';

export { ITEM_ID, PROJECT_ID };

/** Optional fields also accept an explicit empty value (`actual_end:`), as FORMAT.md's examples write them. */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

export const text = () => z.string().min(1).describe('non-empty text');

export const id = () =>
  z.string().regex(PROJECT_ID).describe('an id of lowercase letters, digits and dashes, starting with a letter or digit (e.g. apollo)');

export const itemId = () => z.string().regex(ITEM_ID).describe('an id of capital letters then digits, like R1 or M-3');

/** A calendar date with no time zone; a date that does not exist is its own finding. */
export const date = () =>
  z
    .string()
    .regex(DATE, { abort: true })
    .describe('a date written YYYY-MM-DD')
    .refine(isRealDate, { params: { rule: 'schema/invalid-date' }, abort: true });

/** A calendar month, YYYY-MM (a period costs are logged by). */
export const month = () => z.string().regex(MONTH).describe('a month written YYYY-MM');

export const int = (min: number, max: number) =>
  z.number().int().min(min).max(max).describe(`an integer from ${min} to ${max}`);

export const percent = () => z.number().min(0).max(100).describe('a percentage from 0 to 100');

export const money = () => z.number().min(0).describe('an amount of money: a number, 0 or more');

export const count = () => z.number().int().min(0).describe('a whole number, 0 or more');

export const signedInt = () => z.number().int().describe('a whole number (negative for a gain)');

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).describe(`one of ${values.join(', ')}`);

export const list = <T extends z.ZodType>(item: T) => z.array(item).describe('a list');

export const textList = () => z.array(text()).describe('a list of texts');

/** A repo-relative path to a record file, or a list of them. */
export const recordPaths = () =>
  z.union([text(), z.array(text())]).describe('a path in the repository, or a list of paths');

export const RAG = ['green', 'amber', 'red'] as const;
export const LEVEL = ['low', 'medium', 'high'] as const;
