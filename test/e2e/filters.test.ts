/**
 * Reports for an audience (issue 16, part 3): the filters of every report and `pmo status`, `pmo status
 * --as-of`, `pmo list` and shell completion, run as a user runs them on temp repositories.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, pmo } from '../helpers/cli.js';
import { git, makePortfolio, MINIMAL_CONFIG, PROJECT, writeFiles } from '../helpers/repo.js';

const TODAY = ['--today', '2026-11-20'];
const CONFIG = `${MINIMAL_CONFIG}schema:\n  project:\n    properties:\n      department: { type: string }\n`;

/**
 * Three projects, each active: apollo (jdoe, IT, G2, approved 500,000, forecast 540,000, spent 320,000),
 * hermes (bkim, Finance, G1, planning: 200,000 / 210,000 / 50,000), zeus (jdoe, IT, G1: 100,000 / 130,000 / 40,000).
 */
function portfolio(options: { git?: boolean } = {}) {
  const project = (id: string, name: string, manager: string, sponsor: string, phase: string, goal: string, dept: string, money: [number, number, number]) =>
    PROJECT.replace('id: apollo', `id: ${id}`)
      .replace('name: Apollo CRM migration', `name: ${name}\ndepartment: ${dept}`)
      .replace('manager: jdoe', `manager: ${manager}`)
      .replace('sponsor: asmith', `sponsor: ${sponsor}`)
      .replace('phase: execution', `phase: ${phase}`)
      .replace('goals: [G2]', `goals: [${goal}]`)
      .replace('baseline: 500000\n  actual: 320000\n  forecast: 540000', `baseline: ${money[0]}\n  actual: ${money[2]}\n  forecast: ${money[1]}`)
      .replace('records/apollo/charter.md', `records/${id}/charter.md`);
  return makePortfolio(
    {
      'pmo.yaml': CONFIG,
      'projects/apollo.yaml': project('apollo', 'Apollo CRM migration', 'jdoe', 'asmith', 'execution', 'G2', 'IT', [500000, 540000, 320000]),
      'projects/hermes.yaml': project('hermes', 'Hermes SSO', 'bkim', 'asmith', 'planning', 'G1', 'Finance', [200000, 210000, 50000]),
      'projects/zeus.yaml': project('zeus', 'Zeus data lake', 'jdoe', 'bkim', 'execution', 'G1', 'IT', [100000, 130000, 40000]),
      'records/hermes/charter.md': '# Charter\n',
      'records/zeus/charter.md': '# Charter\n',
    },
    options,
  );
}

