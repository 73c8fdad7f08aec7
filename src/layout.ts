/** Names FORMAT.md gives to the files of a PMO repository. */
export const CONFIG_FILE = 'pmo.yaml';

/** The id a project or request file names: its file name without the extension (`projects/apollo.yaml` → apollo). */
export function idOfFile(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
}
