/** The portfolio as the rules see it: every file's data, indexed by id, cross-file references resolvable. */
import type { Config } from './config.js';
import type { FileKind } from '../load/discover.js';
import { isRecord } from './labels.js';
import type { Project } from './schemas/project.js';
import type { Goal, Person, Waiver } from './schemas/people.js';
import type { Request } from './schemas/request.js';

/** One loaded file. `data` is undefined when the file has YAML errors; it may still violate its schema. */
export interface LoadedFile {
  path: string;
  kind: FileKind;
  data: unknown;
}

export interface Entity<T> {
  file: string;
  data: T;
}

export interface Workspace {
  config: Config;
  files: LoadedFile[];
  projects: Map<string, Entity<Project>>;
  requests: Map<string, Entity<Request>>;
  /** null when people.yaml is absent or unreadable: person references then cannot be checked. */
  people: Map<string, Person> | null;
  goals: Map<string, Goal> | null;
  waivers: Entity<Waiver>[];
}

export function buildWorkspace(config: Config, files: LoadedFile[]): Workspace {
  const workspace: Workspace = {
    config,
    files,
    projects: new Map(),
    requests: new Map(),
    people: null,
    goals: null,
    waivers: [],
  };
  for (const file of files) {
    const data = file.data;
    switch (file.kind) {
      case 'project':
      case 'request': {
        if (!isRecord(data)) break;
        // Keyed by file name: that is the id other files use (a mismatching `id` is its own finding).
        const id = file.path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
        const map = file.kind === 'project' ? workspace.projects : workspace.requests;
        map.set(id, { file: file.path, data: data as never });
        break;
      }
      case 'people':
        workspace.people = indexById(data, 'people');
        break;
      case 'goals':
        workspace.goals = indexById(data, 'goals');
        break;
      case 'waivers':
        if (isRecord(data) && Array.isArray(data.waivers)) {
          workspace.waivers = data.waivers.filter(isRecord).map((w) => ({ file: file.path, data: w as Waiver }));
        }
        break;
    }
  }
  return workspace;
}

function indexById<T>(data: unknown, key: string): Map<string, T> | null {
  if (data === undefined) return null; // YAML errors: unknown, not empty
  const list = isRecord(data) && Array.isArray(data[key]) ? data[key] : [];
  return new Map(list.filter(isRecord).flatMap((item) => (typeof item.id === 'string' ? [[item.id, item as T]] : [])));
}
