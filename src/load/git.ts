/**
 * What pmo reads from git: the index (for `pmo check --staged`), the files changed since a ref (for
 * `--changed-since`), and blob contents. The only module that talks to git; a plain `pmo check` never loads it.
 *
 * Commands go through simple-git, but for two kinds: blob contents come from one `git cat-file --batch`
 * process, since simple-git cannot feed a command's stdin and one process per blob would cost a spawn each;
 * and the pre-commit check's two commands run as plain processes writing to temp files (see `quickly`).
 */
import { execFileSync, spawn } from 'node:child_process';
import type { SimpleGit } from 'simple-git';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitError } from '../errors.js';
import { presence } from './index-listing.js';
import { hashBytes } from './read.js';

/** The empty tree's id: what HEAD "is" before the first commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * A changed path: its blob at the base (HEAD for --staged, the merge base for --changed-since; undefined:
 * added) and whether it is there now (`index` undefined: deleted; its blob in the index for --staged).
 */
export interface Change {
  path: string;
  head?: string;
  index?: string;
}

export interface IndexSnapshot {
  /** The YAML files in the index (paths relative to the PMO root), with their blob ids. */
  blobs: Map<string, string>;
  /** Whether the index has a file at this path (a record, say). */
  present: (path: string) => boolean;
  /** The index as `git ls-files --stage -z` lists it: what worker threads get for `present` (see index-listing.ts). */
  listing: string;
  /** The files the commit changes, against HEAD (or against nothing, before the first commit). */
  changes: Change[];
}

/** A repository at `root` (the PMO root, which may be a folder inside the git work tree). */
export class GitRepo {
  /** simple-git, loaded when first needed (a pre-commit check that goes well never needs it). */
  private git?: Promise<{ git: SimpleGit; SimpleGitError: typeof import('simple-git').GitError }>;

  private constructor(
    private readonly root: string,
    /** The command that needs git (`pmo check --staged`), for messages. */
    private readonly command: string,
  ) {}

  /**
   * The repository `root` is in, for `command`. Nothing runs yet: the first git command tells whether there is
   * one (exit 2 with the fix when not, or when git is missing), which saves a pre-commit check a process.
   */
  static open(root: string, command: string): GitRepo {
    nameTheWorkTree();
    return new GitRepo(root, command);
  }

  /** The index: every file's blob, and what differs from HEAD. Refuses while a merge is unresolved. */
  async staged(): Promise<IndexSnapshot> {
    // The index and its difference from HEAD at once (a pre-commit check waits for both). Run in the PMO
    // root, ls-files lists that folder only, with paths relative to it; diff-index's --relative does the same.
    // No renames: a rename is a deletion and an addition, which is what the cross-file checks need to see.
    const diffAgainst = (base: string) => this.quickly(['diff-index', '--cached', '--no-renames', '--relative', '-z', base]);
    const [listing, diff] = await Promise.all([
      this.quickly(['ls-files', '--stage', '-z']),
      // Before the first commit there is no HEAD: everything staged is new, as against the empty tree.
      diffAgainst('HEAD').catch(async (error: unknown) => ((await this.hasCommits()) ? Promise.reject(error) : diffAgainst(EMPTY_TREE))),
    ]);
    // <mode> SP <object> SP <stage> TAB <path> NUL per entry. Most entries are records, of which a check asks
    // only whether they exist (see `present`): rather than every entry (37,000 at 5,000 projects, ~10 ms), the
    // listing is searched for what the check needs: YAML files by their names' ends, unmerged entries (stages
    // 1 to 3) by their stage.
    const blobs = new Map<string, string>();
    for (let dot = listing.indexOf('.y'); dot >= 0; dot = listing.indexOf('.y', dot + 2)) {
      const end = listing.startsWith('aml\0', dot + 2) ? dot + 5 : listing.startsWith('ml\0', dot + 2) ? dot + 4 : -1;
      if (end < 0) continue;
      const start = listing.lastIndexOf('\0', dot) + 1;
      const tab = listing.indexOf('\t', start);
      if (tab < 0 || tab > dot || listing.charCodeAt(tab - 1) !== 0x30) continue; // unmerged: refused below
      const path = listing.slice(tab + 1, end);
      if (listing.startsWith('120000', start)) this.linkAsTarget(blobs, path);
      else if (!listing.startsWith('160000', start)) blobs.set(path, listing.slice(listing.indexOf(' ', start) + 1, tab - 2));
    }
    const unmerged = new Set<string>();
    const conflicts = ['1', '2', '3'].flatMap((stage) => {
      const at: number[] = [];
      for (let i = listing.indexOf(` ${stage}\t`); i >= 0; i = listing.indexOf(` ${stage}\t`, i + 3)) {
        if (listing.indexOf('\t', listing.lastIndexOf('\0', i) + 1) === i + 2) at.push(i + 3); // a header's stage, not a path's text
      }
      return at;
    });
    for (const at of conflicts.sort((a, b) => a - b)) unmerged.add(listing.slice(at, listing.indexOf('\0', at)));
    if (unmerged.size > 0) {
      throw new GitError(`a merge is not finished: ${[...unmerged].slice(0, 3).join(', ')}${unmerged.size > 3 ? ', ...' : ''} still ${unmerged.size === 1 ? 'has' : 'have'} conflicts; resolve them and \`git add\` the result, then commit`);
    }
    return { blobs, present: presence(listing), listing, changes: parseRawDiff(diff) };
  }

