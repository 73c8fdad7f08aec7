/** The splicing editor on layouts the e2e fixture does not have: each result re-parses to exactly the intended data. */
import { describe, expect, it } from 'vitest';
import { YamlEdit } from '../../src/edit/yaml-edit.js';
import { flowText, scalarText } from '../../src/edit/render.js';
import { nextId } from '../../src/edit/project-edits.js';

const edit = (text: string, change: (e: YamlEdit) => void, eol: '\n' | '\r\n' = '\n') => {
  const e = new YamlEdit(text, eol, 'x.yaml');
  change(e);
  return e.result();
};

describe('YamlEdit', () => {
  it('appends to a file that lacks its last line end', () => {
    expect(edit('id: x\nstatus:\n  - date: 2026-01-01\n    overall: red', (e) => e.append(['status'], { date: '2026-01-08', overall: 'green' }))).toBe(
      'id: x\nstatus:\n  - date: 2026-01-01\n    overall: red\n  - date: 2026-01-08\n    overall: green\n',
    );
  });

  it('follows an indentless list and a four-space indent', () => {
    expect(edit('status:\n- date: 2026-01-01\n  overall: red\nrisks: []\n', (e) => e.append(['status'], { date: '2026-01-08', overall: 'green' }))).toBe(
      'status:\n- date: 2026-01-01\n  overall: red\n- date: 2026-01-08\n  overall: green\nrisks: []\n',
    );
    expect(edit('dates:\n    start: 2026-01-01\nrisks:\n', (e) => e.append(['risks'], { id: 'R1', title: 'x', probability: 1, impact: 1 }))).toBe(
      'dates:\n    start: 2026-01-01\nrisks:\n    - id: R1\n      title: x\n      probability: 1\n      impact: 1\n',
    );
  });

  it('adds a missing map, and a key at the end of the document', () => {
    expect(edit('id: x\n# end\n', (e) => e.set(['records', 'final_report'], 'r.md'))).toBe('id: x\nrecords:\n  final_report: r.md\n# end\n');
  });

  it('appends to a non-empty flow list, quoting what a flow context needs', () => {
    expect(edit('next: [a, b]\n', (e) => e.append(['next'], 'c, d'))).toBe('next: [a, b, "c, d"]\n');
  });

  it('overrides a merged value with a key of its own, leaving the anchor alone', () => {
    const text = 'base: &b { forecast: 2026-01-01, weight: 1 }\nmilestones:\n  - <<: *b\n    id: M1\n';
    expect(edit(text, (e) => e.set(['milestones', 0, 'forecast'], '2026-02-01'))).toBe(`${text}    forecast: 2026-02-01\n`);
  });

  it('keeps CRLF in inserted lines', () => {
    expect(edit('a: 1\r\nb:\r\n  - x\r\n', (e) => e.append(['b'], 'y'), '\r\n')).toBe('a: 1\r\nb:\r\n  - x\r\n  - y\r\n');
  });

  it('replaces a block scalar, keeping the line after it', () => {
    expect(edit('s: |\n  one\n  two\nt: 1\n', (e) => e.set(['s'], 'short'))).toBe('s: short\nt: 1\n');
  });
});

describe('rendering', () => {
  it('quotes only what YAML needs', () => {
    expect(scalarText('plain text')).toBe('plain text');
    expect(scalarText('a: b')).toBe('"a: b"');
    expect(scalarText('true')).toBe('"true"');
    expect(scalarText('42')).toBe('"42"');
    expect(scalarText('2026-11-20')).toBe('2026-11-20');
    expect(scalarText('it', 'QUOTE_SINGLE')).toBe("'it'");
    expect(flowText({ id: 'I1', title: 'x, y', tags: ['a'] })).toBe('{ id: I1, title: "x, y", tags: [a] }');
  });

  it('numbers new items after the highest id, in the list\'s own style', () => {
    expect(nextId([], 'R')).toBe('R1');
    expect(nextId([{ id: 'R1' }, { id: 'R7' }, { id: 'R3' }], 'R')).toBe('R8');
    expect(nextId([{ id: 'RSK-07' }], 'R')).toBe('RSK-08');
  });
});
