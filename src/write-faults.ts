/**
 * What it means when the system refuses a write, said for a PM, with what to do about it. The writers
 * (src/edit/atomic-write.ts, pmo init) and the CLI's one catch word a refused write with it.
 */
export interface WriteFault {
  /** What is wrong, in words: "the disk is full". */
  what: string;
  /** What to do: "free some space, then run the command again". */
  todo: string;
}

const AGAIN = 'then run the command again';

const FAULTS: Record<string, WriteFault> = {
  ENOSPC: { what: 'the disk is full', todo: `free some space, ${AGAIN}` },
  EDQUOT: { what: 'your disk quota is used up', todo: `free some space, ${AGAIN}` },
  EROFS: { what: 'the file system is read-only', todo: `remount it read-write or work in a writable copy, ${AGAIN}` },
  EACCES: { what: 'permission denied', todo: `give yourself access to the file and its folder (ls -l shows who has it), ${AGAIN}` },
  // Root is refused only this way: an immutable file or folder (chattr +i), or a security module.
  EPERM: { what: 'the system does not permit it (is the file or its folder immutable? lsattr shows an i)', todo: `chattr -i it if it should change, ${AGAIN}` },
};

/** The fault behind a failed write, or undefined when it is not one a PM can fix (a bug, an I/O error). */
export function writeFault(error: unknown): WriteFault | undefined {
  return FAULTS[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
}
