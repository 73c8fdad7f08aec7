/** Names FORMAT.md gives to the files of a PMO repository. */
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
  return path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
}
