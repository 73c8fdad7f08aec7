/** `pmo report` and `pmo status` as a user runs them: real processes on the bundled example and temp repos. */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { makePortfolio, makeRepo, PROJECT } from '../helpers/repo.js';

const ACME = fileURLToPath(new URL('../../examples/acme', import.meta.url));
const TODAY = ['--today', '2026-11-20'];
const report = (args: string[], cwd = ACME) => pmo(['report', ...args, '-C', cwd, ...TODAY]);

/** Every GFM table in the text, with a check that each raw row has as many cells as its header. */
function tables(markdown: string): Tokens.Table[] {
  const found = marked.lexer(markdown).filter((t): t is Tokens.Table => t.type === 'table');
  for (const table of found) {
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    const [header, , ...rows] = table.raw.trimEnd().split('\n');
    for (const row of rows) expect(cells(row), `row of a table with header ${header}:\n${row}`).toBe(cells(header!));
    expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
  }
  return found;
}

describe('pmo report weekly', () => {
  it('counts the revenue overdue from the date it became overdue, and says which date that is', () => {
    // B1 not invoiced, due 2026-10-31: overdue since its due date, 20 days on 2026-11-20 (31 Oct to 20 Nov).
    // B2 invoiced 2026-09-01, unpaid: payment is due 45 days later (invoice_payment_days), on 2026-10-16, so it
    // is 35 days overdue (15 days of October after the 16th, then 20), though its due date, 2026-08-31, is 81 days back.
    const billing = 'revenue:\n  - { id: B1, amount: 100000, due: 2026-10-31 }\n  - { id: B2, amount: 50000, due: 2026-08-31, invoiced: 2026-09-01 }\n';
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('records:', `${billing}records:`) });
    const md = report(['weekly'], dir).stdout;
    const table = tables(md).find((t) => t.header.some((h) => h.text === 'Invoiced'))!;
    expect(table.header.map((h) => h.text)).toEqual(['Project', 'Billing', 'Amount', 'Due', 'Invoiced', 'Overdue since', 'Days overdue']);
    expect(table.rows.map((r) => [r[1]!.text, r[3]!.text, r[5]!.text, r[6]!.text])).toEqual([
      ['B2', '2026-08-31', '2026-10-16', '35'],
      ['B1', '2026-10-31', '2026-10-31', '20'],
    ]);
    const html = report(['weekly', '-f', 'html'], dir).stdout;
    expect(html).toContain('<th>Overdue since</th>');
  });

  it('renders CommonMark with GFM tables of a consistent shape, and the numbers of the example', () => {
    const run = report(['weekly']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const found = tables(run.stdout);
    expect(found.length).toBeGreaterThan(8);
    const portfolio = found.find((t) => t.header[0]!.text === 'Project' && t.header[1]!.text === 'Manager')!;
    // 10 projects, 2 left out for schema errors: 8 rows
    expect(portfolio.rows).toHaveLength(8);
    expect(run.stdout).toContain('Left out of this report');
    expect(run.stdout).toContain('projects/iso27001.yaml');
  });

  it('is the same bytes on every run for the same --today', () => {
    expect(report(['weekly']).stdout).toBe(report(['weekly']).stdout);
    expect(report(['weekly', '-f', 'html']).stdout).toBe(report(['weekly', '-f', 'html']).stdout);
  });

  it('prints the documented view model as JSON, evm fields per project, no NaN', () => {
    const run = report(['weekly', '--format', 'json']);
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout);
    expect(Object.keys(model)).toEqual(['report', 'summary', 'since', 'projects', 'left_out']);
    expect(model.report).toMatchObject({ kind: 'weekly', organization: 'Acme Corp', today: '2026-11-20', currency: 'EUR' });
    for (const p of model.projects) {
      expect(Object.keys(p.evm)).toEqual(['bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'cpi', 'spi', 'eac', 'etc', 'vac', 'tcpi']);
    }
    expect(run.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('--horizon sets how far ahead a milestone counts as due', () => {
    const due = (args: string[]) => JSON.parse(report(['weekly', '-f', 'json', ...args]).stdout).summary.milestones_due.map((m: { project: string; days_left: number }) => [m.project, m.days_left]);
    // Due on 2026-11-27 (7 days), then three on 2026-12-04 (14 days)
    expect(due([])).toEqual([['expense-app', 7], ['crm-migration', 14], ['data-platform', 14], ['route-optimization', 14]]);
    expect(due(['--horizon', '7'])).toEqual([['expense-app', 7]]);
    expect(report(['weekly', '--horizon', '7']).stdout).toContain('Due in the next 7 days');
  });

  it('writes CSV a CSV parser reads: one row per project with the headline measures', () => {
    const run = report(['weekly', '--format', 'csv']);
    const rows = parseCsv(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(8);
    const crm = rows.find((r) => r.id === 'crm-migration')!;
    expect(crm).toMatchObject({ phase: 'execution', overall: 'amber', budget_baseline: '640000' });
    expect(Number(crm.cpi)).toBeGreaterThan(0);
  });

  it('writes --out atomically and prints nothing', () => {
    const dir = makeRepo();
    const out = join(dir, 'out', 'weekly.html');
    const run = pmo(['report', 'weekly', '-C', ACME, ...TODAY, '-f', 'html', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readdirSync(join(dir, 'out'))).toEqual(['weekly.html']); // no temp file left behind
  });

  it('refuses an --out it cannot write with exit 2, leaving no partial file', () => {
    const dir = makeRepo({ 'afile': 'x' });
    const run = pmo(['report', 'weekly', '-C', ACME, ...TODAY, '--out', join(dir, 'afile', 'weekly.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pmo: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('x');
  });
});

describe('pmo report: the other kinds', () => {
  it('audit: compliance per project and the PM ranking', () => {
    const md = report(['audit']).stdout;
    tables(md);
    expect(md).toContain('## Project managers ranked');
    const csv = parseCsv(report(['audit', '-f', 'csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(csv.map((r) => r.project)).toContain('crm-migration');
    for (const r of csv) expect(Number(r.score)).toBe(Math.max(0, 100 - 10 * Number(r.errors) - 3 * Number(r.warnings) - Number(r.infos)));
  });

  it('audit: managers and projects by name (ids beside them in JSON); no departments recorded said once, not as a blank row', () => {
    // apollo: Jane Doe (jdoe) manages it; no project records a department
    const dir = makePortfolio();
    const md = report(['audit'], dir).stdout;
    const byProject = tables(md).find((t) => t.header[0]!.text === 'Project' && t.header[1]!.text === 'Manager')!;
    expect(byProject.rows.map((r) => [r[0]!.text, r[1]!.text, r[2]!.text])).toEqual([['Apollo CRM migration', 'Jane Doe', 'none']]);
    const ranked = tables(md).find((t) => t.header[1]?.text === 'Manager' && t.header[0]!.text === 'Rank')!;
    expect(ranked.rows.map((r) => r[1]!.text)).toEqual(['Jane Doe']);
    expect(md).not.toContain('## Departments ranked');
    expect(md).toContain('No project records a department.');
    const html = report(['audit', '-f', 'html'], dir).stdout;
    expect(html).toContain('<td>Jane Doe</td>');
    expect(html).toContain('No project records a department.');
    const json = JSON.parse(report(['audit', '-f', 'json'], dir).stdout);
    expect(json.compliance.projects[0]).toMatchObject({ project: 'apollo', project_name: 'Apollo CRM migration', manager: 'jdoe', manager_name: 'Jane Doe' });
    expect(json.compliance.managers[0]).toMatchObject({ manager: 'jdoe', manager_name: 'Jane Doe', rank: 1 });
    expect(json.compliance.departments_recorded).toBe(false);
    const csv = parseCsv(report(['audit', '-f', 'csv'], dir).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(csv.map((r) => [r.project, r.project_name, r.manager, r.manager_name])).toEqual([['apollo', 'Apollo CRM migration', 'jdoe', 'Jane Doe']]);
  });

  it('audit keeps a project whose file has schema errors: its errors count against its manager and department, its budget against its goals', () => {
    // zeus (jdoe, IT) has priority 9 (a schema error) and baseline 300,000 for goal G1; apollo (jdoe, no
    // department) is valid with 500,000 for G2.
    const zeus = PROJECT.replace('id: apollo', 'id: zeus').replace('priority: 2', 'priority: 9').replace('goals: [G2]', 'goals: [G1]')
      .replace('baseline: 500000', 'baseline: 300000').replace('phase: execution', 'phase: execution\ndepartment: IT');
    const dir = makePortfolio({
      'projects/zeus.yaml': zeus,
      'pmo.yaml': 'version: 1\npmo_type: controlling\nschema:\n  project:\n    properties:\n      department: { enum: [IT, Finance] }\n',
    });
    const audit = JSON.parse(report(['audit', '-f', 'json'], dir).stdout);
    const row = audit.compliance.projects.find((p: { project: string }) => p.project === 'zeus');
    // One schema error: 100 - 10 = 90
    expect(row).toMatchObject({ project: 'zeus', manager: 'jdoe', department: 'IT', errors: 1, score: 90 });
    expect(audit.compliance.departments.map((d: { department: string | null; projects: number }) => [d.department, d.projects])).toEqual([['IT', 1], [null, 1]]);
    expect(audit.compliance.managers).toMatchObject([{ manager: 'jdoe', projects: 2 }]);
    expect(audit.projects.map((p: { id: string; left_out: boolean }) => [p.id, p.left_out])).toEqual([['apollo', false], ['zeus', true]]);
    expect(audit.other_files).toEqual([]);
    // The weekly's alignment: 800,000 in all, G1 300,000 (zeus), G2 500,000 (apollo)
    const weekly = JSON.parse(report(['weekly', '-f', 'json'], dir).stdout);
    expect(weekly.summary.alignment.total).toBe(800000);
    expect(weekly.summary.alignment.goals.map((g: { id: string; budget: number }) => [g.id, g.budget])).toEqual([['G1', 300000], ['G2', 500000]]);
  });

  it('project <id>: the one-pager; an unknown id exits 2 with a suggestion', () => {
    const run = report(['project', 'crm-migration']);
    expect(run.code).toBe(0);
    tables(run.stdout);
    expect(run.stdout).toMatch(/^# Salesforce CRM migration \(crm-migration\)/);
    const typo = report(['project', 'crm-migraton']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("did you mean 'crm-migration'?");
    const broken = report(['project', 'iso27001']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('schema error');
  });

  it('project <id> finds a project kept in a .yml file, and says why a broken one cannot be reported', () => {
    const dir = makePortfolio({ 'projects/apollo.yml': PROJECT, 'projects/hera.yml': PROJECT.replace('id: apollo', 'id: hera').replace('priority: 2', 'priority: high') });
    rmSync(join(dir, 'projects', 'apollo.yaml'));
    const run = report(['project', 'apollo', '-f', 'json'], dir);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).project.file).toBe('projects/apollo.yml');
    const broken = report(['project', 'hera'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe("pmo: projects/hera.yml cannot be reported: it has 1 YAML or schema error: run pmo check projects/hera.yml\n");
  });

  it('resources and intake', () => {
    const resources = JSON.parse(report(['resources', '--weeks', '4', '-f', 'json']).stdout);
    expect(resources.weeks).toEqual(['2026-W47', '2026-W48', '2026-W49', '2026-W50']);
    tables(report(['resources']).stdout);
    const intake = parseCsv(report(['intake', '-f', 'csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    // pmo.yaml weights value 3, alignment 3, urgency 2, risk -1:
    // ai-service-desk 3x4 + 3x4 + 2x3 - 3 = 27; treasury-system 9 + 12 + 8 - 2 = 27 (a tie shares rank 1);
    // fleet-electrification 9 + 9 + 4 - 4 = 18
    expect(intake.map((r) => [r.rank, r.id, r.score])).toEqual([
      ['1', 'ai-service-desk', '27'],
      ['1', 'treasury-system', '27'],
      ['3', 'fleet-electrification', '18'],
    ]);
  });

  it('an unknown kind exits 2 with a suggestion and the list of kinds', () => {
    const run = report(['weekyl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("did you mean 'weekly'?");
    expect(run.stderr).toContain('weekly, audit, project, resources, intake');
  });
});

describe("a PMO's own templates", () => {
  const repo = (files: Record<string, string>) => makePortfolio(files);

  it('override a built-in template and its partials, and add kinds', () => {
    const dir = repo({
      'templates/weekly.md.hbs': 'Ours: {{report.organization}} has {{summary.active}} {{> sign}}\n',
      'templates/partials/sign.hbs': 'active (signed {{report.today}})',
      'templates/board.md.hbs': '# Board pack\n{{#each projects}}- {{name}}: {{money budget.baseline}}\n{{/each}}',
    });
    expect(report(['weekly'], dir).stdout).toBe('Ours: Test Co has 1 active (signed 2026-11-20)\n');
    const board = report(['board'], dir);
    expect(board.code).toBe(0);
    expect(board.stdout).toBe('# Board pack\n- Apollo CRM migration: €500,000\n');
    // The built-in weekly HTML still works beside an overridden Markdown one
    expect(report(['weekly', '-f', 'html'], dir).stdout).toMatch(/^<!DOCTYPE html>/);
  });

  it('a template with an error names its file and line, exit 2, no stack trace', () => {
    const dir = repo({ 'templates/weekly.md.hbs': '# Weekly\n\n{{#each projects}}\n{{name}}\n' });
    const run = report(['weekly'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('templates/weekly.md.hbs:');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const helper = repo({ 'templates/weekly.md.hbs': 'line 1\n{{chart "pie" summary}}\n' });
    const bad = report(['weekly', '-f', 'md'], helper);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("no chart named 'pie'");
    expect(bad.stderr).toContain('templates/weekly.md.hbs');
  });

  it('cannot reach prototypes, and HTML output escapes what the files say', () => {
    const dir = repo({
      'templates/weekly.md.hbs': '[{{constructor}}][{{report.constructor.name}}][{{#with report}}{{__proto__}}{{/with}}]\n',
      'projects/apollo.yaml': PROJECT.replace('name: Apollo CRM migration', 'name: "<img src=x onerror=alert(1)> | *x*"'),
    });
    expect(report(['weekly'], dir).stdout).toBe('[][][]\n');
    const html = report(['weekly', '-f', 'html'], dir).stdout;
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
    const plain = repo({ 'projects/apollo.yaml': PROJECT.replace('name: Apollo CRM migration', 'name: "<img src=x onerror=alert(1)> | *x*"') });
    const md = report(['weekly'], plain).stdout;
    tables(md);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; \\| \\*x\\*');
  });

  it('--template renders a file given on the command line', () => {
    const dir = repo({ 'mine.hbs': '{{#each projects}}{{id}}{{/each}}' });
    expect(pmo(['report', 'weekly', '-C', dir, ...TODAY, '--template', join(dir, 'mine.hbs')]).stdout).toBe('apollo');
    const missing = pmo(['report', 'weekly', '-C', dir, ...TODAY, '--template', join(dir, 'nope.hbs')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});

describe('pmo status', () => {
  it('fits 80 columns, worst status first, and filters', () => {
    const run = pmo(['status', '-C', ACME, ...TODAY]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n\n')[0]!.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^Project\s+RAG\s+Phase\s+SPI\s+CPI\s+Next due\s+Update\s+Findings$/);
    const rags = lines.slice(1).map((l) => l.split(/\s+/)[1]);
    expect(rags).toEqual([...rags].sort((a, b) => ['Red', 'Amber', 'Green', '-'].indexOf(a!) - ['Red', 'Amber', 'Green', '-'].indexOf(b!)));
    expect(run.stdout).not.toMatch(/\x1b\[/); // not a terminal: no colour
    const amber = pmo(['status', '-C', ACME, ...TODAY, '--status', 'amber', '-f', 'json']);
    const rows = JSON.parse(amber.stdout) as Array<{ id: string; rag: { overall: string } }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.rag.overall === 'amber')).toBe(true);
    const pm = JSON.parse(pmo(['status', '-C', ACME, ...TODAY, '--manager', 'prossi', '-f', 'json']).stdout) as Array<{ manager: { id: string } }>;
    expect(pm.map((r) => r.manager.id)).toEqual(['prossi', 'prossi']);
    // A phase the lifecycle lacks is a typo (exit 2); a real filter that nothing passes says so.
    expect(pmo(['status', '-C', ACME, ...TODAY, '--phase', 'nowhere']).code).toBe(2);
    expect(pmo(['status', '-C', ACME, ...TODAY, '--manager', 'nobody']).code).toBe(2);
    // prossi manages three projects (one of them a file with errors), none in execution.
    expect(pmo(['status', '-C', ACME, ...TODAY, '--manager', 'prossi', '--phase', 'execution']).stdout).toContain(
      '\nno project matches: --phase execution leaves none of the 3 projects that --manager prossi leaves\n',
    );
    expect(run.stdout).toContain('2 left out (YAML or schema errors, see pmo check): projects/brightmart-edi.yaml, projects/iso27001.yaml');
  });

  it('colours when forced, and never under NO_COLOR', () => {
    expect(pmo(['status', '-C', ACME, ...TODAY], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(pmo(['status', '-C', ACME, ...TODAY, '--color'], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });
});

describe('a file saved while a report reads the portfolio', () => {
  it('is not read as if it had been judged: the report says to run it again rather than build on unchecked data', async () => {
    const { check } = await import('../../src/check.js');
    const { writeFileSync } = await import('node:fs');
    const dir = makePortfolio();
    const result = await check({ cwd: dir, today: '2026-11-20', cache: false });
    expect(Buffer.from(result.readFile('projects/apollo.yaml')).toString('utf8')).toBe(PROJECT);
    // The PM saves the file between the check and the read: a version the check never judged (broken, here).
    writeFileSync(join(dir, 'projects/apollo.yaml'), PROJECT.replace(/^dates:\n(?: {2}.*\n)+/m, 'dates: soon\n'));
    expect(() => result.readFile('projects/apollo.yaml')).toThrow('projects/apollo.yaml changed while pmo was reading the portfolio (a save in an editor, a git checkout?); run the command again');
  });
});

describe('flag values: checked, in any case, by their other names', () => {
  it('pmo status refuses a status or phase that names nothing, with did-you-mean; RED is red', () => {
    const grene = pmo(['status', '-C', ACME, '--status', 'grene', ...TODAY]);
    expect([grene.code, grene.stderr]).toEqual([2, expect.stringContaining("got 'grene'; did you mean 'green'?")]);
    const phase = pmo(['status', '-C', ACME, '--phase', 'exec', ...TODAY]);
    expect([phase.code, phase.stderr]).toEqual([2, expect.stringContaining("--phase exec: no such phase here; did you mean 'execution'?\nKnown: initiation, planning, execution, closing, closed")]);
    const red = pmo(['status', '-C', ACME, '--status', 'RED,Amber', '-f', 'json', ...TODAY]);
    expect(red.code).toBe(0);
    expect((JSON.parse(red.stdout) as Array<{ rag: { overall: string } }>).every((p) => ['red', 'amber'].includes(p.rag.overall))).toBe(true);
  });

  it('md and markdown name one format in check and report; --fail-on takes warning for warn', () => {
    const check = (args: string[]) => pmo(['check', '-C', ACME, ...TODAY, ...args]);
    expect(check(['-f', 'md']).stdout).toBe(check(['-f', 'markdown']).stdout);
    expect(report(['weekly', '-f', 'markdown']).stdout).toBe(report(['weekly', '-f', 'md']).stdout);
    expect(check(['--fail-on', 'warning']).code).toBe(1);
    expect(check(['--fail-on', 'Warn']).code).toBe(1);
  });
});
