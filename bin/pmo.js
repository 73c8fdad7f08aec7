#!/usr/bin/env node
import module from 'node:module';

// Node 22+ keeps compiled code between runs (a faster start for a command run on every commit); Node 20 has no such cache.
module.enableCompileCache?.();

const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv);
