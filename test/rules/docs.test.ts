import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULE_IDS } from '../../src/rules/builtin/ids.js';
import { BUILTIN_RULES } from '../../src/rules/builtin/index.js';
import { PORTFOLIO_RULES } from '../../src/rules/builtin/portfolio.js';
import { renderRulesDoc, ruleDoc } from '../../src/rules/docs.js';

const BUILTIN_DIR = new URL('../../src/rules/builtin/', import.meta.url);

describe('rule docs', () => {
  it.each(BUILTIN_RULES.map((r) => [r.id, r] as const))('%s has a doc whose first line is its description', (id, rule) => {
    const doc = ruleDoc(id);
    expect(doc.split('\n')[0]).toBe(rule.description);
    for (const heading of ['## What triggers it', '## Why a PMO cares', '## How to fix it']) expect(doc).toContain(heading);
  });

  it('has one rule file per id, named by it, and every rule is in the catalog', () => {
    const generated = ['index.ts', 'ids.ts', 'portfolio.ts'];
    const files = readdirSync(BUILTIN_DIR).filter((f) => f.endsWith('.ts') && !generated.includes(f)).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(BUILTIN_RULES.map((r) => r.id).sort());
    // The warm path's lists (ids.ts, portfolio.ts) agree with the catalog.
    expect([...BUILTIN_RULE_IDS]).toEqual(BUILTIN_RULES.map((r) => r.id));
    expect(PORTFOLIO_RULES.map((r) => r.id)).toEqual(BUILTIN_RULES.filter((r) => r.scope === 'portfolio').map((r) => r.id));
    expect(new Set(BUILTIN_RULES.map((r) => r.id)).size).toBe(BUILTIN_RULES.length);
    for (const rule of BUILTIN_RULES) expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('docs/rules.md is up to date (run `npm run docs`)', () => {
    const current = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(current).toBe(renderRulesDoc(BUILTIN_RULES));
  });
});
