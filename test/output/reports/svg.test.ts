/** The shared chart pieces: escaping, number formatting, ticks, truncation. */
import { describe, expect, it } from 'vitest';
import { decimal, escapeAttr, escapeText, money, niceTicks, num, truncate } from '../../../src/output/reports/charts/svg.js';
import { xmlErrors } from './svg-xml.js';

describe('escaping', () => {
  it('keeps markup, entities and quotes as text', () => {
    expect(escapeText(`</svg><script>alert("x")</script> & ]]>`)).toBe('&lt;/svg&gt;&lt;script&gt;alert("x")&lt;/script&gt; &amp; ]]&gt;');
    expect(escapeAttr(`a"b'c<d&e\tf\ng`)).toBe('a&quot;b&#39;c&lt;d&amp;e&#9;f&#10;g');
  });

  const hostile = 'a\u0001b\u000Bc\uFFFEd\uD800e \u{1F680}';
  it('replaces characters XML forbids, so one stray control character cannot break the report', () => {
    expect(escapeText(hostile)).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe \u{1F680}');
  });

  it('gives XML a real parser reads without an error', () => {
    expect(xmlErrors(`<t a="${escapeAttr(hostile)}">${escapeText(hostile)}</t>`)).toBe('');
    // The parser is one that would object: the same text unescaped is not XML.
    expect(xmlErrors(`<t>${hostile}</t>`)).toMatch(/^1:\d+ /);
  });
});

describe('numbers', () => {
  it('writes coordinates and ratios to 2 decimals at most, never NaN, Infinity or -0', () => {
    expect([decimal(950), decimal(0.9), decimal(1.25), decimal(2), decimal(-0.001), decimal(NaN)]).toEqual(['950', '0.9', '1.25', '2', '0', 'n/a']);
    expect([num(1 / 3), num(-0), num(-0.001), num(NaN), num(Infinity), num(12)]).toEqual(['0.33', '0', '0', '0', '0', '12']);
  });

  it('writes money short, the same on every machine', () => {
    const values = [0, 950, 999.6, 12_500, 350_000, 999_999, 1_200_000, 1_234_567, 2.5e9, -5000, NaN];
    expect(values.map(money)).toEqual(['0', '950', '1k', '12.5k', '350k', '1M', '1.2M', '1.23M', '2.5B', '-5k', 'n/a']);
  });

  it('gives round ticks from 0 up to at least the maximum', () => {
    expect(niceTicks(1_200_000)).toEqual([0, 250_000, 500_000, 750_000, 1_000_000, 1_250_000]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(NaN)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('truncate', () => {
  it('cuts whole characters, with an ellipsis, and folds line breaks', () => {
    expect(truncate('Apollo', 10)).toBe('Apollo');
    expect(truncate('Apollo moon landing', 10)).toBe('Apollo mo…');
    expect(truncate('\u{1F680}\u{1F680}\u{1F680}', 4)).toBe('\u{1F680}…');
    expect(truncate('東京都庁舎の改修計画', 9)).toBe('東京都庁…');
    expect(truncate('two\nlines', 20)).toBe('two lines');
  });
});
