/**
 * Describing the built-in rules loads every rule module: only the formats that describe rules may pay for it,
 * so a warm `pmo check` in the other formats stays as light as before. A module hook reports the load.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import scheduleSlip from '../../src/rules/builtin/schedule-slip.js';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { TODAY, findingsRepo } from './portfolio.js';

/** The chunk of the bundle (dist/) that holds the built-in rules' code: the one that defines a rule's description. */
const RULES_CHUNK = readdirSync(new URL('../../dist/', import.meta.url)).find(
  (name) => name.endsWith('.js') && readFileSync(new URL(`../../dist/${name}`, import.meta.url), 'utf8').includes(`description: ${JSON.stringify(scheduleSlip.description)}`),
);

/** Registers a load hook (it runs on its own thread) that writes to stderr when that chunk loads. */
const HOOK = `data:text/javascript,import { register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,import { writeSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.endsWith(${JSON.stringify(`/${RULES_CHUNK}`)})) writeSync(2, 'loaded every built-in rule\\n');
  return next(url, context);
}`)});`;

function loadsRules(dir: string, format: string): boolean {
  const run = spawnSync(process.execPath, ['--import', HOOK, BIN, 'check', '--today', TODAY, '--format', format], { cwd: dir, encoding: 'utf8' });
  expect(run.status).toBe(1);
  return run.stderr.includes('loaded every built-in rule');
}

describe('the rule catalog is loaded only when a format describes rules', () => {
  it('finds the chunk it watches', () => expect(RULES_CHUNK).toBeDefined());

  it('on a warm run, stylish, json, junit and gitlab do not load the rules; sarif, markdown and github (its summary) do', () => {
    const dir = findingsRepo();
    expect(loadsRules(dir, 'json')).toBe(true); // the cold run analyzes the files with the rules
    const loads = Object.fromEntries(['stylish', 'json', 'junit', 'github', 'gitlab', 'sarif', 'markdown'].map((f) => [f, loadsRules(dir, f)]));
    expect(loads).toEqual({ stylish: false, json: false, junit: false, github: true, gitlab: false, sarif: true, markdown: true });
  });
});
