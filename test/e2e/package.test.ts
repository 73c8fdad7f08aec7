/**
 * The published package as a user gets it: what `npm pack` puts in it, and what installing the tarball says.
 * `npm pack` in this checkout would rebuild dist/ under the other test files' feet (prepack), so the tarball is
 * packed from a copy of what it ships, with the manifest step prepack runs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string; files: string[]; scripts: Record<string, string> };

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), name));
  temps.push(dir);
  return dir;
};

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, timeout: 120_000 });

describe('the published package', () => {
  it('ships the MIT licence package.json names, and no source maps', () => {
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) /);
    const run = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    expect(run.status).toBe(0);
    const [pack] = JSON.parse(run.stdout) as Array<{ files: Array<{ path: string }>; unpackedSize: number }>;
    const files = pack!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/pmo.js', 'dist/main.js', 'templates/weekly.md.hbs', 'docs/format.md']));
    // Measured when they were left out: 7.8 MB unpacked with the maps (4.9 MB of them), 2.9 MB without; they
    // serve only --verbose stack traces, which name the bundle's functions and lines without them.
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(pack!.unpackedSize).toBeLessThan(4_000_000);
  });

  it('installs from the tarball without a word about install scripts: the shipped package.json has none', (ctx) => {
    expect(manifest.scripts.prepack).toContain('node scripts/pack-manifest.mjs strip');
    expect(manifest.scripts.postpack).toBe('node scripts/pack-manifest.mjs restore');
    // What the tarball is made of, and the manifest step prepack runs after the build
    const stage = temp('pmo-stage-');
    for (const path of ['package.json', 'LICENSE', 'README.md', '.npmrc', 'scripts/pack-manifest.mjs', ...manifest.files.filter((f) => !f.startsWith('!'))]) {
      cpSync(join(ROOT, path), join(stage, path), { recursive: true });
    }
    const original = readFileSync(join(stage, 'package.json'), 'utf8');
    expect(spawnSync(process.execPath, ['scripts/pack-manifest.mjs', 'strip'], { cwd: stage }).status).toBe(0);
    const out = temp('pmo-tarball-');
    expect(npm(['pack', '--ignore-scripts', '--pack-destination', out], stage).status).toBe(0);
    expect(spawnSync(process.execPath, ['scripts/pack-manifest.mjs', 'restore'], { cwd: stage }).status).toBe(0);
    expect(readFileSync(join(stage, 'package.json'), 'utf8')).toBe(original); // the checkout's, byte for byte
    const tarball = join(out, readdirSync(out)[0]!);

    // Installed elsewhere, from npm's cache (the dependencies npm ci fetched): no network in a test
    const user = temp('pmo-user-');
    writeFileSync(join(user, 'package.json'), '{ "name": "a-pmo-user", "private": true }\n');
    const install = npm(['install', '--offline', '--no-audit', '--no-fund', tarball], user);
    if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) {
      console.warn('skipped: the dependencies are not in npm\'s cache (run npm ci first)');
      return ctx.skip();
    }
    expect(install.status).toBe(0);
    expect(install.stderr).not.toMatch(/prepare|install-scripts|allowScripts/);
    const version = spawnSync(join(user, 'node_modules/.bin/pmo'), ['--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
