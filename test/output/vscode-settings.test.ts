/** Merging yaml.schemas into a hand-edited .vscode/settings.json: nothing of the PM's is lost or reformatted. */
import { parse, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { mergeYamlSchemas } from '../../src/output/vscode-settings.js';

const OURS = { '.pmo/schema/project.schema.json': ['projects/*.yaml'] };

/** What VS Code reads from the merged text (with the parser VS Code uses); it must read without an error. */
function read(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true }) as Record<string, unknown>;
  expect(errors).toEqual([]);
  return value;
}

describe('mergeYamlSchemas', () => {
  it('creates the file when there is none', () => {
    expect(read(mergeYamlSchemas(undefined, OURS))).toEqual({ 'yaml.schemas': OURS });
  });

  it('adds the setting to a file with comments and a trailing comma, keeping them and the indentation', () => {
    const text = '{\n  // the team\'s settings\n  "editor.tabSize": 2, /* why */\n  "files.eol": "\\n" // unix\n}\n';
    const merged = mergeYamlSchemas(text, OURS);
    expect(merged).toBe(
      '{\n  // the team\'s settings\n  "editor.tabSize": 2, /* why */\n  "files.eol": "\\n", // unix\n' +
        '  "yaml.schemas": {\n    ".pmo/schema/project.schema.json": [\n      "projects/*.yaml"\n    ]\n  }\n}\n',
    );
    expect(read(merged)).toEqual({ 'editor.tabSize': 2, 'files.eol': '\n', 'yaml.schemas': OURS });
  });

  it("keeps other schemas in yaml.schemas, replaces pmo's own, and changes nothing when it is up to date", () => {
    const text = '{\n\t"yaml.schemas": { "ci.json": ".gitlab-ci.yml", ".pmo/schema/project.schema.json": "old/*.yaml" },\n\t"a": [1, 2,],\n}\n';
    const merged = mergeYamlSchemas(text, OURS);
    expect(read(merged)).toEqual({ 'yaml.schemas': { 'ci.json': '.gitlab-ci.yml', ...OURS }, a: [1, 2] });
    expect(merged.endsWith('\t"a": [1, 2,],\n}\n')).toBe(true);
    expect(mergeYamlSchemas(merged, OURS)).toBe(merged);
  });

  it('fills an empty object', () => {
    expect(read(mergeYamlSchemas('{ }', OURS))).toEqual({ 'yaml.schemas': OURS });
  });

  it('refuses, saying what to add by hand, what it cannot merge without losing something', () => {
    const refusal = (text: string) => {
      try {
        mergeYamlSchemas(text, OURS);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('no refusal');
    };
    expect(refusal('{\n  "a": 1\n  "b": 2\n}')).toMatch(/^\.vscode\/settings\.json is not valid JSON \(.*line 3, column 3.*\), so pmo left it alone\.\nAdd this to it by hand/);
    expect(refusal('["a"]')).toMatch(/does not hold a JSON object/);
    expect(refusal('{ "yaml.schemas": "x.json" }')).toMatch(/has a "yaml.schemas" that is not an object/);
    expect(refusal('{ "yaml.schemas": { /* ours */ "x.json": "x.yaml" } }')).toMatch(/has comments inside "yaml.schemas"/);
    expect(refusal('{ "a": 1 }x')).toContain('"yaml.schemas": {\n        ".pmo/schema/project.schema.json"');
  });
});
