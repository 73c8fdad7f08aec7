/** The cache's file format: records that read back as written, and damage that reads as missing, never as data. */
import { describe, expect, it } from 'vitest';
import { sealedFile, unsealed } from '../../src/load/sealed.js';

const RECORDS = [{ stamp: 's1', detail: 'd1' }, ['projects/apollo.yaml', { hash: 'ab12', findings: [{ line: 14, message: 'risk R1 <&"\'> ü\n日本' }] }], ['projects/zeus.yaml', { hash: 'cd34', findings: [] }]];
const text = (records: unknown[]) => [...sealedFile(records)].join('');

describe('sealed cache files', () => {
  it('read back as written, whatever the strings hold, and are one JSON document', () => {
    const file = text(RECORDS);
    expect(unsealed(file)).toEqual({ records: RECORDS, whole: true });
    expect(() => JSON.parse(file)).not.toThrow();
    expect(file.split('\n')).toHaveLength(RECORDS.length + 3); // [, a line per record, the file's sum, and the end
    expect(unsealed(text([]))).toEqual({ records: [], whole: true });
  });

  it('hold a big file in chunks, summed across them', () => {
    const many = Array.from({ length: 5000 }, (_, i) => [`projects/p${i}.yaml`, { hash: String(i).repeat(60), findings: [] }]);
    const chunks = [...sealedFile(many)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(unsealed(chunks.join(''))).toEqual({ records: many, whole: true });
  });

  it('read a record whose line does not match its sum as missing, keeping the others and their places', () => {
    const file = text(RECORDS);
    const flipped = file.replace('"line":14', '"line":15');
    expect(flipped).not.toBe(file);
    expect(unsealed(flipped)).toEqual({ records: [RECORDS[0], undefined, RECORDS[2]], whole: false });
    // A record changed together with its sum still does not match the file's sum: the file is not whole.
    const head = file.split('\n')[1]!;
    const other = text([{ stamp: 's2', detail: 'd1' }]).split('\n')[1]!;
    expect(unsealed(file.replace(head, other))).toEqual({ records: [{ stamp: 's2', detail: 'd1' }, RECORDS[1], RECORDS[2]], whole: false });
  });

  it('notice a damaged sum, of a record or of the file', () => {
    const file = text(RECORDS);
    const lines = file.split('\n');
    const flipDigit = (line: string) => line.replace(/\d/, (d) => String((Number(d) + 1) % 10));
    const recordSum = [lines[0], flipDigit(lines[1]!), ...lines.slice(2)].join('\n');
    expect(unsealed(recordSum)).toEqual({ records: [undefined, RECORDS[1], RECORDS[2]], whole: false });
    const fileSum = [...lines.slice(0, -2), flipDigit(lines.at(-2)!), ''].join('\n');
    expect(unsealed(fileSum)).toEqual({ records: RECORDS, whole: false });
  });

  it('keep what came before a cut, at any length, and never throw', () => {
    const file = text(RECORDS);
    const bodyEnd = file.lastIndexOf('\n', file.length - 2) + 1;
    for (let length = 0; length < file.length; length++) {
      const { records, whole } = unsealed(file.slice(0, length));
      expect(whole).toBe(false);
      // Every record read is one that was written, in its place, and every complete line before the cut is read.
      records.forEach((record, i) => expect(record === undefined || record === RECORDS[i] || JSON.stringify(record) === JSON.stringify(RECORDS[i])).toBe(true));
      const completeLines = file.slice(0, Math.min(length, bodyEnd)).split('\n').length - 2;
      expect(records.filter((record) => record !== undefined)).toHaveLength(Math.max(0, completeLines));
    }
  });

  it('read anything else as no records', () => {
    for (const garbage of ['', '\n', '{"key": "truncated', '[\n]\n', 'x\ny\nz\n', JSON.stringify({ key: 'k', entries: {} })]) {
      expect(unsealed(garbage).records.every((record) => record === undefined)).toBe(true);
      expect(unsealed(garbage).whole).toBe(false);
    }
  });
});
