import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/output/reports/csv.js';

describe('toCsv (RFC 4180)', () => {
  it('quotes what needs quoting and a real CSV parser reads back every cell', () => {
    const rows = [
      ['apollo', 'Apollo, phase 2', 'said "no"', 'line one\nline two', 500000, null],
      ['zeus', 'Plain', '', 'x\r\ny', -12.5, true],
    ];
    const text = toCsv(['id', 'name', 'quote', 'multi', 'amount', 'flag'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('id,name,quote,multi,amount,flag');
    const back = parse(text, { record_delimiter: '\r\n' }) as string[][];
    expect(back).toEqual([
      ['id', 'name', 'quote', 'multi', 'amount', 'flag'],
      ['apollo', 'Apollo, phase 2', 'said "no"', 'line one\nline two', '500000', ''],
      ['zeus', 'Plain', '', 'x\r\ny', '-12.5', 'true'],
    ]);
  });

  it('keeps text a spreadsheet would run as a formula from running, but not negative numbers', () => {
    const text = toCsv(['name', 'n'], [['=HYPERLINK("http://evil")', -5], ['+1', 3], ['@SUM(A1)', 0], ['-2', 1]]);
    const back = parse(text) as string[][];
    expect(back.slice(1).map((r) => r[0])).toEqual(["'=HYPERLINK(\"http://evil\")", "'+1", "'@SUM(A1)", "'-2"]);
    expect(back[1]![1]).toBe('-5');
  });

  it('leaves cells empty for missing and non-finite numbers', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, Number.NaN]])).toBe('a,b,c\r\n,,\r\n');
  });
});
