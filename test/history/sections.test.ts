/**
 * A history run reads a new version of a project a top-level field at a time (src/history/sections.ts). It must
 * give what reading the whole file gives: the same data, and the same findings in the same order, for clean
 * files, broken ones, and every kind of edit a PM makes from one week to the next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SectionMemo, splitItems, splitSections, wholeSections } from '../../src/history/sections.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { buildSchemas, type Schemas } from '../../src/model/config-compile.js';
import { configFrom, type Config } from '../../src/model/config.js';
import { SCHEMA_PARSE, validateFile } from '../../src/model/validate-file.js';
import { generatedPortfolio, type Generated } from '../helpers/generated.js';

let generated: Generated;
let schemas: Schemas;
let config: Config;
let projects: Array<[string, string]>;

beforeAll(() => {
  // Half the projects broken, so that issues of every injected kind meet the edits below.
  generated = generatedPortfolio({ projects: 80, violations: 0.5, today: '2026-11-16' });
  schemas = buildSchemas(generated.configData);
  config = configFrom(generated.configData);
  projects = generated.projects;
}, 60_000);

afterAll(() => generated.remove());

/** What reading the whole file gives. */
function whole(path: string, text: string) {
  const { data, findings } = parseYaml(text, path);
  expect(findings, `${path} parses`).toEqual([]);
  return { data, issues: schemas.project.safeParse(data, SCHEMA_PARSE).error?.issues ?? [], findings: validateFile('project', path, data, config, schemas) };
}

/** Reads `text` through the memo and holds it to the whole reading. */
function agrees(memo: SectionMemo, path: string, text: string): void {
  const read = memo.read(path, text, schemas.project);
  expect(read, `${path} is split`).toBeDefined();
  const expected = whole(path, text);
  expect(read!.data).toStrictEqual(expected.data);
  expect(read!.issues.map((i) => [i.code, i.path, i.message])).toEqual(expected.issues.map((i) => [i.code, i.path, i.message]));
  expect(validateFile('project', path, read!.data, config, schemas, read!.issues)).toEqual(expected.findings);
}

/** A week's edits, each applied to the version before. */
const EDITS: Array<[string, (text: string) => string]> = [
  ['unchanged', (t) => t],
  ['a forecast moved', (t) => t.replace(/^( {2}forecast_end:) \S+/m, '$1 2027-03-31')],
  ['a status update at the top of the status list', (t) => t.replace(/^status:\n/m, 'status:\n  - date: 2026-11-20\n    by: rsmith\n    overall: amber\n    summary: Weekly update\n')],
  ['a bad enum in a new update', (t) => t.replace(/^status:\n/m, 'status:\n  - date: 2026-11-27\n    by: rsmith\n    overall: gren\n    summary: Weekly update\n')],
  ['a scalar changed', (t) => t.replace(/^priority: \d+/m, 'priority: 9')],
  ['a field renamed to a typo', (t) => t.replace(/^budget:/m, 'budjet:')],
  ['the typo fixed', (t) => t.replace(/^budjet:/m, 'budget:')],
  ['a required field deleted', (t) => t.replace(/^manager: .*\n/m, '')],
  ['an unknown field added at the end', (t) => `${t.trimEnd()}\nnotes: see the steering committee minutes\n`],
  ['an impossible date', (t) => t.replace(/^( {2}start:) \S+/m, '$1 2026-02-30')],
  ['the first field moved to the end', (t) => `${t.replace(/^id: .*\n/m, '').trimEnd()}\n${t.match(/^id: .*$/m)![0]}\n`],
  ['a list written at column 0', (t) => t.replace(/^goals: \[(.*)\]/m, (_, ids: string) => `goals:\n${ids.split(', ').map((id) => `- ${id}\n`).join('')}`.trimEnd())],
  ['a comment line between fields', (t) => t.replace(/^dates:/m, '# dates agreed at the kick-off\ndates:')],
  ['a risk re-scored', (t) => t.replace(/^( {4}probability: )(\d)$/m, (_, key: string, p: string) => key + ((Number(p) % 5) + 1))],
  ['a risk scored out of range', (t) => t.replace(/^( {4}impact: )\d$/m, '$17')],
  ['the first status update removed', (t) => t.replace(/^(status:\n) {2}- (?:.*\n)(?: {4}.*\n)*/m, '$1')],
  ['a comment between items', (t) => t.replace(/^( {2}- id: R2)$/m, '  # re-scored at the steering committee\n$1')],
  ['an unknown field in a list item', (t) => t.replace(/^( {4}mitigation:)/m, '    mitigaton: none yet\n$1')],
  ['an item that is not a map', (t) => t.replace(/^(risks:\n)/m, '$1  - just a note\n')],
  ['a list emptied', (t) => t.replace(/^assumptions:\n(?: {2}.*\n)+/m, 'assumptions: []\n')],
  ['a value of the wrong type', (t) => t.replace(/^dates:\n(?: {2}.*\n)+/m, 'dates: soon\n')],
];

