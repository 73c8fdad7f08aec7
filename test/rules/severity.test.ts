/** pmo_type sets every rule's default severity; pmo.yaml's rules: overrides it (DOMAIN.md's table). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { makePortfolio } from '../helpers/repo.js';

const CLEAN = readFileSync(new URL('./clean-project.yaml', import.meta.url), 'utf8').replace('id: clean', 'id: apollo').replaceAll('records/clean/', 'records/apollo/');
const RECORDS = Object.fromEntries([...new Set(CLEAN.match(/records\/[\w./-]+\.\w+/g))].map((r) => [r, '# record\n']));
const PEOPLE = 'people:\n  - { id: jdoe, name: J }\n  - { id: asmith, name: A }\n  - { id: bkim, name: B }\n  - { id: cfo, name: C }\n';
/** A governance finding (budget-variance) and an advisory one (stakeholders-listed). */
const PROJECT = CLEAN.replace('  forecast: 104000', '  forecast: 125000').replace(/stakeholders:\n {2}- .*\n/, '');

async function severities(config: string) {
  const dir = makePortfolio({ 'pmo.yaml': `version: 1\n${config}`, 'people.yaml': PEOPLE, ...RECORDS, 'projects/apollo.yaml': PROJECT });
  const { findings } = await check({ cwd: dir, today: '2026-11-20', cache: false });
  return Object.fromEntries(findings.map((f) => [f.rule, f.severity]));
}

describe('severity by PMO type', () => {
  it('supportive: every rule warns', async () => {
    expect(await severities('pmo_type: supportive\n')).toEqual({ 'budget-variance': 'warn', 'stakeholders-listed': 'warn' });
  });

  it('controlling: governance rules are errors, advisory ones warn', async () => {
    expect(await severities('pmo_type: controlling\n')).toEqual({ 'budget-variance': 'error', 'stakeholders-listed': 'warn' });
  });

  it('directive: every rule is an error', async () => {
    expect(await severities('pmo_type: directive\n')).toEqual({ 'budget-variance': 'error', 'stakeholders-listed': 'error' });
  });

  it('no pmo_type is a supportive PMO', async () => {
    expect(await severities('')).toEqual({ 'budget-variance': 'warn', 'stakeholders-listed': 'warn' });
  });

  it('rules: in pmo.yaml overrides the default, and off silences a rule', async () => {
    const config = 'pmo_type: directive\nrules:\n  budget-variance: info\n  stakeholders-listed: off\n';
    expect(await severities(config)).toEqual({ 'budget-variance': 'info' });
  });
});
