/**
 * The editor schemas (`pmo schema`) are valid JSON Schema and say what pmo's zod schemas say: checked with
 * ajv, an independent validator, on the example portfolio and on files with known errors.
 */
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/check.js';
import { discoverFiles } from '../../src/load/discover.js';
import { parseYamlFully } from '../../src/load/parse-yaml.js';
import { readSource } from '../../src/load/read.js';
import { configFrom } from '../../src/model/config.js';
import { editorSchemas, type EditorSchema } from '../../src/model/json-schema.js';
import { SCHEMA_KINDS } from '../../src/model/schema-kinds.js';
import { PROJECT } from '../helpers/repo.js';

const ACME = fileURLToPath(new URL('../../examples/acme', import.meta.url));

/** Draft-07 ajv, strict: an unknown keyword is an error, except the editor's own message keyword. */
function validator() {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats.default(ajv);
  ajv.addKeyword('patternErrorMessage');
  return ajv;
}

function schemaOf(schemas: EditorSchema[], kind: string) {
  return schemas.find((s) => s.kind === kind)!;
}

/** [instancePath, keyword] of each error: where ajv says the file breaks its schema, and how. */
function errorsOf(schema: EditorSchema, data: unknown): Array<[string, string]> {
  const validate = validator().compile(schema.schema);
  return validate(data) ? [] : (validate.errors as ErrorObject[]).map((e) => [e.instancePath, e.keyword]);
}

const yaml = (text: string) => parseYamlFully(text, 'test.yaml').data;

describe('editor schemas', () => {
  const acmeConfig = loadConfig(readSource(ACME, 'pmo.yaml', 'config')).then((entry) => entry.data);

  it('there is one per kind of file, each valid draft-07 with an $id, a title and a description', async () => {
    const schemas = editorSchemas(await acmeConfig);
    expect(schemas.map((s) => s.kind)).toEqual([...SCHEMA_KINDS]);
    for (const { schema } of schemas) {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema).toMatchObject({ $id: expect.stringMatching(/^urn:pmo:schema:/), title: expect.any(String), description: expect.any(String) });
      expect(validator().validateSchema(schema)).toBe(true);
      expect(() => validator().compile(schema)).not.toThrow();
    }
  });

  it("examples/acme: every file passes but the two with the README's documented schema errors", async () => {
    const config = await acmeConfig;
    const schemas = editorSchemas(config);
    const failures: Array<[string, string, string]> = [];
    for (const file of discoverFiles(ACME, configFrom(config).rulesets).files) {
      const data = yaml(readSource(ACME, file.path, file.kind).text);
      for (const [path, keyword] of errorsOf(schemaOf(schemas, file.kind), data)) failures.push([file.path, path, keyword]);
    }
    // README #1 (mitigaton) and #2 (impact: 7). #5, the date 2026-02-30, is well-formed: only pmo check knows
    // that February has no 30th.
    expect(failures).toEqual([
      ['projects/iso27001.yaml', '/risks/1/impact', 'maximum'],
      ['projects/wms-upgrade.yaml', '/risks/0', 'additionalProperties'],
    ]);
  });

  it('carry descriptions for hover, enums for completion, and plain-words messages for patterns', async () => {
    const project = schemaOf(editorSchemas(await acmeConfig), 'project').schema as Record<string, any>;
    const risk = project.properties.risks.items;
    expect(risk.properties.impact.description).toBe('an integer from 1 to 5');
    // An optional field may be left empty (`status:`): null is one of its values, beside the PMO's.
    expect(risk.properties.status).toEqual({ type: ['string', 'null'], enum: ['open', 'closed', null], description: 'one of open, closed' });
    expect(project.properties.phase.enum).toEqual(['initiation', 'planning', 'execution', 'closing', 'closed']);
    expect(project.properties.dates.properties.start).toMatchObject({
      pattern: expect.any(String),
      patternErrorMessage: 'Expected a date written YYYY-MM-DD.',
    });
    // Unknown fields are errors in the editor (a typo like `budjet` gets its squiggle), as they are findings of pmo check.
    expect(project.additionalProperties).toBe(false);
  });

  it("include pmo.yaml's extensions: required fields and the PMO's own properties", () => {
    const config = {
      version: 1,
      lifecycle: ['idea', 'build', 'done'],
      schema: {
        project: { required: ['department', 'sponsor'], properties: { department: { enum: ['IT', 'Sales'] }, business_case: { type: 'string', minLength: 20 } } },
        request: { required: ['budget_owner'] },
      },
    };
    const schemas = editorSchemas(config);
    const project = schemaOf(schemas, 'project');
    const valid = { ...(yaml(PROJECT) as object), phase: 'build', department: 'IT' };
    expect(errorsOf(project, valid)).toEqual([]);
    expect(errorsOf(project, { ...valid, department: undefined, sponsor: undefined })).toEqual([
      ['', 'required'],
      ['', 'required'],
    ]);
    expect(errorsOf(project, { ...valid, department: 'HR', business_case: 'too short' })).toEqual([
      ['/department', 'enum'],
      ['/business_case', 'minLength'],
    ]);
    expect(errorsOf(project, { ...valid, phase: 'execution' })).toEqual([['/phase', 'enum']]);
    const request = { id: 'atlas', name: 'Atlas', requested_by: 'asmith' };
    expect(errorsOf(schemaOf(schemas, 'request'), request)).toEqual([['', 'required']]);
    expect(errorsOf(schemaOf(schemas, 'request'), { ...request, budget_owner: 'cfo' })).toEqual([]);
  });

  it('flag what pmo check flags in a file: a value out of range, a wrong type, an unknown field, a missing field', () => {
    const project = schemaOf(editorSchemas({ version: 1 }), 'project');
    const text = PROJECT.replace('    impact: 4', '    impact: 7').replace('priority: 2', 'priority: high').replace('manager: jdoe\n', 'budjet: 5\n');
    expect(errorsOf(project, yaml(text))).toEqual([
      ['', 'required'],
      ['', 'additionalProperties'],
      ['/priority', 'type'],
      ['/risks/0/impact', 'maximum'],
    ]);
  });

  it('accept what the format allows: empty optional values, lessons as text, record lists', () => {
    const project = schemaOf(editorSchemas({ version: 1 }), 'project');
    const text = `${PROJECT.replace('  forecast_end: 2026-11-15', '  forecast_end:\n  actual_end:')}lessons:\n  - Book vendors early\n  - { title: Train the team, area: people }\n`;
    expect(errorsOf(project, yaml(text.replace('  charter: records/apollo/charter.md', '  charter: records/apollo/charter.md\n  minutes: [a.md, b.md]')))).toEqual([]);
  });
});
