import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { makeRepo } from '../helpers/repo.js';

describe('the clean reference project of the rule fixtures', () => {
  it('passes every check and every built-in rule on the fixtures date', async () => {
    const project = readFileSync(new URL('./clean-project.yaml', import.meta.url), 'utf8');
    const records = [...new Set(project.match(/records\/[\w./-]+\.\w+/g))];
    const dir = makeRepo({
      'pmo.yaml': 'version: 1\npmo_type: directive\n',
      'people.yaml': 'people:\n  - { id: jdoe, name: J }\n  - { id: asmith, name: A }\n  - { id: bkim, name: B }\n  - { id: cfo, name: C }\n',
      'goals.yaml': 'goals:\n  - { id: G1, title: Grow }\n',
      'projects/clean.yaml': project,
      ...Object.fromEntries(records.map((r) => [r, '# record\n'])),
    });
    const { findings } = await check({ cwd: dir, today: '2026-11-20', cache: false });
    expect(findings.map((f) => `${f.line} ${f.rule}: ${f.message}`)).toEqual([]);
  });
});
