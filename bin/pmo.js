#!/usr/bin/env node
import module from 'node:module';

// Node 22+ keeps compiled code between runs (a faster start for a command run on every commit); Node 20 has no such cache.
module.enableCompileCache?.();

// Stack traces (--verbose) name the TypeScript sources, through the bundle's source maps in a checkout (the
// published package ships none: there they name the bundle's functions and lines).
if (process.argv.includes('--verbose')) process.setSourceMapsEnabled(true);

// The pre-commit hook's check starts the thread that analyzes the staged files before the CLI loads (cli/early.ts).
if (process.argv.includes('check') && process.argv.includes('--staged')) await import('../dist/early.js');

const { main } = await import('../dist/main.js');
process.exitCode = await main(process.argv);
