/** Names FORMAT.md gives to the files of a PMO repository. */
import { boundedMemo } from './memo.js';

export const CONFIG_FILE = 'pmo.yaml';

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
const fileName = (path: string) => path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
