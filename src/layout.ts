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
  let id = ids.get(path);
  if (id === undefined) {
    id = path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    if (ids.size < 100_000) ids.set(path, id);
  }
  return id;
}
/** Ids by path, kept: every finding of a project names its id, and a year's trend at 1,000 projects makes ~340,000. Bounded, for a long process. */
const ids = new Map<string, string>();
