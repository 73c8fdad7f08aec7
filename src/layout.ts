/** Names FORMAT.md gives to the files of a PMO repository. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { boundedMemo } from './memo.js';

export const CONFIG_FILE = 'pmo.yaml';

/** A YAML file's name: `.yaml`, or `.yml`. */
export const YAML_FILE = /\.ya?ml$/;

/** The ids of the YAML files in one of the repository's folders, sorted; none when it cannot be read (did-you-mean, completion). */
export function idsIn(root: string, folder: 'projects' | 'requests' | 'audits'): string[] {
  try {
    return readdirSync(join(root, folder)).filter((name) => YAML_FILE.test(name) && !name.startsWith('.')).map(idOfFile).sort();
  } catch {
    return [];
  }
}

/**
 * The file of a project or request among the paths `has` knows: `.yaml`, else `.yml` (a check reports an id
 * that has both, and reads the `.yaml`).
 */
export function fileOfId(folder: 'projects' | 'requests' | 'audits', id: string, has: (path: string) => boolean): string | undefined {
  return [`${folder}/${id}.yaml`, `${folder}/${id}.yml`].find(has);
}

/** The id a project or request file names: its file name without the extension (`projects/apollo.yaml` → apollo). */
export function idOfFile(path: string): string {
  return boundedMemo(ids, path, fileName);
}
/** Ids by path, kept: every finding of a project names its id, and a year's trend at 1,000 projects makes ~340,000. */
const ids = new Map<string, string>();
const fileName = (path: string) => path.replace(/^.*\//, '').replace(YAML_FILE, '');