describe('reading versions of a project by its sections', () => {
  it('gives the whole reading\'s data and findings, for every project and every kind of edit', () => {
    const memo = new SectionMemo();
    let broken = 0;
    for (const [path, original] of projects) {
      let text = original;
      agrees(memo, path, text);
      for (const [name, edit] of EDITS) {
        const next = edit(text);
        if (name !== 'unchanged') expect(next, `${name} changes ${path}`).not.toBe(text);
        text = next;
        agrees(memo, path, text);
      }
      if (whole(path, original).issues.length > 0) broken++;
    }
    expect(broken).toBeGreaterThan(20);
  });

  it('gives the whole reading of intake requests too, flow mappings and all, through an edit and a typo', () => {
    const memo = new SectionMemo();
    const { requests } = generated;
    expect(requests.length).toBeGreaterThan(2);
    for (const [path, text] of requests) {
      for (const version of [text, text.replace(/value: \d/, 'value: 9'), `${text.trimEnd()}\nsponsr: someone\n`]) {
        const read = memo.read(path, version, schemas.request);
        expect(read, `${path} is split`).toBeDefined();
        const { data, findings } = parseYaml(version, path);
        expect(findings).toEqual([]);
        expect(read!.data).toStrictEqual(data);
        expect(validateFile('request', path, read!.data, config, schemas, read!.issues)).toEqual(validateFile('request', path, data, config, schemas));
      }
    }
  });

  it('parses again only the list items that changed, and keeps the others', () => {
    const memo = new SectionMemo();
    const [path, text] = projects[2]!;
    const first = memo.read(path, text, schemas.project)!;
    const edited = text.replace(/^( {4}probability: )(\d)$/m, (_, key: string, p: string) => key + ((Number(p) % 5) + 1));
    const second = memo.read(path, edited, schemas.project)!;
    const [before, after] = [first.data.risks as object[], second.data.risks as object[]];
    expect(after[0]).not.toBe(before[0]);
    expect(after.slice(1)).toEqual(before.slice(1));
    after.slice(1).forEach((risk, i) => expect(risk).toBe(before[i + 1]));
  });

  it('parses again only the sections that changed, and shares the others with the version before', () => {
    const memo = new SectionMemo();
    const [path, text] = projects[0]!;
    const first = memo.read(path, text, schemas.project)!;
    const edited = text.replace(/^status:\n/m, 'status:\n  - date: 2026-11-20\n    by: rsmith\n    overall: amber\n    summary: Weekly update\n');
    const second = memo.read(path, edited, schemas.project)!;
    expect(second.data.milestones).toBe(first.data.milestones);
    expect(second.data.status).not.toBe(first.data.status);
    // Another schema (pmo.yaml changed) shares nothing: its issues may differ.
    const other = buildSchemas({ schema: { project: { required: ['vendors'] } } });
    expect(memo.read(path, edited, other.project)!.data.milestones).not.toBe(first.data.milestones);
  });

  it('reads a first version whole, and shares its data and issues out to its sections, clean or broken', () => {
    let clean = 0;
    let brokenInAField = 0;
    for (const [path, text] of projects) {
      const sections = wholeSections(text, splitSections(text)!, schemas.project);
      const expected = whole(path, text);
      // Issues of a field or an item only: an unknown or missing top-level key is the file's, read a field at a time.
      const ofFields = expected.issues.every((issue) => issue.path.length > 0 && Object.hasOwn(expected.data as object, issue.path[0] as PropertyKey));
      if (!ofFields) continue;
      expect(sections, `${path} is read whole`).toBeDefined();
      if (expected.issues.length === 0) clean++;
      else brokenInAField++;
      const data = Object.fromEntries([...sections!].map(([key, section]) => [key, section.value]));
      expect(data).toStrictEqual(expected.data);
      expect([...sections!.values()].flatMap((section) => section.issues.map((i) => [i.code, i.path, i.message]))).toEqual(
        expected.issues.map((i) => [i.code, i.path, i.message]),
      );
    }
    expect(clean).toBeGreaterThan(20);
    expect(brokenInAField).toBeGreaterThan(5);
  });

  it('leaves a first version with an unknown field to the reading a field at a time, which agrees', () => {
    const memo = new SectionMemo();
    const [path, original] = projects[3]!;
    const text = `${original.trimEnd()}
notes: see the steering committee minutes
`;
    expect(wholeSections(text, splitSections(text)!, schemas.project)).toBeUndefined();
    agrees(memo, path, text);
  });

  it('an edit that breaks the YAML of a section leaves the file to the whole reading', () => {
    const memo = new SectionMemo();
    const [path, text] = projects[1]!;
    memo.read(path, text, schemas.project);
    expect(memo.read(path, text.replace(/^budget:\n/m, 'budget:\n  baseline: [1, 2\n'), schemas.project)).toBeUndefined();
  });
});

