/** audits/<id>.yaml: discovered, held to its schema with positions, its references and action states checked. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { makeRepo, PEOPLE, GOALS, PROJECT } from '../helpers/repo.js';

const AUDIT = `id: 2026-q3
date: 2026-09-15
auditor: jdoe
scope: [apollo]
findings:
  - id: F1
    message: Steering minutes not signed
    severity: warn
    project: apollo
    actions:
      - id: A1
        type: corrective
        what: Sign the minutes
        owner: bkim
        due: 2026-12-01
        state: open
`;

const run = async (audit: string, path = 'audits/2026-q3.yaml') => {
  const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'projects/apollo.yaml': PROJECT, 'records/apollo/charter.md': '#', [path]: audit });
  const { findings, files } = await check({ cwd: dir, today: '2026-11-20', cache: false });
  return { files, found: findings.filter((f) => f.file.startsWith('audits/')).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`) };
};

describe('audit files', () => {
  it('a valid audit is read and has no findings', async () => {
    const { files, found } = await run(AUDIT);
    expect(files).toContain('audits/2026-q3.yaml');
    expect(found).toEqual([]);
  });

  it('a bad value is a schema finding at its line and column', async () => {
    const { found } = await run(AUDIT.replace('state: open', 'state: opne'));
    expect(found).toEqual(['16:16 schema/invalid-value action A1: state must be one of open, done, verified, dropped, got "opne"']);
  });

  it('unknown owner and auditor are the usual reference findings, with a did-you-mean', async () => {
    const { found } = await run(AUDIT.replace('auditor: jdoe', 'auditor: jdo').replace('owner: bkim', 'owner: zed'));
    expect(found).toEqual([
      "3:10 ref/unknown-person auditor 'jdo' is not in people.yaml; did you mean 'jdoe'?",
      "14:16 ref/unknown-person action A1: owner 'zed' is not in people.yaml; add them to people.yaml or fix the id",
    ]);
  });

  it('an unknown project in the scope or on a finding is a reference finding', async () => {
    const { found } = await run(AUDIT.replace('scope: [apollo]', 'scope: [apolo]'));
    expect(found).toEqual(["4:9 ref/unknown-project project 'apolo' is not in projects/; did you mean 'apollo'?"]);
  });

  it('a state without what backs it, and action ids used twice in the audit', async () => {
    const audit = `${AUDIT.replace('state: open', 'state: done')}  - id: F2
    message: Risks not reviewed
    severity: warn
    actions:
      - { id: A1, type: preventive, what: Review monthly, owner: jdoe, due: 2026-12-01, state: dropped }
`;
    const { found } = await run(audit);
    expect(found).toEqual([
      '16:16 schema/action-state action A1 is done but has no done: add the date it was done',
      "21:15 schema/duplicate-id action id 'A1' is used again (first in audit finding F1); action ids must be unique in the audit",
      '21:96 schema/action-state action A1 is dropped but has no reason: add why it was dropped',
    ]);
  });

  it('the id is the file name; a done date after today is a future date', async () => {
    const { found } = await run(AUDIT.replace('state: open', 'state: done\n        done: 2026-11-25'), 'audits/q3.yaml');
    expect(found.map((f) => f.split(' ')[1])).toEqual(['schema/id-mismatch', 'dates/future']);
  });
});