  /**
   * The files (relative to the PMO root) that differ between `ref`'s merge base with HEAD and the work tree,
   * plus untracked ones: what a pull request against `ref` changes, uncommitted work included.
   */
  async changedSince(ref: string): Promise<Change[]> {
    const why = this.command;
    await this.assertWorkTree();
    if (!(await this.hasCommits())) throw new GitError(`${why}: the repository has no commits yet, so nothing can have changed since ${ref}; run a plain \`pmo check\``);
    const commit = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).catch(() => '');
    if (!commit.trim()) throw new GitError(`${why}: git knows no commit named ${ref}${await this.shallowHint()}`);
    const base = await this.run(['merge-base', commit.trim(), 'HEAD']).catch(() => '');
    if (!base.trim()) throw new GitError(`${why}: ${ref} and HEAD share no history${await this.shallowHint()}`);
    // The work tree against the merge base: each change with the base's blob (no index blob: the work tree's
    // bytes are what counts); untracked files are additions.
    const [changed, untracked] = await Promise.all([
      this.run(['diff', '--raw', '-z', '--no-renames', '--relative', '--abbrev=40', base.trim()]),
      this.run(['ls-files', '--others', '--exclude-standard', '-z', '--', '.']),
    ]);
    const changes = parseRawDiff(changed);
    return [...changes, ...untracked.split('\0').filter(Boolean).map((path) => ({ path, index: 'untracked' }))];
  }

  /** Blob contents by id, through one `git cat-file --batch` process. */
  readBlobs(ids: Iterable<string>): Promise<Map<string, Uint8Array>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return Promise.resolve(new Map());
    return new Promise((resolve, reject) => {
      const child = spawn('git', ['cat-file', '--batch'], { cwd: this.root, stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      child.on('error', (error) => reject(new GitError(`cannot run git cat-file: ${error.message}`)));
      child.on('close', (code) => {
        if (code !== 0) return reject(new GitError(`git cat-file failed: ${stderr.trim() || `exit code ${code}`}`));
        try {
          resolve(parseBatch(Buffer.concat(chunks), wanted));
        } catch (error) {
          reject(error);
        }
      });
      child.stdin.end(`${wanted.join('\n')}\n`);
    });
  }

  /**
   * A command's output, from a plain git process that writes it to a temp file: what a pre-commit check runs.
   * simple-git and its task queue take ~30 ms to load and start; and through a pipe git waits for each 64 KB
   * of the index's listing (~3 MB at 5,000 projects, mostly record files) to be read, while this thread is busy
   * reading the cache. When this fails (no temp file, no git, no repository), simple-git runs the command
   * again, and says what went wrong.
   */
  private async quickly(args: string[]): Promise<string> {
    const file = join(tmpdir(), `pmo-git-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      const fd = openSync(file, 'w');
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn('git', args, { cwd: this.root, stdio: ['ignore', fd, 'ignore'] });
        child.on('error', () => resolve(null)).on('close', resolve);
      }).finally(() => closeSync(fd));
      if (code === 0) return readFileSync(file, 'utf8');
    } catch {
      // no temp file: simple-git it is
    } finally {
      rmSync(file, { force: true });
    }
    return this.run(args);
  }

  /**
   * A symbolic link's blob is the path it points to. pmo checks what it points to, as a plain check does: the
   * file in the work tree, known by its content's blob id (a dangling link is no file).
   */
  private linkAsTarget(blobs: Map<string, string>, path: string): void {
    try {
      blobs.set(path, hashBytes(readFileSync(join(this.root, path))));
    } catch {
      // dangling, or a link to a folder
    }
  }

  /** Where git runs hooks from (core.hooksPath honoured), absolute; and the work tree's top folder. */
  async hookPaths(): Promise<{ hooks: string; top: string }> {
    await this.assertWorkTree();
    const [hooks, top] = await Promise.all([
      this.run(['rev-parse', '--path-format=absolute', '--git-path', 'hooks']),
      this.run(['rev-parse', '--show-toplevel']),
    ]);
    return { hooks: hooks.trim(), top: top.trim() };
  }

  /** One blob, synchronously: for the rare file whose text is wanted after the batch was read. */
  readBlobSync(id: string): Uint8Array {
    try {
      return execFileSync('git', ['cat-file', 'blob', id], { cwd: this.root, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      throw new GitError(`git cat-file blob ${id} failed: ${(error as Error).message}`);
    }
  }

  private async hasCommits(): Promise<boolean> {
    return (await this.run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).catch(() => '')).trim() !== '';
  }

  private async shallowHint(): Promise<string> {
    const shallow = (await this.run(['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
    return shallow
      ? '; this is a shallow clone, which lacks the history: fetch it (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)'
      : ' (fetch it first, e.g. `git fetch origin`)';
  }

  /** Fails with the fix unless `root` is inside a git work tree (for commands that would otherwise misreport it). */
  private async assertWorkTree(): Promise<void> {
    if ((await this.run(['rev-parse', '--is-inside-work-tree'])).trim() !== 'true') throw this.noWorkTree();
  }

  private noWorkTree(): GitError {
    return new GitError(`${this.command} needs a git work tree; ${this.root} is inside a bare repository or .git folder`);
  }

  /** One git command; git missing, no repository, or git failing becomes a GitError naming the command. */
  private async run(args: string[]): Promise<string> {
    this.git ??= import('simple-git').then(({ simpleGit, GitError }) => ({ git: simpleGit({ baseDir: this.root, binary: 'git', maxConcurrentProcesses: 4 }), SimpleGitError: GitError }));
    const { git, SimpleGitError } = await this.git;
    try {
      return await git.raw(args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/ENOENT|spawn git/.test(message)) throw new GitError(`${this.command} needs git, and git is not installed (or not on PATH)`);
      if (/not a git repository/i.test(message)) throw new GitError(`${this.command} needs a git repository, and ${this.root} is not in one (run \`git init\` there first)`);
      if (/must be run in a work tree/i.test(message)) throw this.noWorkTree();
      if (error instanceof SimpleGitError) throw new GitError(`${this.command}: git ${args[0]} failed: ${message.trim()}`);
      throw error;
    }
  }
}