describe('splitting a list field into its items', () => {
  it('splits block items at one indentation, comments and nested lines with the item they are in', () => {
    const text = 'risks:\n  # the open ones\n  - id: R1\n    tags:\n      - a\n\n  - id: R2\n  # closed\n  - plain\n';
    expect(splitItems('risks', text)).toEqual(['  # the open ones\n  - id: R1\n    tags:\n      - a\n\n', '  - id: R2\n  # closed\n', '  - plain\n']);
    expect(splitItems('goals', 'goals:\n- G1\n- G2\n')).toEqual(['- G1\n', '- G2\n']);
  });

  it.each([
    ['a flow list', 'risks: [a, b]\n'],
    ['an empty list', 'risks: []\n'],
    ['a comment on the key line', 'risks: # open\n  - a\n'],
    ['items at two indentations', 'risks:\n  - a\n - b\n'],
    ['a map, not a list', 'risks:\n  id: R1\n'],
    ['nothing after the key', 'risks:\n'],
  ])('leaves %s to be read whole', (_name, text) => {
    expect(splitItems('risks', text)).toBeUndefined();
  });
});

describe('splitting a file into its top-level fields', () => {
  it('splits a plain block mapping, comments and column-0 lists included, CRLF kept', () => {
    expect(splitSections('# header\nid: a\nname: A\n\ngoals:\n- G1\n# trailing\n')).toEqual([
      ['id', 'id: a\n'],
      ['name', 'name: A\n\n'],
      ['goals', 'goals:\n- G1\n# trailing\n'],
    ]);
    expect(splitSections('id: a\r\nname: A\r\n')).toEqual([
      ['id', 'id: a\r\n'],
      ['name', 'name: A\r\n'],
    ]);
  });

  it('takes white space as YAML\'s trim does: blank lines of any white space, indented comments; a tab or a glued value is not a key line', () => {
    // A line of a no-break space and a tab is blank; a comment indented under a key is the key's.
    expect(splitSections('id: a\n\u00a0\t\n  # about the name\nname: A\n')).toEqual([
      ['id', 'id: a\n\u00a0\t\n  # about the name\n'],
      ['name', 'name: A\n'],
    ]);
    expect(splitSections('id: a\n\tname: A\n')).toBeUndefined();
    expect(splitSections('id:a\n')).toBeUndefined();
    expect(splitSections('id: a\nid: b\n')).toBeUndefined();
    // The last line needs no line end; a dash glued to text is no list item.
    expect(splitSections('id: a\nname:')).toEqual([['id', 'id: a\n'], ['name', 'name:']]);
    expect(splitItems('risks', 'risks:\n  -x\n')).toBeUndefined();
    expect(splitItems('risks', 'risks:\n  - a\n  -')).toEqual(['  - a\n', '  -']);
  });

  it.each([
    ['anchors and aliases', 'base: &b { a: 1 }\nother: *b\n'],
    ['a second document', 'id: a\n---\nid: b\n'],
    ['a list at the top', '- id: a\n'],
    ['a flow mapping at the top', '{ id: a,\n  name: A }\n'],
    ['a quoted key', '"id": a\n'],
    ['a key twice', 'id: a\nname: A\nid: b\n'],
    ['__proto__', '__proto__: { polluted: true }\n'],
    ['an indented mapping', '  id: a\n  name: A\n'],
    ['a plain scalar continued at column 0', 'summary: first line\nsecond line\n'],
    ['nothing', ''],
    ['only comments', '# nothing here\n'],
    ['a tab in the indentation', 'dates:\n\tstart: 2026-01-01\n'],
  ])('leaves %s to the whole reading', (_name, text) => {
    expect(splitSections(text)).toBeUndefined();
  });
});
