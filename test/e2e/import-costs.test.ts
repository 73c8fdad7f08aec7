/**
 * `pmo import costs`: a finance export logged in the projects' cost logs, comments kept, every bad row named by
 * its CSV line, nothing written on any (unless --skip-bad), and an export imported twice logging nothing twice.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { GOALS, makeRepo, PEOPLE, PROJECT } from '../helpers/repo.js';

const TODAY = ['--today', '2026-11-20'];
/** apollo without budget.actual (its log will be the actual cost), with a vendor and a comment to keep. */
const APOLLO = PROJECT.replace('  actual: 320000\n', '').replace('risks:\n', 'vendors:\n  - { name: Acme Cloud, value: 90000 }  # framework contract\nrisks:\n');
const ZEUS = PROJECT.replace('id: apollo', 'id: zeus').replace('name: Apollo CRM migration', 'name: Zeus');

function repo(): string {
  return makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'records/apollo/charter.md': '# Charter\n', 'records/zeus/charter.md': '# Charter\n', 'projects/apollo.yaml': APOLLO, 'projects/zeus.yaml': ZEUS }, { git: true });
}
const read = (dir: string, id: string) => readFileSync(join(dir, 'projects', `${id}.yaml`), 'utf8');
const csv = (dir: string, text: string) => {
  writeFileSync(join(dir, 'export.csv'), text);
  return 'export.csv';
};
const importing = (dir: string, ...args: string[]) => pmo(['import', 'costs', ...args], { cwd: dir });

describe('pmo import costs', () => {
  it('logs each row in its project, keeps the comments, and makes the log the actual cost', () => {
    const dir = repo();
    // Semicolons, as a spreadsheet with a decimal comma writes them; headers in any case; a BOM
    const file = csv(dir, '\uFEFFProject;Month;Amount;Category;Vendor;Note\napollo;2026-10;12,500.50;labour;;Sprints 9-10\napollo;2026-10;4000;vendor;Acme Cloud;\n');
    const run = importing(dir, file);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe('✔ apollo: logged 2 costs\n');
    const text = read(dir, 'apollo');
    expect(text).toContain('  - { name: Acme Cloud, value: 90000 }  # framework contract\n');
    expect(text).toContain('costs:\n  - period: 2026-10\n    amount: 12500.5\n    category: labour\n    note: Sprints 9-10\n  - period: 2026-10\n    amount: 4000\n    category: vendor\n    vendor: Acme Cloud\n');
    // 12,500.50 + 4,000 = 16,500.50 spent: the one-pager's actual cost
    const view = JSON.parse(pmo(['report', 'project', 'apollo', '-f', 'json', ...TODAY], { cwd: dir }).stdout);
    expect(view.project.budget.actual).toBe(16500.5);
    // October is over on 20 November: its spend in the one-pager's cost by month
    expect(view.project.cost_curve.months.find((m: { month: string }) => m.month === '2026-10')).toMatchObject({ spent: 16500.5, actual: 16500.5 });
    const md = pmo(['report', 'project', 'apollo', ...TODAY], { cwd: dir }).stdout;
    expect(md).toContain('## Cost by month');
    expect(md).toContain('| 2026-10 | €16,501 | €16,501 |'); // whole euros, as the report shows money
    expect(read(dir, 'zeus')).toBe(ZEUS);
  });

  it('logs nothing twice: the same export imported again adds nothing', () => {
    const dir = repo();
    const file = csv(dir, 'project,period,amount,category\napollo,2026-09,100,travel\n');
    expect(importing(dir, file).code).toBe(0);
    const once = read(dir, 'apollo');
    const again = importing(dir, file);
    expect([again.code, again.stdout]).toEqual([0, '✔ apollo: logged 0 costs (1 already in its log)\n']);
    expect(read(dir, 'apollo')).toBe(once);
  });

  it('names every bad row by its line and writes nothing; --skip-bad logs the good ones and lists the rest', () => {
    const dir = repo();
    const file = csv(dir, [
      'project,period,amount,category,vendor',
      'apollo,2026-10,100,labour,', // line 2: good
      'apolo,2026-10,100,labour,', // 3: no such project
      'zeus,2026-13,100,labour,', // 4: no such month
      'zeus,2026-10,-5,labour,', // 5: not an amount
      'zeus,2026-10,5,labor,', // 6: no such category
      'zeus,2026-10,5,vendor,Acme Clod', // 7: zeus has no vendors
    ].join('\n'));
    const run = importing(dir, file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('5 of the 6 rows cannot be imported, so nothing was written');
    expect(run.stderr).toContain("export.csv:3: no project 'apolo' in projects/; did you mean 'apollo'?");
    expect(run.stderr).toContain("export.csv:4: period '2026-13' is not a month written YYYY-MM");
    expect(run.stderr).toContain("export.csv:5: amount '-5' is not an amount of money");
    expect(run.stderr).toContain("export.csv:6: category 'labor' is not a cost category (labour, vendor, licences, travel, other); did you mean 'labour'?");
    expect(run.stderr).toContain("export.csv:7: vendor 'Acme Clod' is not among zeus's vendors (it has none); add it under vendors first");
    expect(read(dir, 'apollo')).toBe(APOLLO);

    const skipping = importing(dir, file, '--skip-bad');
    expect(skipping.code).toBe(0);
    expect(skipping.stderr.split('\n').filter((l) => l.startsWith('pmo: warning: skipped export.csv:'))).toHaveLength(5);
    expect(skipping.stdout).toBe('✔ apollo: logged 1 cost\n');
    expect(read(dir, 'zeus')).toBe(ZEUS);
  });

  it('takes other column names with --column, and says which column is missing', () => {
    const dir = repo();
    const file = csv(dir, 'Projekt,Monat,Betrag,Kategorie\napollo,2026-10,250,licences\n');
    const missing = importing(dir, file);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('has no column for project, period, amount, category (its columns: Projekt, Monat, Betrag, Kategorie): name them --column project=<header>')]);
    const wrong = importing(dir, file, '--column', 'project=Projet');
    expect(wrong.stderr).toContain("--column project=Projet: export.csv has no column 'Projet'");
    const mapped = importing(dir, file, '--column', 'project=Projekt', '--column', 'period=Monat', '--column', 'amount=Betrag', '--column', 'category=Kategorie', '--dry-run');
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toContain('+costs:\n+  - period: 2026-10\n+    amount: 250\n+    category: licences\n');
    expect(mapped.stderr).toBe('✔ apollo: would log 1 cost\n');
    expect(read(dir, 'apollo')).toBe(APOLLO);
  });

  it("warns when the project's budget.actual disagrees with its new log, and exits 2 on a file that is not there", () => {
    const dir = repo();
    const file = csv(dir, 'project,period,amount,category\nzeus,2026-10,1000,labour\n');
    const run = importing(dir, file);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('zeus: budget.actual says 320000 but its cost log now sums to 1000');
    expect(pmo(['check', ...TODAY], { cwd: dir }).stdout).toContain('cost-log-mismatch');
    const none = importing(dir, 'nope.csv');
    expect([none.code, none.stderr]).toEqual([2, 'pmo: cannot read nope.csv: no such file\n']);
  });
});

