/**
 * Where pmo's own files are at run time. Tests run the TypeScript sources (src/); users run the bundle, whose
 * chunks all sit directly in dist/. This module is one level below the package root either way, so both
 * layouts resolve from here.
 */

/** Running from the TypeScript sources (the test runner) rather than the bundle. */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');

export const PACKAGE_ROOT = new URL('../', import.meta.url);

/** src/ or dist/: the rule docs (rules/builtin/*.md), the parse worker and build-id.json are found from here. */
export const CODE_DIR = new URL(FROM_SOURCE ? '../src/' : '../dist/', import.meta.url);
