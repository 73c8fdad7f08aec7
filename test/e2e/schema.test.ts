/** `pmo schema` as a PM runs it: what it writes and prints, what it leaves alone, and how it fails. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { makePortfolio, MINIMAL_CONFIG } from '../helpers/repo.js';

const KINDS = ['project', 'request', 'people', 'goals', 'waivers', 'audit', 'ruleset', 'config'];
const written = (dir: string) => KINDS.map((kind) => `${dir}/${kind}.schema.json`);

describe('pmo schema', () => {
  it('writes one schema per kind to .pmo/schema (git-ignored), prints them and the yaml.schemas setting', () => {
    const repo = makePortfolio();
    const run = pmo(['schema'], { cwd: repo });
    expect(run.code).toBe(0);
    const [paths, settings] = run.stdout.split('\n\n');
    expect(paths!.split('\n')).toEqual(written('.pmo/schema'));
    expect(readFileSync(join(repo, '.pmo/.gitignore'), 'utf8')).toContain('*');
    const mapping = JSON.parse(settings!.slice(settings!.indexOf('{'))) as { 'yaml.schemas': Record<string, string[]> };
    expect(mapping['yaml.schemas']['.pmo/schema/project.schema.json']).toEqual(['projects/*.yaml', 'projects/*.yml']);
    expect(mapping['yaml.schemas']['.pmo/schema/config.schema.json']).toEqual(['pmo.yaml']);
    expect(JSON.parse(readFileSync(join(repo, '.pmo/schema/project.schema.json'), 'utf8'))).toMatchObject({ $id: 'urn:pmo:schema:project' });
  });

  it('rewrites only what changed: nothing on a second run, the project schema after pmo.yaml changes', () => {
    const repo = makePortfolio();
    expect(pmo(['schema', '--out', 'schemas'], { cwd: repo }).stdout).toBe(`${written('schemas').join('\n')}\n`);
    const before = statSync(join(repo, 'schemas/people.schema.json')).mtimeMs;
    expect(pmo(['schema', '--out', 'schemas'], { cwd: repo })).toMatchObject({ code: 0, stdout: '' });
    writeFileSync(join(repo, 'pmo.yaml'), `${MINIMAL_CONFIG}schema:\n  project:\n    required: [department]\n`);
    expect(pmo(['schema', '--out', 'schemas'], { cwd: repo }).stdout).toBe('schemas/project.schema.json\n');
    expect(statSync(join(repo, 'schemas/people.schema.json')).mtimeMs).toBe(before);
    expect(existsSync(join(repo, '.pmo'))).toBe(false);
  });

  it('--print prints one schema and writes nothing', () => {
    const repo = makePortfolio();
    const run = pmo(['schema', '--print', 'waivers', '-C', repo]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ title: 'pmo waivers (waivers.yaml)', properties: { waivers: expect.any(Object) } });
    expect(existsSync(join(repo, '.pmo'))).toBe(false);
    expect(pmo(['schema', '--print', 'budget', '-C', repo])).toMatchObject({ code: 2, stderr: expect.stringContaining('Allowed choices are project, request') });
  });

  it('--vscode merges into .vscode/settings.json, and refuses to touch one that is not JSON', () => {
    const repo = makePortfolio({ '.vscode/settings.json': '{\n    // ours\n    "editor.rulers": [100],\n}\n' });
    const run = pmo(['schema', '--vscode'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([...written('.pmo/schema'), '.vscode/settings.json']);
    const text = readFileSync(join(repo, '.vscode/settings.json'), 'utf8');
    expect(text.startsWith('{\n    // ours\n    "editor.rulers": [100],\n    "yaml.schemas": {\n')).toBe(true);

    const broken = '{ "editor.rulers": [100] \n "x": 1 }';
    writeFileSync(join(repo, '.vscode/settings.json'), broken);
    const refused = pmo(['schema', '--vscode'], { cwd: repo });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^pmo: \.vscode\/settings\.json is not valid JSON .*line 2, column 2/);
    expect(readFileSync(join(repo, '.vscode/settings.json'), 'utf8')).toBe(broken);
  });

  it('stops with exit 2 and the message pmo check gives when pmo.yaml is broken', () => {
    const repo = makePortfolio({ 'pmo.yaml': 'version: 2\nschema:\n  project:\n    properties:\n      size: { type: nonsense }\n' });
    const schema = pmo(['schema'], { cwd: repo });
    const check = pmo(['check'], { cwd: repo });
    expect(schema.code).toBe(2);
    expect(schema.stderr).toBe(check.stderr);
    expect(schema.stderr).toContain('pmo.yaml has settings pmo cannot use');
    expect(schema.stdout).toBe('');
  });

  it('does not follow a .pmo that is a link out of the repository: exit 2, nothing written there', async () => {
    const { mkdtempSync, readdirSync, symlinkSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const repo = makePortfolio();
    const outside = mkdtempSync(join(tmpdir(), 'pmo-outside-'));
    symlinkSync(outside, join(repo, '.pmo'));
    const run = pmo(['schema'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pmo: \.pmo\/schema resolves to .*, outside the repository; pmo writes only inside it, so nothing was written/);
    expect(readdirSync(outside)).toEqual([]);
    // Where the user points -o, pmo writes: a folder outside the repo is theirs to choose.
    expect(pmo(['schema', '-o', join(outside, 'schemas')], { cwd: repo }).code).toBe(0);
    expect(readdirSync(join(outside, 'schemas')).sort()).toEqual(KINDS.map((kind) => `${kind}.schema.json`).sort());
  });

  it('has help with examples', () => {
    const run = pmo(['schema', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:\n  $ pmo schema ');
    expect(pmo(['--help']).stdout).toContain('$ pmo schema --vscode');
  });
});

describe('pmo schema --vscode and a settings.json that is a link', () => {
  it('writes through the link to its target, keeping the link and the mode', async () => {
    const { chmodSync, lstatSync, mkdirSync, statSync, symlinkSync, writeFileSync } = await import('node:fs');
    const repo = makePortfolio();
    mkdirSync(join(repo, 'dotfiles'));
    writeFileSync(join(repo, 'dotfiles/settings.json'), '{\n  "editor.rulers": [100]\n}\n');
    chmodSync(join(repo, 'dotfiles/settings.json'), 0o640);
    mkdirSync(join(repo, '.vscode'));
    symlinkSync('../dotfiles/settings.json', join(repo, '.vscode/settings.json'));
    expect(pmo(['schema', '--vscode'], { cwd: repo }).code).toBe(0);
    expect(lstatSync(join(repo, '.vscode/settings.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(repo, 'dotfiles/settings.json'), 'utf8')).toContain('yaml.schemas');
    expect(statSync(join(repo, 'dotfiles/settings.json')).mode & 0o777).toBe(0o640);
  });
});