describe('pmo update --log-cost', () => {
  const update = (dir: string, ...args: string[]) => pmo(['update', 'apollo', ...args, ...TODAY], { cwd: dir });

  it("logs one month's cost, keeping the file's comments, and not twice", () => {
    const dir = repo();
    const run = update(dir, '--log-cost', '2026-11', '--amount', '4,200.50', '--category', 'vendor', '--vendor', 'Acme Cloud', '--cost-note', 'November hosting');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('cost of 2026-11 logged: 4,200.5 vendor (Acme Cloud)');
    const text = read(dir, 'apollo');
    expect(text).toContain('  - { name: Acme Cloud, value: 90000 }  # framework contract\n');
    expect(text).toContain('costs:\n  - period: 2026-11\n    amount: 4200.5\n    category: vendor\n    vendor: Acme Cloud\n    note: November hosting\n');
    const again = update(dir, '--log-cost', '2026-11', '--amount', '4200.50', '--category', 'vendor', '--vendor', 'Acme Cloud', '--cost-note', 'November hosting');
    expect(again.stdout).toContain('cost of 2026-11 already in the log');
    expect(read(dir, 'apollo')).toBe(text);
  });

  it('refuses what it cannot log, saying why, and writes nothing: exit 2', () => {
    const dir = repo();
    const cases: Array<[string[], string]> = [
      [['--log-cost', '2026-11', '--amount', '10', '--category', 'labor'], "--category labor: not a cost category (labour, vendor, licences, travel, other); did you mean 'labour'?"],
      [['--log-cost', '2026-11', '--amount', '10', '--category', 'vendor', '--vendor', 'Acme Clod'], "--vendor Acme Clod: not among the project's vendors (Acme Cloud); did you mean 'Acme Cloud'?"],
      [['--log-cost', '2026-11', '--category', 'labour'], '--log-cost 2026-11 needs --amount <amount> and --category <category>'],
      [['--log-cost', '2026-13', '--amount', '10', '--category', 'labour'], "expected a month written YYYY-MM (e.g. 2026-11), got '2026-13'"],
      [['--amount', '10', '--overall', 'green'], '--amount belongs with --log-cost: give it too'],
    ];
    for (const [args, message] of cases) {
      const run = update(dir, ...args);
      expect([run.code, run.stderr], args.join(' ')).toEqual([2, expect.stringContaining(message)]);
    }
    expect(read(dir, 'apollo')).toBe(APOLLO);
  });
});
