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
import { keptFromText, keptRecord, removeSpools, Spool, SpoolReader } from '../../src/load/spool.js';
import type { Rejudge } from '../../src/load/cache.js';
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

const rejudge = (n: number): Rejudge => ({ hash: `h${n}`, data: JSON.stringify({ id: `P-${n}`, name: 'Café ☕ 日本', risks: [{ id: 'R1' }] }), stand: [unknownField(n)], own: 1, dayRules: ['risk-review-overdue', `rule-${n}`] });
const unknownField = (n: number): RawFinding => ({ rule: 'schema/unknown-field', severity: 'warn', message: `unknown field 'x${n}'`, file: `projects/p${n}.yaml`, at: { path: [`x${n}`], on: 'key' } });

describe('spools', () => {
  it('read back each record as its rejudge file would hold it, across chunks and multi-byte text', () => {
    const dir = folder();
    const spool = new Spool(dir);
    // ~3,000 records of ~150 bytes: more than one chunk of 256 KB.
    const refs = Array.from({ length: 3000 }, (_, n) => spool.add(`projects/p${n}.yaml`, rejudge(n))!);
    spool.close();
    const reader = new SpoolReader(dir);
    const lines = refs.map((ref, n) => reader.line(`projects/p${n}.yaml`, ref));
    reader.close();
    // The lines make a file whose records are the Rejudges as cache.ts reads them back: its data as text, and the
    // data's length first (to read the rest without it).
    const file = [...sealedFile([])].join('').replace('[\n', `[\n${lines.join('')}`);
    const { records } = unsealed(file);
    expect(records).toHaveLength(3000);
    const data = { id: 'P-2999', name: 'Café ☕ 日本', risks: [{ id: 'R1' }] };
    expect(records[2999]).toEqual(['projects/p2999.yaml', { length: JSON.stringify(data).length, data, hash: 'h2999', stand: [unknownField(2999)], own: 1, dayRules: ['risk-review-overdue', 'rule-2999'] }]);
    // Read back from the record's text (its value, after the path) as a whole rejudge file's records are.
    const text = keptRecord('projects/p2999.yaml', rejudge(2999)).text;
    expect(keptFromText(text.slice(text.indexOf(',') + 1, -1))).toEqual(rejudge(2999));
    expect(lines[7]).toBe(keptLine('projects/p7.yaml', rejudge(7)));
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
    expect(reader.line('projects/p3.yaml', refs[3]!)).toBeUndefined();
    truncateSync(file, refs[2]!.offset + 10);
    expect(reader.line('projects/p1.yaml', refs[1]!)).toBe(keptLine('projects/p1.yaml', rejudge(1)));
    expect(reader.line('projects/p2.yaml', refs[2]!)).toBeUndefined();
    // p1's line is whole, but p0's is asked for: not served.
    expect(reader.line('projects/p0.yaml', refs[1]!)).toBeUndefined();
    expect(reader.line('projects/p0.yaml', { ...refs[0]!, spool: 'rejudge-spool.1.0.0.0' })).toBeUndefined();
    // A line read at the wrong place is no record line.
    expect(reader.line('projects/p1.yaml', { ...refs[1]!, offset: refs[1]!.offset + 1 })).toBeUndefined();
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

/** The sealed line of a record, as the cache writes it in a rejudge file. */
function keptLine(path: string, kept: Rejudge): string {
  return [...sealedFile([keptRecord(path, kept)])].join('').split('\n')[1]! + '\n';
}
