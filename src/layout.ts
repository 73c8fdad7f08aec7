/** Names FORMAT.md gives to the files of a PMO repository. */
export const CONFIG_FILE = 'pmo.yaml';
