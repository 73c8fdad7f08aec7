/** `pmo init` and `pmo new`: new files valid on creation, never written over existing ones; help with examples; prompts at a terminal. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { heavyRepo } from '../helpers/authoring.js';
import { BIN, pmo } from '../helpers/cli.js';
import { git, makePortfolio, writeFiles } from '../helpers/repo.js';

const TODAY = ['--today', '2026-11-20'];
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const emptyDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pmo-init-'));
  dirs.push(dir);
  return dir;
};
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('pmo init', () => {
  it.each(['supportive', 'controlling', 'directive'])('creates a %s PMO that pmo check passes', (type) => {
    const dir = emptyDir();
    const run = pmo(['init', 'pmo', '--pmo-type', type, '--organization', 'Acme: Corp', ...TODAY], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const root = join(dir, 'pmo');
    for (const file of ['pmo.yaml', 'people.yaml', 'goals.yaml', 'waivers.yaml', 'projects/example.yaml', '.vscode/settings.json', '.pmo/schema/project.schema.json']) {
      expect(existsSync(join(root, file)), file).toBe(true);
    }
    expect(run.stdout).toContain(`Created a ${type} PMO in pmo:`);
    expect(run.stdout).toContain('pmo/projects/example.yaml');
    expect(read(root, 'pmo.yaml')).toContain(`pmo_type: ${type}`);
    expect(read(root, 'pmo.yaml')).toContain('organization: "Acme: Corp"');
    expect(read(root, 'pmo.yaml')).toMatch(/# A \w+ PMO/);
    expect(JSON.parse(read(root, '.vscode/settings.json'))['yaml.schemas']['.pmo/schema/project.schema.json']).toContain('projects/*.yaml');
    const check = pmo(['check', ...TODAY], { cwd: root });
    expect(check.stdout).toContain('no problems');
    expect(check.code).toBe(0);
  });

  it("shows capacity, segments and trainings in pmo.yaml as examples that hold as written", () => {
    const dir = emptyDir();
    expect(pmo(['init', 'pmo', '--pmo-type', 'controlling', ...TODAY], { cwd: dir }).code).toBe(0);
    const root = join(dir, 'pmo');
    const config = read(root, 'pmo.yaml');
    for (const example of ['# capacity:', '# segments: [priority]', '# trainings:']) expect(config).toContain(example);
    // Uncommented: a valid pmo.yaml, whose training plan finds the one project manager untrained.
    writeFileSync(join(root, 'pmo.yaml'), config.replace(/^# (capacity:|  roles:|segments:|trainings:|  required:|    - \{ name: Risk)/gm, '$1'));
    const check = pmo(['check', '-f', 'json', ...TODAY], { cwd: root });
    expect(check.stderr).toBe('');
    const findings = JSON.parse(check.stdout) as Array<{ rule: string; file: string; message: string }>;
    expect(findings.map((f) => [f.rule, f.file])).toEqual([['training-required', 'people.yaml']]);
    expect(findings[0]!.message).toContain('Risk management');
  });

  it('never overwrites: an existing file is kept byte for byte, and said so; only what is missing is added', () => {
    const dir = makePortfolio();
    const before = { config: read(dir, 'pmo.yaml'), people: read(dir, 'people.yaml') };
    const run = pmo(['init', '--pmo-type', 'directive', '--no-vscode', ...TODAY], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created in .:\n  waivers.yaml');
    expect(run.stdout).toContain('Kept (already there):\n  pmo.yaml\n  people.yaml\n  goals.yaml');
    expect(read(dir, 'pmo.yaml')).toBe(before.config);
    expect(read(dir, 'people.yaml')).toBe(before.people);
    // A repo with projects gets no example project, and is not told to edit one
    expect(existsSync(join(dir, 'projects/example.yaml'))).toBe(false);
    expect(run.stdout).not.toContain('example');
    expect(run.stdout).toContain('Next: pmo check; edit people.yaml and goals.yaml; then `pmo new project <id>`.');
  });

  it('--dry-run prints every file it would create as a diff from /dev/null, and writes nothing', () => {
    const dir = emptyDir();
    const run = pmo(['init', '--pmo-type', 'controlling', '--with-templates', '--dry-run', ...TODAY], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--- /dev/null\n+++ b/pmo.yaml\n@@ -0,0 +1,');
    expect(run.stdout).toContain('+++ b/templates/project.yaml.hbs');
    expect(run.stdout).toContain('+++ b/projects/example.yaml');
    expect(run.stderr).toContain('dry run, nothing written');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--hooks installs the pre-commit hook in a git repository, and refuses outside one', () => {
    const repo = emptyDir();
    git(repo, 'init', '-q');
    const run = pmo(['init', 'portfolio', '--pmo-type', 'supportive', '--hooks', ...TODAY], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Pre-commit hook:');
    expect(read(repo, '.git/hooks/pre-commit')).toContain('pmo-hook');
    expect(read(repo, '.git/hooks/pre-commit')).toContain("root='portfolio'");

    const plain = emptyDir();
    const refused = pmo(['init', '--pmo-type', 'supportive', '--hooks'], { cwd: plain });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not in a git repository; run `git init` first, or add --git');
    expect(readdirSync(plain)).toEqual([]);
  });

  it('--git runs `git init` first where there is no repository, so that --hooks can install the hook', () => {
    const plain = emptyDir();
    const run = pmo(['init', 'portfolio', '--pmo-type', 'supportive', '--git', '--hooks', ...TODAY], { cwd: plain });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('Initialized a git repository in portfolio.');
    expect(read(plain, 'portfolio/.git/hooks/pre-commit')).toContain('pmo-hook');
    // The new repository is portfolio's own, at its top: git says so.
    expect(git(join(plain, 'portfolio'), 'rev-parse', '--show-toplevel').trim()).toBe(realpathSync(join(plain, 'portfolio')));

    // Inside a repository already, --git leaves it alone: no nested repository.
    const repo = emptyDir();
    git(repo, 'init', '-q');
    const again = pmo(['init', 'inner', '--pmo-type', 'supportive', '--git', ...TODAY], { cwd: repo });
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Initialized');
    expect(existsSync(join(repo, 'inner/.git'))).toBe(false);
  });

  it('needs --pmo-type off a terminal, and says so', () => {
    const dir = emptyDir();
    const run = pmo(['init'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--pmo-type <supportive|controlling|directive>');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('pmo new', () => {
  it('creates a project from the built-in template, valid and passing pmo check', () => {
    const dir = makePortfolio();
    const run = pmo(['new', 'project', 'hermes', '--name', 'Hermes: SSO rollout', '--manager', 'jdoe', '--sponsor', 'asmith', '--goal', 'G1', '--priority', '2', ...TODAY], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('created projects/hermes.yaml (from the built-in project template)\nNext: fill it in, then `pmo check projects/hermes.yaml`.\n');
    const text = read(dir, 'projects/hermes.yaml');
    expect(text).toContain('id: hermes\nname: "Hermes: SSO rollout"\nmanager: jdoe\nsponsor: asmith\nphase: initiation\npriority: 2\ngoals: [G1]\ndates:\n  start: 2026-11-20\n');
    expect(pmo(['check', 'projects/hermes.yaml', ...TODAY], { cwd: dir }).code).toBe(0);
    // The new file takes pmo update's edits: its empty lists become block lists.
    expect(pmo(['update', 'hermes', '--overall', 'green', '--add-risk', 'SSO vendor late', '--probability', '2', '--impact', '2', ...TODAY], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'projects/hermes.yaml')).toContain('risks:\n  - id: R1\n    title: SSO vendor late\n');
    expect(read(dir, 'projects/hermes.yaml')).toContain('status:                # weekly status updates, newest last: pmo update hermes --overall green --summary "..."\n  - date: 2026-11-20\n    overall: green\n');
  });

  it("uses the repository's templates/project.yaml.hbs over the built-in one", () => {
    const template = '# Acme template\nid: {{id}}\nname: {{name}}\nmanager: {{manager}}\nphase: {{phase}}\ndepartment: IT\ndates:\n  start: {{start}}\n';
    const dir = makePortfolio({ 'templates/project.yaml.hbs': template, 'pmo.yaml': 'version: 1\nschema:\n  project:\n    properties:\n      department: { enum: [IT, Sales] }\n' });
    const run = pmo(['new', 'project', 'hermes', '--name', 'Hermes', '--manager', 'jdoe', ...TODAY], { cwd: dir });
    expect(run.stdout).toContain('(from templates/project.yaml.hbs)');
    expect(read(dir, 'projects/hermes.yaml')).toBe('# Acme template\nid: hermes\nname: Hermes\nmanager: jdoe\nphase: initiation\ndepartment: IT\ndates:\n  start: 2026-11-20\n');
  });

  it("asks for the PMO's required fields with --set, and refuses values its schema refuses", () => {
    const dir = makePortfolio({ 'pmo.yaml': 'version: 1\nschema:\n  project:\n    required: [department]\n    properties:\n      department: { enum: [IT, Sales] }\n' });
    const base = ['new', 'project', 'hermes', '--name', 'Hermes', '--manager', 'jdoe', ...TODAY];
    const missing = pmo(base, { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--set department=<IT|Sales>   (pmo.yaml requires it of every project)');
    const bad = pmo([...base, '--set', 'department=Marketing'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the new file would not be valid, so nothing was written:');
    expect(bad.stderr).toContain('department must be one of IT, Sales');
    expect(existsSync(join(dir, 'projects/hermes.yaml'))).toBe(false);
    expect(pmo([...base, '--set', 'department=Sales'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'projects/hermes.yaml')).toContain('goals: []\ndepartment: Sales\ndates:');
  });

  it('refuses an id that is taken or malformed, unknown people and goals, and a template that renders broken YAML', () => {
    const dir = makePortfolio();
    expect(pmo(['new', 'project', 'apollo', '--name', 'x', '--manager', 'jdoe'], { cwd: dir }).stderr).toContain("the project id 'apollo' is taken: projects/apollo.yaml exists");
    expect(pmo(['new', 'project', 'Apollo_2', '--name', 'x', '--manager', 'jdoe'], { cwd: dir }).stderr).toContain("'Apollo_2' is not a valid project id");
    expect(pmo(['new', 'project', 'hermes', '--name', 'x', '--manager', 'jdeo'], { cwd: dir }).stderr).toContain("--manager jdeo: there is no person 'jdeo' in people.yaml; did you mean 'jdoe'?");
    expect(pmo(['new', 'project', 'hermes', '--name', 'x', '--manager', 'jdoe', '--goal', 'G7'], { cwd: dir }).stderr).toContain("--goal G7: there is no goal 'G7' in goals.yaml");
    writeFiles(dir, { 'templates/project.yaml.hbs': 'id: {{id}}\nname: [{{name}}\n' });
    const broken = pmo(['new', 'project', 'hermes', '--name', 'x', '--manager', 'jdoe'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('templates/project.yaml.hbs does not render valid YAML, so nothing was written:');
    expect(existsSync(join(dir, 'projects/hermes.yaml'))).toBe(false);
  });

  it('creates an intake request; --dry-run shows it and writes nothing', () => {
    const dir = makePortfolio();
    const args = ['new', 'request', 'atlas', '--name', 'Atlas data warehouse', '--requested-by', 'asmith', '--goal', 'G1', '--cost', '300000', '--months', '9', ...TODAY];
    const dry = pmo([...args, '--dry-run'], { cwd: dir });
    expect(dry.stdout).toContain('--- /dev/null\n+++ b/requests/atlas.yaml\n');
    expect(dry.stdout).toContain('+estimate:\n+  cost: 300000\n+  months: 9\n');
    expect(existsSync(join(dir, 'requests/atlas.yaml'))).toBe(false);
    expect(pmo(args, { cwd: dir }).code).toBe(0);
    expect(pmo(['check', 'requests/atlas.yaml', ...TODAY], { cwd: dir }).code).toBe(0);
    // It says how to state the people it needs: uncommented, the example demand lines are valid as they are, and
    // their placeholder roles, which nobody in this portfolio has, are pointed out (demand-role-unknown).
    const written = readFileSync(join(dir, 'requests/atlas.yaml'), 'utf8');
    expect(written).toContain('status: proposed');
    expect(written).toContain('# demand:');
    writeFileSync(join(dir, 'requests/atlas.yaml'), written.replace(/^# (demand:|  - )/gm, '$1'));
    const withDemand = pmo(['check', 'requests/atlas.yaml', '-f', 'json', ...TODAY], { cwd: dir });
    const found = JSON.parse(withDemand.stdout) as Array<{ rule: string; item: string }>;
    expect(found.map((f) => [f.rule, f.item])).toEqual([['demand-role-unknown', 'Software engineer'], ['demand-role-unknown', 'Business analyst']]);
  });
});

describe('help and prompts', () => {
  it.each([['init'], ['new'], ['new', 'project'], ['new', 'request'], ['update'], ['close']])('pmo %s --help has examples', (...command) => {
    const run = pmo([...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:\n  $ pmo ');
  });

  // A real terminal, through util-linux's script(1): the answers are typed ahead, as a fast PM (or a paste) would.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('asks at a terminal what to record, with the last ratings as defaults', () => {
    const dir = heavyRepo();
    const answers = ['1', 'green', '', 'red', '', 'Quota raised', 'Batch 4', '', ''].join('\n');
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
    execFileSync('script', ['-qec', `"${process.execPath}" "${BIN}" update apollo --today 2026-11-20`, '/dev/null'], { cwd: dir, input: answers, env, encoding: 'utf8', timeout: 20_000 });
    const text = read(dir, 'projects/apollo.yaml');
    expect(text).toContain('  - date: 2026-11-20\n    overall: green\n    cost: red\n    summary: Quota raised\n    next: [Batch 4]\n');
  });

  it.skipIf(!hasScript)('pmo init at a terminal takes a choice by its number', () => {
    const dir = emptyDir();
    // PMO type: 2 (controlling, the second choice listed); organisation: the default
    const run = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" init --no-vscode --today 2026-11-20`, '/dev/null'], { cwd: dir, input: '2\n\n', encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout).toContain('  1) supportive');
    expect(run.stdout).toContain('  2) controlling');
    expect(run.status).toBe(0);
    expect(read(dir, 'pmo.yaml')).toContain('pmo_type: controlling');
  });

  it.skipIf(!hasScript)('a terminal that ends the input mid-questions: nothing written, exit 130', () => {
    const dir = heavyRepo();
    const before = read(dir, 'projects/apollo.yaml');
    const env = { ...process.env };
    const run = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" close apollo --today 2026-11-20`, '/dev/null'], { cwd: dir, input: '2026-11-19\n', env, encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout).toContain('Actual end date');
    expect(run.stdout).toContain('the input ended before every question was answered; nothing was written');
    expect(run.status).toBe(130);
    expect(read(dir, 'projects/apollo.yaml')).toBe(before);
  });
});
