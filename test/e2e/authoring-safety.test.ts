/**
 * Writes that never lose a byte: line ends, BOM and mode kept; a failing or killed write leaves the file as
 * it was; a file changed meanwhile, or with YAML errors, is refused.
 */
import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HEAVY, changedLines, heavyRepo } from '../helpers/authoring.js';
import { pmo } from '../helpers/cli.js';

const TODAY = ['--today', '2026-11-20'];
const FAULT = fileURLToPath(new URL('../helpers/fault.mjs', import.meta.url));
const STATUS = ['update', 'apollo', '--overall', 'green', '--summary', 'Quota raised', ...TODAY];
const bytes = (dir: string) => readFileSync(join(dir, 'projects/apollo.yaml'));
const leftovers = (dir: string) => readdirSync(join(dir, 'projects')).filter((name) => name !== 'apollo.yaml');

/** pmo with a fault injected into its writes (test/helpers/fault.mjs). */
const faulty = (fault: string, args: string[], cwd: string) => pmo(args, { cwd, env: { NODE_OPTIONS: `--import=${FAULT}`, PMO_FAULT: fault } });

describe('line ends, BOM and mode', () => {
  it('keeps a CRLF file CRLF: the inserted lines get CRLF too, and the edit is the LF edit', () => {
    const lf = heavyRepo();
    const crlf = heavyRepo({ 'projects/apollo.yaml': HEAVY.replace(/\n/g, '\r\n') });
    for (const dir of [lf, crlf]) expect(pmo([...STATUS, '--milestone', 'M2', '--forecast', '2026-12-20'], { cwd: dir }).code).toBe(0);
    const text = bytes(crlf).toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toBe(bytes(lf).toString('utf8').replace(/\n/g, '\r\n'));
    expect(changedLines(HEAVY, bytes(lf).toString('utf8')).added).toContain('    summary: Quota raised');
  });

  it('keeps a BOM', () => {
    const dir = heavyRepo({ 'projects/apollo.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEAVY)]) });
    expect(pmo(STATUS, { cwd: dir }).code).toBe(0);
    expect([...bytes(dir).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes(dir).subarray(3).toString('utf8').startsWith('# Apollo')).toBe(true);
  });

  it("keeps the file's mode (a file only its group may read stays so)", () => {
    const dir = heavyRepo();
    chmodSync(join(dir, 'projects/apollo.yaml'), 0o640);
    expect(pmo(STATUS, { cwd: dir }).code).toBe(0);
    expect(statSync(join(dir, 'projects/apollo.yaml')).mode & 0o777).toBe(0o640);
    expect(bytes(dir).toString('utf8')).toContain('summary: Quota raised');
  });

  it('writes through a symbolic link to its target, leaving the link a link', async () => {
    const { symlinkSync, lstatSync, mkdirSync } = await import('node:fs');
    const dir = heavyRepo({ 'projects/apollo.yaml': 'id: placeholder\n' });
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared/apollo.yaml'), HEAVY);
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'projects/apollo.yaml'));
    symlinkSync('../shared/apollo.yaml', join(dir, 'projects/apollo.yaml'));
    expect(pmo(STATUS, { cwd: dir }).code).toBe(0);
    expect(lstatSync(join(dir, 'projects/apollo.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'shared/apollo.yaml'), 'utf8')).toContain('summary: Quota raised');
  });
});

describe('a write that fails leaves the file as it was', () => {
  it('the rename over the file fails (EIO): exit 2, the original intact, no temp file left', () => {
    const dir = heavyRepo();
    const before = bytes(dir);
    const run = faulty('rename', STATUS, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pmo: could not write projects/apollo.yaml (EIO: i/o error, rename');
    expect(run.stderr).toContain('the file was left as it was');
    expect(bytes(dir).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('the process is killed halfway through writing: the original intact; the half-written temp file is not a YAML file', () => {
    const dir = heavyRepo();
    const before = bytes(dir);
    const run = faulty('kill', STATUS, dir);
    expect(run.code).toBe(-1); // killed by a signal
    expect(bytes(dir).equals(before)).toBe(true);
    const temps = leftovers(dir);
    expect(temps).toHaveLength(1);
    expect(temps[0]).toMatch(/^\.apollo\.yaml\.pmo-\d+-[0-9a-f]+\.tmp$/);
    // pmo check reads projects/*.yaml only: the leftover is not taken for a project.
    expect(pmo(['check', '--no-rules', ...TODAY], { cwd: dir }).code).toBe(0);
  });

  it('someone saves the file while pmo writes: refused, their save kept, no temp file left', () => {
    const dir = heavyRepo();
    const run = faulty('concurrent', STATUS, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('projects/apollo.yaml changed while pmo was editing it');
    expect(run.stderr).toContain('nothing was written');
    expect(bytes(dir).toString('utf8')).toBe(`${HEAVY}# saved by someone else meanwhile\n`);
    expect(leftovers(dir)).toEqual([]);
  });

  it('the file changes while the PM writes the update in $EDITOR: refused', () => {
    const dir = heavyRepo();
    // An "editor" that fills in the update, while someone else (a git pull) changes the project file.
    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nsed -i 's/^summary: $/summary: Written in the editor/' "$1"\necho '# pulled meanwhile' >> "${join(dir, 'projects/apollo.yaml')}"\n`, { mode: 0o755 });
    const run = pmo(['update', 'apollo', '--editor', ...TODAY], { cwd: dir, env: { EDITOR: editor, VISUAL: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('changed while pmo was editing it');
    expect(bytes(dir).toString('utf8')).toBe(`${HEAVY}# pulled meanwhile\n`);
  });
});

describe('files pmo will not edit', () => {
  it('refuses a file with YAML errors, saying where', () => {
    const broken = HEAVY.replace('priority: 2', 'priority: 2\npriority: 3').replace('  start: 2026-01-05', '  start: [2026-01-05');
    const dir = heavyRepo({ 'projects/apollo.yaml': broken });
    const run = pmo(STATUS, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('projects/apollo.yaml has YAML errors, so pmo will not edit it (fix them first, then run the command again):');
    expect(run.stderr).toMatch(/projects\/apollo\.yaml:11:1 {2}key 'priority' appears twice in this map \(first on line 10\)/);
    expect(run.stderr).toMatch(/projects\/apollo\.yaml:\d+:\d+ {2}YAML syntax error/);
    expect(bytes(dir).toString('utf8')).toBe(broken);
  });

  it('refuses a file that is not UTF-8, and one with old Mac line ends', () => {
    const latin1 = heavyRepo({ 'projects/apollo.yaml': Buffer.from(HEAVY.replace('Go-live', 'Go-live in M\xfcnchen'), 'latin1') });
    expect(pmo(STATUS, { cwd: latin1 }).stderr).toContain('not valid UTF-8');
    const mac = heavyRepo({ 'projects/apollo.yaml': HEAVY.replace(/\n/g, '\r') });
    expect(pmo(STATUS, { cwd: mac }).stderr).toContain('lone CR');
  });

  it('refuses to change a value through an alias (the anchor would change elsewhere too)', async () => {
    const dir = heavyRepo({ 'projects/apollo.yaml': HEAVY.replace('forecast: 2026-12-15         # moved by CR1', 'forecast: &late 2026-12-15').replace('    baseline: 2026-09-30\n\ndeliverables', '    baseline: 2026-09-30\n    forecast: *late\n\ndeliverables') });
    const before = bytes(dir);
    const run = pmo(['update', 'apollo', '--milestone', 'M3', '--forecast', '2027-01-15', ...TODAY], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('milestones.2.forecast is an alias (*late)');
    const anchor = pmo(['update', 'apollo', '--milestone', 'M2', '--forecast', '2027-01-15', ...TODAY], { cwd: dir });
    expect(anchor.code).toBe(2);
    expect(anchor.stderr).toContain('carries an anchor (&late)');
    expect(bytes(dir).equals(before)).toBe(true);
  });
});
