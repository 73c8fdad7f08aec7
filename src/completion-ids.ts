/**
 * The ids shell completion offers, read from the repository at the moment the user presses Tab (`pmo __complete
 * <what>`). It must be quick and quiet: no check, no cache, only the files that hold the ids asked for, and
 * nothing at all (no error) where the repository cannot be read.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findRoot } from './load/discover.js';
import { parseYaml } from './load/parse-yaml.js';
import { readSource } from './load/read.js';
import { idOfFile, CONFIG_FILE, YAML_FILE } from './layout.js';
import { DEFAULT_LIFECYCLE } from './model/config.js';
import { isRecord } from './model/labels.js';
import type { FileKind } from './load/discover.js';

/** What completion can ask for: the portfolio's ids, and the items of one project's lists. */
export const ID_KINDS = ['projects', 'people', 'goals', 'phases', 'departments', 'milestones', 'risks', 'issues', 'changes', 'deliverables'] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** The list of a project file that holds each kind of item. */
const ITEM_LISTS: Partial<Record<IdKind, string>> = { milestones: 'milestones', risks: 'risks', issues: 'issues', changes: 'changes', deliverables: 'deliverables' };

export function completionIds(kind: string, cwd: string, project?: string): string[] {
  try {
    const root = findRoot(cwd);
    const list = ITEM_LISTS[kind as IdKind];
    if (list) return project ? idsIn(dataOf(root, `projects/${project}.yaml`, 'project'), list) : [];
    switch (kind as IdKind) {
      case 'projects':
        return projectFiles(root).map(idOfFile);
      case 'people':
        return idsIn(dataOf(root, 'people.yaml', 'people'), 'people');
      case 'goals':
        return idsIn(dataOf(root, 'goals.yaml', 'goals'), 'goals');
      case 'phases': {
        const config = dataOf(root, CONFIG_FILE, 'config');
        return Array.isArray(config?.lifecycle) ? config.lifecycle.filter((p): p is string => typeof p === 'string') : DEFAULT_LIFECYCLE;
      }
      case 'departments':
        return [...new Set(projectFiles(root).map((path) => dataOf(root, path, 'project')?.department).filter((d): d is string => typeof d === 'string'))].sort();
      default:
        return [];
    }
  } catch {
    return []; // completion offers nothing rather than print an error into the user's command line
  }
}

function projectFiles(root: string): string[] {
  return readdirSync(join(root, 'projects'))
    .filter((name) => YAML_FILE.test(name) && !name.startsWith('.'))
    .sort()
    .map((name) => `projects/${name}`);
}

function dataOf(root: string, path: string, kind: FileKind): Record<string, unknown> | undefined {
  try {
    const data = parseYaml(readSource(root, path, kind).text, path).data;
    return isRecord(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

function idsIn(data: Record<string, unknown> | undefined, key: string): string[] {
  const items = data?.[key];
  if (!Array.isArray(items)) return [];
  return items.map((item) => (isRecord(item) ? item.id : undefined)).filter((id): id is string => typeof id === 'string');
}
