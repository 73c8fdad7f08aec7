/**
 * FORMAT.md's id patterns, without zod: the CLI checks ids as flags are parsed, and a warm check must not load
 * the schemas to do it.
 */
export const PROJECT_ID = /^[a-z0-9][a-z0-9-]*$/;
export const ITEM_ID = /^[A-Z]+-?[0-9]+$/;