const json = (args: string[], cwd: string) => {
  const run = pmo([...args, '-C', cwd, ...(args[0] === 'list' ? [] : TODAY), '-f', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

describe('filters', () => {
  it('total only the projects shown, and say what the report was filtered to', () => {
    const dir = portfolio();
    const weekly = json(['report', 'weekly', '--manager', 'jdoe'], dir);
    expect(weekly.projects.map((p: { id: string }) => p.id)).toEqual(['apollo', 'zeus']);
    // apollo + zeus: approved 500,000 + 100,000; forecast 540,000 + 130,000; spent 320,000 + 40,000.
    expect(weekly.summary.budget).toMatchObject({ approved: 600000, forecast: 670000, actual: 360000, variance: 70000, variance_pct: 11.7 });
    expect(weekly.report.filter).toMatchObject({ text: 'manager Jane Doe (jdoe)', shown: 2, of: 3, empty: null });
    const md = pmo(['report', 'weekly', '--manager', 'jdoe', '-C', dir, ...TODAY]).stdout;
    expect(md).toContain('> **Filtered to** manager Jane Doe (jdoe): 2 of 3 projects. Totals are of these projects only.');
    expect(md).not.toContain('Hermes');
    const html = pmo(['report', 'weekly', '--manager', 'jdoe', '-f', 'html', '-C', dir, ...TODAY]).stdout;
    expect(html).toContain('<strong>Filtered to</strong> manager Jane Doe (jdoe): 2 of 3 projects.');
  });

  it('combine: one flag’s values are alternatives, different flags must all hold', () => {
    const dir = portfolio();
    const ids = (args: string[]) => json(['status', ...args], dir).map((p: { id: string }) => p.id).sort();
    expect(ids(['--goal', 'G1'])).toEqual(['hermes', 'zeus']);
    expect(ids(['--goal', 'G1', '--department', 'IT'])).toEqual(['zeus']);
    expect(ids(['--phase', 'planning,execution', '--sponsor', 'asmith'])).toEqual(['apollo', 'hermes']);
    expect(ids(['--project', 'h*'])).toEqual(['hermes']);
    expect(ids(['--project', 'apollo', '--project', 'zeus'])).toEqual(['apollo', 'zeus']);
    // The audit's totals are the chosen projects' too: 1 project audited.
    expect(json(['report', 'audit', '--department', 'Finance'], dir).compliance.projects.map((p: { project: string }) => p.project)).toEqual(['hermes']);
    // Resources: only the chosen projects' allocations. Each project allocates jdoe 50% until its forecast end,
    // 2026-11-15: in the week of 2 November, 150% for the three, 50% for Finance's hermes alone.
    const jdoe = (...filter: string[]) => {
      const run = pmo(['report', 'resources', ...filter, '--weeks', '1', '--today', '2026-11-02', '-f', 'json', '-C', dir]);
      return JSON.parse(run.stdout).people.find((p: { person: string }) => p.person === 'jdoe').load;
    };
    expect(jdoe()).toEqual([150]);
    expect(jdoe('--department', 'Finance')).toEqual([50]);
  });

  it('refuse a value the repository does not know, with a did-you-mean, and write nothing', () => {
    const dir = portfolio();
    for (const [flag, value, hint] of [['--manager', 'jdeo', 'jdoe'], ['--department', 'Finanse', 'Finance'], ['--goal', 'G3', 'G1'], ['--phase', 'exécution', 'execution'], ['--project', 'hermses', 'hermes']]) {
      const run = pmo(['report', 'weekly', flag!, value!, '-C', dir, ...TODAY, '-o', join(dir, 'out.md')]);
      expect(run.code, `${flag} ${value}`).toBe(2);
      expect(run.stderr).toContain(`pmo: ${flag} ${value}: no such`);
      expect(run.stderr).toContain(`did you mean '${hint}'?`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(() => execFileSync('ls', [join(dir, 'out.md')], { stdio: 'pipe' })).toThrow();
    const status = pmo(['status', '--sponsor', 'asmiht', '-C', dir, ...TODAY]);
    expect([status.code, status.stderr]).toEqual([2, expect.stringContaining("did you mean 'asmith'?")]);
    expect(pmo(['report', 'project', 'apollo', '--manager', 'jdoe', '-C', dir, ...TODAY]).code).toBe(2);
    expect(pmo(['report', 'intake', '--manager', 'jdoe', '-C', dir, ...TODAY]).stderr).toContain('requests, which have no manager');
  });

  it('say which filter left no project', () => {
    const dir = portfolio();
    const status = pmo(['status', '--manager', 'bkim', '--phase', 'execution', '-C', dir, ...TODAY]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('no project matches: --phase execution leaves none of the 1 project that --manager bkim leaves');
    const weekly = json(['report', 'weekly', '--department', 'IT', '--goal', 'G1', '--phase', 'planning'], dir);
    expect(weekly.report.filter.empty).toBe('no project matches: --phase planning leaves none of the 1 project that --department IT and --goal G1 leave');
    expect(weekly.summary.budget.approved).toBe(0);
    const glob = json(['report', 'weekly', '--project', 'x*'], dir);
    expect(glob.report.filter.empty).toBe('no project matches: --project x* leaves none of the 3 projects');
  });
});

describe('pmo report trends with filters', () => {
  it('narrows every period, and checks the values against the work tree', () => {
    const dir = portfolio({ git: true });
    // Judged today: the commit was made today (a --today before it would find no commit).
    const trends = JSON.parse(pmo(['report', 'trends', '--weeks', '1', '--manager', 'jdoe', '-f', 'json', '-C', dir]).stdout);
    expect(trends.points.at(-1).values).toMatchObject({ projects: 2, active: 2 });
    expect(trends.report.filter.text).toBe('manager Jane Doe (jdoe)');
    const bad = pmo(['report', 'trends', '--manager', 'jdo', '-C', dir, ...TODAY]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("did you mean 'jdoe'?")]);
  });
});

describe('pmo status --as-of', () => {
  it('shows the portfolio as a commit had it', () => {
    const dir = portfolio({ git: true });
    writeFiles(dir, { 'projects/zeus.yaml': execFileSync('cat', [join(dir, 'projects/zeus.yaml')], { encoding: 'utf8' }).replace('overall: amber', 'overall: red') });
    git(dir, 'commit', '-qam', 'zeus goes red');
    const rag = (args: string[]) => Object.fromEntries(json(['status', ...args], dir).map((p: { id: string; rag: { overall: string } }) => [p.id, p.rag.overall]));
    expect(rag([])).toEqual({ apollo: 'amber', hermes: 'amber', zeus: 'red' });
    expect(rag(['--as-of', 'HEAD~1'])).toEqual({ apollo: 'amber', hermes: 'amber', zeus: 'amber' });
    expect(rag(['--as-of', 'HEAD~1', '--manager', 'jdoe'])).toEqual({ apollo: 'amber', zeus: 'amber' });
    expect(pmo(['status', '--as-of', 'nosuchref', '-C', dir]).code).toBe(2);
  });
});

describe('pmo list', () => {
  it('lists ids with names, as text or JSON', () => {
    const dir = portfolio();
    expect(json(['list', 'people'], dir)).toEqual([
      { id: 'asmith', name: 'Alex Smith', role: 'Sponsor' },
      { id: 'bkim', name: 'Bo Kim', role: 'Engineer' },
      { id: 'jdoe', name: 'Jane Doe', role: 'Project manager' },
    ]);
    expect(json(['list', 'goals'], dir).map((g: { id: string }) => g.id)).toEqual(['G1', 'G2']);
    expect(json(['list', 'projects', '--manager', 'jdoe'], dir).map((p: { id: string; name: string }) => `${p.id} ${p.name}`)).toEqual(['apollo Apollo CRM migration', 'zeus Zeus data lake']);
    const text = pmo(['list', 'goals', '-C', dir]).stdout;
    expect(text).toBe('G1  Grow recurring revenue 20%\nG2  Retire legacy platforms by 2027\n');
    const bad = pmo(['list', 'goal', '-C', dir]);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, "pmo: pmo list has no 'goal': it lists people, goals, projects; did you mean 'goals'?"]);
  });
});

describe('pmo completion', () => {
  /** What bash's completion offers for the words typed, with `pmo` on the PATH as the built CLI. */
  function complete(dir: string, words: string[]): string[] {
    const bin = mkdtempSync(join(tmpdir(), 'pmo-bin-'));
    writeFileSync(join(bin, 'pmo'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'pmo'), 0o755);
    const script = pmo(['completion', 'bash']).stdout;
    const line = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _pmo; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const out = execFileSync('bash', ['-c', line], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    return out.split('\n').filter(Boolean).sort();
  }

  it('completes commands, flags from their definitions, and ids from the repository', () => {
    const dir = portfolio();
    expect(complete(dir, ['pmo', 'sta'])).toEqual(['status']);
    expect(complete(dir, ['pmo', 'status', '--dep'])).toEqual(['--department']);
    expect(complete(dir, ['pmo', 'report', 'weekly', '--manager', ''])).toEqual(['asmith', 'bkim', 'jdoe']);
    expect(complete(dir, ['pmo', 'update', ''])).toEqual(['apollo', 'hermes', 'zeus']);
    expect(complete(dir, ['pmo', 'update', 'apollo', '--milestone', ''])).toEqual(['M1', 'M2']);
    expect(complete(dir, ['pmo', 'update', 'apollo', '--close-risk', ''])).toEqual(['R1']);
    expect(complete(dir, ['pmo', 'status', '--department', ''])).toEqual(['Finance', 'IT']);
    expect(complete(dir, ['pmo', 'report', 'weekly', '-f', ''])).toEqual(['csv', 'html', 'json', 'md']);
    expect(complete(dir, ['pmo', 'report', 'project', 'z'])).toEqual(['zeus']);
    // Every report the program defines, none typed twice
    expect(complete(dir, ['pmo', 'report', ''])).toEqual(expect.arrayContaining(['audit', 'intake', 'project', 'resources', 'trends', 'weekly']));
    expect(complete(dir, ['pmo', 'update', 'apollo', ''])).not.toContain('apollo');
  });

  it('reads the ids from the repository -C names, and takes no directory for a project', () => {
    const dir = portfolio();
    const elsewhere = mkdtempSync(join(tmpdir(), 'pmo-elsewhere-'));
    expect(complete(elsewhere, ['pmo', 'update', ''])).toEqual([]);
    expect(complete(elsewhere, ['pmo', 'update', '-C', dir, ''])).toEqual(['apollo', 'hermes', 'zeus']);
    expect(complete(elsewhere, ['pmo', 'update', '-C', dir, 'apollo', '--milestone', ''])).toEqual(['M1', 'M2']);
    expect(complete(elsewhere, ['pmo', 'status', '--cwd', dir, '--manager', ''])).toEqual(['asmith', 'bkim', 'jdoe']);
    expect(complete(elsewhere, ['pmo', 'report', 'project', '-C', dir, 'h'])).toEqual(['hermes']);
  });

  it('prints a zsh script that runs the same completion through bashcompinit', () => {
    const zsh = pmo(['completion', 'zsh']);
    expect(zsh.code).toBe(0);
    expect(zsh.stdout).toContain('bashcompinit');
    expect(zsh.stdout).toContain('complete -o default -F _pmo pmo');
    expect(pmo(['completion', 'fish']).code).toBe(2);
  });
});
