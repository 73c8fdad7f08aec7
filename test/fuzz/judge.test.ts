/** The fuzz contract's judge finds what it is there to find: a fuzz run that cannot fail would prove nothing. */
import { describe, expect, it } from 'vitest';
import { judgeFindings, judgeLeftOut, judgeRun, type FuzzCase, type Run } from './lib/index.mjs';

const project: FuzzCase = { file: 'projects/crm-migration.yaml', mutations: [], reports: false };
const config: FuzzCase = { file: 'pmo.yaml', mutations: [], reports: false };
const run = (over: Partial<Run>): Run => ({ code: 1, stdout: '[]', stderr: '', ms: 100, ...over });

describe('judgeRun', () => {
  it('passes exit 0 and 1, and exit 2 for pmo.yaml that names its line', () => {
    expect(judgeRun('check', run({ code: 0 }), project)).toEqual([]);
    expect(judgeRun('check', run({ code: 2, stderr: 'pmo: pmo.yaml cannot be read:\n  pmo.yaml:3:1  bad' }), config)).toEqual([]);
  });

  it('passes pmo report project refusing a project that a changed pmo.yaml made invalid, not other refusals', () => {
    const refused = 'pmo: projects/crm-migration.yaml cannot be reported: it has 1 YAML or schema error: run pmo check projects/crm-migration.yaml';
    expect(judgeRun('report project', run({ code: 2, stderr: refused }), config)).toEqual([]);
    expect(judgeRun('report project', run({ code: 2, stderr: refused }), project)).toEqual([]);
    expect(judgeRun('report project', run({ code: 2, stderr: 'pmo: no project crm-migration' }), config)).toHaveLength(1);
    expect(judgeRun('check', run({ code: 2, stderr: refused }), config)).toHaveLength(1);
  });

  it('fails exit 2 for a data file, or for pmo.yaml without a line', () => {
    expect(judgeRun('check', run({ code: 2, stderr: 'pmo: people.yaml is not a file' }), project)).toHaveLength(1);
    expect(judgeRun('check', run({ code: 2, stderr: 'pmo: pmo.yaml is broken' }), config)).toHaveLength(1);
  });

  it('fails an internal error, a stack trace, a hang, a crash and a slow run', () => {
    expect(judgeRun('check', run({ code: 2, stderr: 'pmo: internal error: x is undefined' }), config)).not.toEqual([]);
    expect(judgeRun('check', run({ stderr: 'Error: boom\n    at parse (file:///x/dist/main.js:10:5)' }), project)).toHaveLength(1);
    expect(judgeRun('check', run({ timedOut: true }), project)).toHaveLength(1);
    expect(judgeRun('check', run({ crashed: true, code: -1 }), project)).toHaveLength(1);
    expect(judgeRun('check', run({ ms: 10_001 }), project)).toHaveLength(1);
  });
});

describe('judgeFindings', () => {
  const finding = { file: 'projects/a.yaml', line: 3, column: 1, rule: 'schema/required', severity: 'error' };
  it('passes located findings, fails one without a line, outside the repository, or output that is not JSON', () => {
    expect(judgeFindings(run({ stdout: JSON.stringify([finding]) })).problems).toEqual([]);
    expect(judgeFindings(run({ stdout: JSON.stringify([{ ...finding, line: 0 }]) })).problems).toHaveLength(1);
    expect(judgeFindings(run({ stdout: JSON.stringify([{ ...finding, file: '../a.yaml' }]) })).problems).toHaveLength(1);
    expect(judgeFindings(run({ stdout: '[{' })).problems).toHaveLength(1);
  });
});

describe('judgeLeftOut', () => {
  it('fails a weekly report that does not list a broken data file as left out', () => {
    const weekly = (files: string[]) => run({ code: 0, stdout: JSON.stringify({ left_out: files.map((file) => ({ file })) }) });
    expect(judgeLeftOut(weekly(['projects/a.yaml']), new Set(['projects/a.yaml']))).toEqual([]);
    expect(judgeLeftOut(weekly([]), new Set(['projects/a.yaml']))).toHaveLength(1);
  });
});
