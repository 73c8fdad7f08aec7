#!/usr/bin/env node
// "The floor": the least work any check of a PMO repository must do, in one process.
// Reads every YAML file of the corpus (pmo.yaml, people.yaml, goals.yaml, waivers.yaml,
// projects/*.yaml, requests/*.yaml) and parses each with `yaml`'s parseDocument and a LineCounter
// (positions are needed to report findings). Prints nothing and exits 0.
//
//   node bench/floor.mjs DIR [--stats]     (--stats prints files, bytes and parse errors to stderr)
//
// `yaml` is the package's own dependency, resolved from this package's node_modules.

import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';

const args = process.argv.slice(2);
const stats = args.includes('--stats');
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: node bench/floor.mjs DIR [--stats]');
  process.exit(2);
}

const files = [];
for (const name of ['pmo.yaml', 'people.yaml', 'goals.yaml', 'waivers.yaml']) {
  const p = path.join(dir, name);
  if (fs.existsSync(p)) files.push(p);
}
for (const sub of ['projects', 'requests']) {
  const d = path.join(dir, sub);
  if (!fs.existsSync(d)) continue;
  for (const name of fs.readdirSync(d).sort()) if (name.endsWith('.yaml')) files.push(path.join(d, name));
}

let bytes = 0;
let errors = 0;
for (const file of files) {
  const src = fs.readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter });
  bytes += src.length;
  errors += doc.errors.length;
}
if (stats) console.error(`floor: ${files.length} files, ${bytes} chars, ${errors} parse errors`);