/**
 * Git sets GIT_DIR (not GIT_WORK_TREE) for a hook in a linked worktree, which makes the folder git runs in the
 * top of the work tree. pmo runs git in the PMO folder, which may be below it: so the folder pmo was started
 * in (the hook's, the top) is named the top, for every git pmo runs. (Set in pmo's own environment, which git
 * inherits: simple-git refuses an environment passed to it that holds the GIT_EDITOR a commit sets.)
 */
function nameTheWorkTree(): void {
  if (process.env.GIT_DIR && !process.env.GIT_WORK_TREE) process.env.GIT_WORK_TREE = process.cwd();
}

/** `git diff-index -z` output: `:<mode> <mode> <sha> <sha> <status>\0<path>\0` per change. */
function parseRawDiff(raw: string): Change[] {
  const fields = raw.split('\0');
  const changes: Change[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, , oldSha, newSha, status] = fields[i]!.slice(1).split(' ');
    const path = fields[i + 1]!;
    changes.push({ path, ...(status === 'A' ? {} : { head: oldSha }), ...(status === 'D' ? {} : { index: newSha }) });
  }
  return changes;
}

/** `git cat-file --batch` output: `<sha> <type> <size>\n<content>\n` per object, `<sha> missing\n` when absent. */
function parseBatch(out: Buffer, wanted: readonly string[]): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  let at = 0;
  for (const id of wanted) {
    const end = out.indexOf(0x0a, at);
    const header = out.subarray(at, end).toString('latin1').split(' ');
    if (header[1] === 'missing' || header.length < 3) throw new GitError(`git has no object ${id} (is the repository complete?)`);
    const size = Number(header[2]);
    blobs.set(id, out.subarray(end + 1, end + 1 + size));
    at = end + 1 + size + 1;
  }
  return blobs;
}
