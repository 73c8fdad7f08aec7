/**
 * Spools: what a cold check keeps for a new day, written by the thread that made it and copied into the rejudge
 * files when the cache is saved. Lines read back as they were sealed; a line that cannot be read whole reads as
 * missing (the new day reads that file again), never as another file's data; spools are deleted once saved.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sealedFile, unsealed } from '../../src/load/sealed.js';
import { keptRecords, removeSpools, Spool, SpoolReader } from '../../src/load/spool.js';
import type { Kept } from '../../src/load/cache.js';
import type { RawFinding } from '../../src/findings.js';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pmo-spool-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const data = (n: number) => ({ id: `P-${n}`, name: 'Café ☕ 日本', risks: [{ id: 'R1' }] });
const rejudge = (n: number): Kept => ({
  rejudge: { hash: `h${n}`, stand: [unknownField(n)], own: 1, dayRules: ['risk-review-overdue', `rule-${n}`] },
  body: { data: JSON.stringify(data(n)), ...(n % 2 === 0 ? { positions: `0,4,6,${n};8,12` } : {}) },
});
const unknownField = (n: number): RawFinding => ({ rule: 'schema/unknown-field', severity: 'warn', message: `unknown field 'x${n}'`, file: `projects/p${n}.yaml`, at: { path: [`x${n}`], on: 'key' } });

describe('spools', () => {
  it('read back each record as its rejudge file would hold it, across chunks and multi-byte text', () => {
    const dir = folder();
    const spool = new Spool(dir);
    // ~3,000 records of ~150 bytes: more than one chunk of 256 KB.
    const refs = Array.from({ length: 3000 }, (_, n) => spool.add(`projects/p${n}.yaml`, rejudge(n))!);
    spool.close();
    const reader = new SpoolReader(dir);
    const lines = refs.map((ref, n) => reader.lines(`projects/p${n}.yaml`, ref)!);
    reader.close();
    // The lean lines make a rejudge file, the body lines a body file, whose records are what cache.ts reads back.
    const fileOf = (part: 'lean' | 'body') => unsealed([...sealedFile([])].join('').replace('[\n', `[\n${lines.map((l) => l[part]).join('')}`)).records;
    const [lean, bodies] = [fileOf('lean'), fileOf('body')];
    expect(lean).toHaveLength(3000);
    expect(lean[2999]).toEqual(['projects/p2999.yaml', { hash: 'h2999', stand: [unknownField(2999)], own: 1, dayRules: ['risk-review-overdue', 'rule-2999'] }]);
    // The body: the data as JSON (not a string of it), with the content's hash, and positions when kept.
    expect(bodies[2998]).toEqual(['projects/p2998.yaml', { hash: 'h2998', data: data(2998), positions: '0,4,6,2998;8,12' }]);
    expect(bodies[2999]).toEqual(['projects/p2999.yaml', { hash: 'h2999', data: data(2999) }]);
    expect(lines[7]).toEqual(keptRecords('projects/p7.yaml', rejudge(7)));
  });

  it('reads a line it cannot read whole and as sealed (its spool cut short, gone or damaged) as missing, and never as another file\'s', () => {
    const dir = folder();
    const spool = new Spool(dir);
    const refs = [0, 1, 2, 3].map((n) => spool.add(`projects/p${n}.yaml`, rejudge(n))!);
    spool.close();
    const file = join(dir, refs[0]!.spool);
    // A digit of p3's data flipped on disk ("P-3" made "P-4"), then the spool cut in p2's line.
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"P-3"', refs[3]!.offset) + 3;
    bytes[at] = '4'.charCodeAt(0);
    writeFileSync(file, bytes);
    const reader = new SpoolReader(dir);
    expect(reader.lines('projects/p3.yaml', refs[3]!)).toBeUndefined();
    // p2's body line cut short: its lean line alone is not served either.
    truncateSync(file, refs[2]!.offset + refs[2]!.length - 10);
    expect(reader.lines('projects/p1.yaml', refs[1]!)).toEqual(keptRecords('projects/p1.yaml', rejudge(1)));
    expect(reader.lines('projects/p2.yaml', refs[2]!)).toBeUndefined();
    // p1's lines are whole, but p0's are asked for: not served.
    expect(reader.lines('projects/p0.yaml', refs[1]!)).toBeUndefined();
    expect(reader.lines('projects/p0.yaml', { ...refs[0]!, spool: 'rejudge-spool.1.0.0.0' })).toBeUndefined();
    // Lines read at the wrong place are no record lines.
    expect(reader.lines('projects/p1.yaml', { ...refs[1]!, offset: refs[1]!.offset + 1 })).toBeUndefined();
    reader.close();
  });

  it('are deleted once saved, with those an hour old, and another run’s fresh spool is left', () => {
    const dir = folder();
    const spool = new Spool(dir);
    spool.add('projects/a.yaml', rejudge(1));
    spool.close();
    const old = join(dir, 'rejudge-spool.999.1.0.1');
    const running = join(dir, 'rejudge-spool.998.1.0.2');
    writeFileSync(old, 'x');
    writeFileSync(running, 'x');
    writeFileSync(join(dir, 'check-cache.0.json'), 'x');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    removeSpools(dir, new Set([spool.name]));
    expect(readdirSync(dir).sort()).toEqual(['check-cache.0.json', 'rejudge-spool.998.1.0.2']);
    // A check that ended before saving deletes every spool of its process (its failed workers' too)
    const orphan = new Spool(dir);
    orphan.add('projects/b.yaml', rejudge(2));
    orphan.close();
    removeSpools(dir, new Set(), true);
    expect(readdirSync(dir).sort()).toEqual(['check-cache.0.json', 'rejudge-spool.998.1.0.2']);
  });

  it('spool nothing where they cannot make their file, and place no line there', () => {
    const spool = new Spool(join(folder(), 'missing', 'folder'));
    expect(spool.add('projects/a.yaml', rejudge(1))).toBeUndefined();
    expect(spool.add('projects/b.yaml', rejudge(2))).toBeUndefined();
    spool.close();
  });
});
