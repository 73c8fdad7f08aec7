/**
 * Mutations of the file system rather than of a file's content: a YAML file replaced by a link (to a copy
 * outside the repository, to /dev/zero, to nothing, to a folder, to itself) or a FIFO, and the repository's
 * own folders made links to a folder outside it, where pmo must not write (its cache, `.pmo/`).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import fc from 'fast-check';

/** What a YAML file becomes. `outside` keeps its content, read through a link that leaves the repository. */
export const FILE_LINKS = ['outside', 'dev-zero', 'dangling', 'folder', 'self', 'fifo', 'chain-outside'];

/** Folders of the repository replaced by links to a folder outside it (with the same content, or none). */
export const FOLDER_LINKS = ['.pmo', 'node_modules', 'projects', 'records', 'records/crm-migration', 'rules'];

export const fileLink = fc.record({ kind: fc.constant('link'), to: fc.constantFrom(...FILE_LINKS) });
export const folderLink = fc.record({ kind: fc.constant('folder-link'), folder: fc.constantFrom(...FOLDER_LINKS) });

/** `dirs`: { repo, outside }; `file`: the repo-relative path of the mutated file. */
export function applyLink(dirs, file, to) {
  const path = join(dirs.repo, file);
  const copy = join(dirs.outside, basename(file));
  if (to === 'outside' || to === 'chain-outside') copyFileSync(path, copy);
  rmSync(path, { force: true });
  if (to === 'outside') symlinkSync(copy, path);
  if (to === 'chain-outside') {
    // A link to a link inside the repository, which leads out of it.
    symlinkSync(copy, `${path}.hop`);
    symlinkSync(basename(`${path}.hop`), path);
  }
  if (to === 'dev-zero') symlinkSync('/dev/zero', path);
  if (to === 'dangling') symlinkSync(join(dirs.outside, 'no-such-file.yaml'), path);
  if (to === 'folder') mkdirSync(path);
  if (to === 'self') symlinkSync(basename(path), path);
  if (to === 'fifo') execFileSync('mkfifo', [path]);
}

/**
 * A folder of the repository moved outside it and linked back; a folder that does not exist (.pmo before the
 * first run, node_modules) is made outside, empty, so that what pmo writes through the link is seen.
 */
export function applyFolderLink(dirs, folder) {
  const inside = join(dirs.repo, folder);
  const outside = join(dirs.outside, `linked-${folder.replace(/\//g, '-')}`);
  try {
    renameSync(inside, outside);
  } catch {
    mkdirSync(outside, { recursive: true });
  }
  mkdirSync(dirname(inside), { recursive: true });
  symlinkSync(outside, inside);
  // A marker pmo never writes: the folder's content before the run is compared with after it.
  writeFileSync(join(outside, '.fuzz-marker'), '');
}
