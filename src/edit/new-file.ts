/**
 * `pmo new project|request <id>`: a new file from the PMO's template, valid on creation. The id must follow
 * the id pattern and be free; people and goals it names must exist; the PMO's required fields (pmo.yaml
 * schema:) must be given. Fields the template does not write (`--set department=IT`) are added to what it
 * renders, through the same editor as every other edit.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TemplateError, UsageError } from '../errors.js';
import { locateFindings } from '../load/locate.js';
import { parseYamlFully } from '../load/parse-yaml.js';
import { isRecord } from '../model/labels.js';
import { PROJECT_ID } from '../model/ids.js';
import type { FileChange } from './changes.js';
import { flowText, scalarText, type Plain } from './render.js';
import { encodeText } from './source.js';
import { renderTemplate, templateFor, type TemplateKind } from './template.js';
import { assertKnown, assertNoNewErrors, type Workspace } from './workspace.js';
import { YamlEdit } from './yaml-edit.js';

export interface NewRequest {
  kind: TemplateKind;
  id: string;
  today: string;
  /** Values for the template, as typed (they are written as YAML here). */
  values: Record<string, string | string[] | number | undefined>;
  /** Extra fields: dotted path → value as typed (`department=IT`, `budget.baseline=500000`). */
  set: Record<string, string>;
}

const FOLDER = { project: 'projects', request: 'requests' } as const;

/** The id is well-formed and free (as .yaml or .yml). */
export function assertFreeId(ws: Workspace, kind: TemplateKind, id: string): string {
  if (!PROJECT_ID.test(id)) {
    throw new UsageError(`'${id}' is not a valid ${kind} id: lowercase letters, digits and dashes, starting with a letter or digit (e.g. crm-migration)`);
  }
  const path = `${FOLDER[kind]}/${id}.yaml`;
  const taken = [path, `${FOLDER[kind]}/${id}.yml`].find((p) => existsSync(join(ws.root, p)));
  if (taken) throw new UsageError(`the ${kind} id '${id}' is taken: ${taken} exists`);
  return path;
}

/** The PMO's required extension fields (pmo.yaml schema.<kind>.required) and the values each may take. */
export function requiredFields(ws: Workspace, kind: TemplateKind): Array<{ field: string; choices?: string[] }> {
  const schema = isRecord(ws.config.data) && isRecord(ws.config.data.schema) ? ws.config.data.schema[kind] : undefined;
  if (!isRecord(schema) || !Array.isArray(schema.required)) return [];
  const properties = isRecord(schema.properties) ? schema.properties : {};
  return schema.required.map(String).map((field) => {
    const property = properties[field];
    const choices = isRecord(property) && Array.isArray(property.enum) ? property.enum.map(String) : undefined;
    return { field, ...(choices ? { choices } : {}) };
  });
}

export async function planNew(ws: Workspace, request: NewRequest): Promise<{ change: FileChange; template: string }> {
  const path = assertFreeId(ws, request.kind, request.id);
  for (const flag of ['manager', 'sponsor', 'requested_by'] as const) {
    const id = request.values[flag];
    if (typeof id === 'string') assertKnown(ws, 'person', id, `--${flag.replace('_', '-')}`);
  }
  const goals = (request.values.goals as string[] | undefined) ?? [];
  for (const goal of goals) assertKnown(ws, 'goal', goal, '--goal');

  const template = templateFor(ws.root, request.kind);
  const yamlValues: Record<string, string | undefined> = {
    id: scalarText(request.id),
    today: scalarText(request.today),
    organization: ws.config.organization === undefined ? undefined : scalarText(ws.config.organization),
    currency: scalarText(ws.config.currency),
    criteria: Object.keys(ws.config.intakeWeights).join(', ') || 'none set (pmo.yaml intake.weights)',
  };
  for (const [key, value] of Object.entries(request.values)) {
    if (value === undefined || value === '') continue;
    yamlValues[key] = Array.isArray(value) ? flowText(value) : scalarText(value);
  }
  yamlValues.goals ??= '[]';
  const rendered = await renderTemplate(template, yamlValues);

  const parsed = parseYamlFully(rendered, path);
  if (parsed.findings.length > 0) {
    const where = locateFindings(parsed.findings, () => ({ text: () => rendered, spans: {} })).map((f) => `  line ${f.line}, column ${f.column} of what it rendered: ${f.message}`);
    throw new TemplateError(`${template.source} does not render valid YAML, so nothing was written:\n${where.join('\n')}`);
  }
  if (!isRecord(parsed.data)) throw new TemplateError(`${template.source} must render a map of fields (id, name...), so nothing was written`);
  const edit = new YamlEdit(rendered, '\n', path);
  // The PMO's own fields after the built-in ones that name the project (FORMAT.md puts department after goals).
  for (const [field, value] of Object.entries(request.set)) edit.set(field.split('.'), typedValue(value), { after: ['name', 'manager', 'sponsor', 'phase', 'priority', 'goals'] });
  const text = edit.result();
  assertNoNewErrors(ws, request.kind, path, undefined, edit.data, text);
  return { change: { path, abs: join(ws.root, path), after: encodeText(text, false) }, template: template.source };
}

/** `--set key=value`: the value as YAML reads it (a number, true/false), else the text as typed. */
function typedValue(text: string): Plain {
  try {
    const value = parse(text, { schema: 'core' }) as unknown;
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  } catch {
    // Not YAML on its own: the text as typed.
  }
  return text;
}
