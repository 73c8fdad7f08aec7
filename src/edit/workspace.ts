/**
 * What a writing command knows of the PMO repository it writes in: the root, pmo.yaml (loaded and validated
 * exactly as `pmo check` loads it: a broken one stops the command with the same message), the schemas files
 * are validated with, and the ids other files define (people, goals) for the references a command writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../check.js';
import { EditError, UsageError } from '../errors.js';
import { pathAnchors, type RawFinding } from '../findings.js';
import { CONFIG_FILE, fileOfId } from '../layout.js';
import { findRoot, type FileKind } from '../load/discover.js';
import { locateFindings } from '../load/locate.js';
import { parseYaml } from '../load/parse-yaml.js';
import { positionsOf, spansFor } from '../load/position-index.js';
import { readSource } from '../load/read.js';
import { buildSchemas, type Schemas } from '../model/config-compile.js';
import { configFrom, type Config } from '../model/config.js';
import { isRecord } from '../model/labels.js';
import { didYouMean } from '../model/suggest.js';
import { validateFile } from '../model/validate-file.js';
import { PROJECT_ID } from '../model/ids.js';

export interface Workspace {
  root: string;
  config: Config;
  schemas: Schemas;
  /** Ids defined in people.yaml and goals.yaml; undefined when the file is not there (nothing to check against). */
  people?: Set<string>;
  goals?: Set<string>;
}

export async function openWorkspace(cwd: string | undefined): Promise<Workspace> {
  const root = findRoot(cwd ?? process.cwd());
  const entry = await loadConfig(readSource(root, CONFIG_FILE, 'config'));
  return { root, config: configFrom(entry.data), schemas: buildSchemas(entry.data), people: idsIn(root, 'people.yaml', 'people'), goals: idsIn(root, 'goals.yaml', 'goals') };
}

function idsIn(root: string, file: string, key: string): Set<string> | undefined {
  if (!existsSync(join(root, file))) return undefined;
  const data = parseYaml(readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, ''), file).data;
  const list = isRecord(data) && Array.isArray(data[key]) ? data[key] : [];
  return new Set(list.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : [])));
}

/** A person or goal id a command is about to write must exist (when the PMO keeps that list). */
export function assertKnown(ws: Workspace, kind: 'person' | 'goal', id: string, flag: string): void {
  const known = kind === 'person' ? ws.people : ws.goals;
  if (!known || known.has(id)) return;
  const file = kind === 'person' ? 'people.yaml' : 'goals.yaml';
  throw new UsageError(`${flag} ${id}: there is no ${kind} '${id}' in ${file}${didYouMean(id, known)}`);
}

/** The repo path of a project or request file (`.yaml`, else `.yml`), or undefined. The id must be one. */
export function fileOf(ws: Workspace, folder: 'projects' | 'requests', id: string): string | undefined {
  if (!PROJECT_ID.test(id)) throw new UsageError(`'${id}' is not a ${folder === 'projects' ? 'project' : 'request'} id: lowercase letters, digits and dashes (e.g. crm-migration)`);
  return fileOfId(folder, id, (path) => existsSync(join(ws.root, path)));
}

/**
 * The checks `pmo check` makes of a file on its own (schema, ids, dates in order, phase in the lifecycle):
 * an edit must not add an error to them. Errors the file already had are the PM's to fix, not pmo's to block on.
 */
export function assertNoNewErrors(ws: Workspace, kind: FileKind, path: string, before: unknown, after: unknown, text: string): void {
  const errors = (data: unknown) => validateFile(kind, path, data, ws.config, ws.schemas).filter((f) => f.severity === 'error');
  const old = new Set(before === undefined ? [] : errors(before).map((f) => `${f.rule}\0${f.message}`));
  const added = errors(after).filter((f) => !old.has(`${f.rule}\0${f.message}`));
  if (added.length === 0) return;
  throw new EditError(`${before === undefined ? 'the new file' : 'the edit'} would not be valid, so nothing was written:\n${located(added, text).join('\n')}`);
}

/** Findings in a text that was not written: where they would be. */
function located(findings: RawFinding[], text: string): string[] {
  const spans = spansFor(positionsOf(text), pathAnchors(findings));
  return locateFindings(findings, () => ({ text: () => text, spans })).map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.message}  (${f.rule})`);
}
