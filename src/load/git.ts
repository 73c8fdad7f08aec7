/**
 * What pmo reads from git: the index (for `pmo check --staged`), the files changed since a ref (for
 * `--changed-since`), and blob contents. The only module that talks to git; a plain `pmo check` never loads it.
 *
 * Commands go through simple-git, but for two kinds: blob contents come from one `git cat-file --batch`
 * process, since simple-git cannot feed a command's stdin and one process per blob would cost a spawn each;
 * and the pre-commit check's two commands run as plain processes writing to temp files (see `quickly`).
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { SimpleGit } from 'simple-git';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { YAML_FILE } from '../layout.js';
import { GitError, UsageError } from '../errors.js';
import { isRealDate } from '../model/dates.js';
import { commitIndexOn, earliestDay, localDate } from './commit-day.js';
import { presence, type Presence } from './index-listing.js';
import { hashBytes, readRegularFile } from './read.js';

/** What to do about a shallow clone, said the same way wherever pmo meets one. */
export const SHALLOW_FIX = 'fetch the full history with `git fetch --unshallow` (in CI: `fetch-depth: 0` for actions/checkout, `GIT_DEPTH: 0` in GitLab)';

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

/** A commit of the branch's history, with the files it changed (`index`: the blob after, absent when deleted). */
export interface HistoryCommit {
  id: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  changes: Change[];
  /** The oldest commit of a shallow clone: the history before it is missing, not empty. */
  shallow?: true;
}

export interface IndexSnapshot {
  /** The YAML files in the index (paths relative to the PMO root), with their blob ids. */
  blobs: Map<string, string>;
  /** Whether the index has a file at this path (a record, say). */
  present: (path: string) => boolean;
  /** `present` as worker threads (which cannot be given a function) are told it. */
  presence: Presence;
  /** The files the commit changes, against HEAD (or against nothing, before the first commit); none for a past commit's tree. */
  changes?: Change[];
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

  /** `git init` in `dir` (which must exist), for `pmo init --git`; then the repository, as `open` gives it. */
  static async init(dir: string, command: string): Promise<GitRepo> {
    const repo = GitRepo.open(dir, command);
    // Run by simple-git in `dir` itself: a repository further up is not this one (the caller asked for a new one).
    await repo.run(['init', '-q']);
    return repo;
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
    return { blobs, present: presence(listing), presence: { listing }, changes: parseRawDiff(diff) };
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

  /**
   * The commit `spec` names: a ref (tag, branch, sha), judged on its own date; or a date YYYY-MM-DD, meaning the
   * newest commit on this branch (first parents from HEAD) made on or before that day (commitIndexOn: HEAD for a
   * day after it), judged on that day. `date` is the commit's date, `day` the day to judge on.
   */
  async commitAsOf(spec: string): Promise<{ commit: string; date: string; day: string }> {
    const why = this.command;
    const isDate = /^\d{4}-\d{2}-\d{2}$/.test(spec);
    if (isDate && !isRealDate(spec)) throw new UsageError(`--as-of ${spec}: not a real date (write YYYY-MM-DD, or name a commit, branch or tag)`);
    await this.assertWorkTree();
    if (!(await this.hasCommits())) throw new GitError(`${why}: the repository has no commits yet, so it has no history to read`);
    let commit: string;
    if (isDate) {
      // The branch's commits and times, chosen among as trends chooses a period's commit (commit-day.ts).
      const log = (await this.run(['log', '--first-parent', '--reverse', '--format=%H %ct', 'HEAD'])).trim().split('\n').map((line) => line.split(' '));
      const days = log.map(([, time]) => localDate(Number(time)));
      commit = log[commitIndexOn(days, spec)]?.[0] ?? '';
      if (!commit) {
        throw new GitError(`${why}: this branch has no commit from ${spec} or before (its earliest is from ${earliestDay(days)})${await this.shallowHint(false)}`);
      }
    } else {
      commit = (await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${spec}^{commit}`]).catch(() => '')).trim();
      if (!commit) throw new GitError(`${why}: git knows no commit named ${spec}${await this.shallowHint()}`);
    }
    // On the local clock, as the commit was chosen: a commit chosen for a day is never dated after it.
    const date = localDate(Number((await this.run(['show', '-s', '--format=%ct', commit])).trim()));
    return { commit, date, day: isDate ? spec : date };
  }

  /** The PMO folder as `commit` has it: every YAML file's blob, and every path (for record checks). */
  async treeAt(commit: string): Promise<IndexSnapshot> {
    // Run in the PMO folder, ls-tree lists that folder only, with paths relative to it.
    return treeSnapshot(await this.run(['ls-tree', '-r', '-z', commit]));
  }

  /**
   * Every commit of this branch (first parents from HEAD), oldest first, with its time and the files it
   * changed (against its first parent; the first commit adds its whole tree): one `git log`, from which any
   * commit's tree is rebuilt by replaying the changes.
   */
  async firstParentHistory(): Promise<HistoryCommit[]> {
    await this.assertWorkTree();
    if (!(await this.hasCommits())) throw new GitError(`${this.command}: the repository has no commits yet, so it has no history to read`);
    const out = await this.run(['log', '--first-parent', '--reverse', '--format=%x01%H %ct', '--raw', '--no-abbrev', '--no-renames', '--relative', '-z', 'HEAD']);
    const shallow = (await this.run(['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
    return out
      .split('\x01')
      .filter(Boolean)
      .map((chunk, i) => {
        const end = chunk.indexOf('\0');
        const [id, time] = chunk.slice(0, end).split(' ');
        return { id: id!, time: Number(time), changes: parseRawDiff(chunk.slice(end + 1).replace(/^\n/, '')), ...(shallow && i === 0 ? { shallow: true } : {}) };
      });
  }

  /** A long-lived `git cat-file --batch` for reading many blobs in turns (history); close it when done. */
  blobReader(): BlobReader {
    return new BlobReader(this.root);
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
      blobs.set(path, hashBytes(readRegularFile(this.root, path)));
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

  private async shallowHint(fetchRef = true): Promise<string> {
    const shallow = (await this.run(['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
    if (shallow) return `; this is a shallow clone, which lacks the history: ${SHALLOW_FIX}`;
    return fetchRef ? ' (fetch it first, e.g. `git fetch origin`)' : '';
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

  // ── pmo log: the history of one file ───────────────────────────────────────────────────────────────────────
  // Kept together at the end of the class (its types and parser at the end of the file).

  /**
   * Every commit of HEAD (or of `<since>..HEAD`) that changed `path` (relative to the PMO root), newest first,
   * following renames: ONE `git log --follow` whose raw diff names each commit's blobs before and after; a
   * merge is listed (`-c`, one diff per parent) only where it differs from every parent. Also whether the
   * clone is shallow and which commits its history stops at. The blobs' contents are `readBlobs`'s job.
   */
  async fileHistory(path: string, since?: string): Promise<FileHistory> {
    const args = ['log', '--follow', '-c', '--raw', '-z', '--no-abbrev', '--relative', '--no-show-signature', '--encoding=UTF-8', `--format=${FILE_LOG_FORMAT}`];
    const [out, shallow] = await Promise.all([
      this.run([...args, ...(since === undefined ? [] : [`${since}..HEAD`]), '--', path]).catch(async (error: unknown) => {
        await this.run(['rev-parse', '--git-dir']); // no repository, or no git: says so
        if (!(await this.hasCommits())) throw new GitError(`${this.command}: the repository has no commits yet, so ${path} has no history; commit it first`);
        if (since !== undefined && !(await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${since}^{commit}`]).catch(() => '')).trim()) {
          throw new GitError(`${this.command}: --since ${since}: git knows no commit (or date) named ${since}${await this.shallowHint()}`);
        }
        throw error;
      }),
      // Whether the clone is shallow, and HEAD's short id: its length is the repository's abbreviation (%h
      // would be 40 characters long beside --no-abbrev). Fails before the first commit, as the log does.
      this.run(['rev-parse', '--is-shallow-repository', '--path-format=absolute', '--git-path', 'shallow', '--short', 'HEAD']).catch(() => ''),
    ]);
    const [isShallow, shallowFile, head = ''] = shallow.trim().split('\n');
    let boundaries: string[] = [];
    if (isShallow === 'true' && shallowFile) {
      try {
        boundaries = readFileSync(shallowFile, 'utf8').split('\n').filter(Boolean);
      } catch {
        // no shallow file after all
      }
    }
    return { commits: parseFileLog(out, Math.max(7, head.trim().length)), shallow: isShallow === 'true', boundaries: new Set(boundaries) };
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

/** `git ls-tree -r -z` output: `<mode> SP <type> SP <object> TAB <path> NUL`; YAML blobs (not links) and every path. */
function treeSnapshot(listing: string): IndexSnapshot {
  const blobs = new Map<string, string>();
  const all = new Set<string>();
  for (const entry of listing.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const path = entry.slice(tab + 1);
    all.add(path);
    const [mode, type, id] = entry.slice(0, tab).split(' ');
    // A link in a commit points at a path, not at content pmo could read as of then: it is left out.
    if (type === 'blob' && mode !== '120000' && YAML_FILE.test(path)) blobs.set(path, id!);
  }
  return {
    blobs,
    present: (path) => all.has(path),
    get presence() {
      return { paths: [...all] };
    },
  };
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

/**
 * One `git cat-file --batch` process kept for a whole run: each `read` writes its ids and gets the blobs back in
 * order, so a history of thousands of blobs costs one process, not one per commit or per file.
 */
export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  /** Who waits for the next answers, in the order the ids were written. */
  private readonly waiting: Array<{ id: string; done: (bytes: Uint8Array | GitError) => void }> = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: GitError | undefined;

  constructor(cwd: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    this.child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    this.child.stdout.on('data', (chunk: Buffer) => this.take(chunk));
    this.child.on('error', (error) => this.fail(`cannot run git cat-file: ${error.message}`));
    this.child.on('close', (code) => this.fail(`git cat-file stopped: ${stderr.trim() || `exit code ${code}`}`));
    this.child.stdin.on('error', () => undefined); // a closed pipe is reported by 'close'
  }

  async read(ids: Iterable<string>): Promise<Map<string, Uint8Array>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    if (this.failure) throw this.failure;
    const answers = wanted.map(
      (id) => new Promise<Uint8Array>((resolve, reject) => this.waiting.push({ id, done: (b) => (b instanceof GitError ? reject(b) : resolve(b)) })),
    );
    this.child.stdin.write(`${wanted.join('\n')}\n`);
    const blobs = await Promise.all(answers);
    return new Map(wanted.map((id, i) => [id, blobs[i]!]));
  }

  close(): void {
    this.child.stdin.end();
  }

  private fail(message: string): void {
    this.failure ??= new GitError(message);
    for (const w of this.waiting.splice(0)) w.done(this.failure);
  }

  /** Answers come in the order asked: `<sha> <type> <size>\n<content>\n`, or `<sha> missing\n`. */
  private take(chunk: Buffer): void {
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (let next = this.waiting[0]; next; next = this.waiting[0]) {
      const end = this.buffer.indexOf(0x0a);
      if (end < 0) return;
      const header = this.buffer.subarray(0, end).toString('latin1').split(' ');
      if (header[1] === 'missing' || header.length < 3) {
        this.buffer = this.buffer.subarray(end + 1);
        this.waiting.shift();
        next.done(new GitError(`git has no object ${next.id} (is the repository complete?)`));
        continue;
      }
      const size = Number(header[2]);
      if (this.buffer.length < end + 1 + size + 1) return;
      // A copy: the answer outlives the buffer it arrived in.
      const bytes = new Uint8Array(this.buffer.subarray(end + 1, end + 1 + size));
      this.buffer = this.buffer.subarray(end + 2 + size);
      this.waiting.shift();
      next.done(bytes);
    }
  }
}

// ── pmo log: the history of one file (GitRepo.fileHistory) ──────────────────────────────────────────────────

/** One version change of the file in a commit, against one parent. */
export interface FileDiff {
  /** git's status letter: A added, M modified, D deleted, R renamed, C copied, T type changed. */
  status: string;
  /** The path after the commit (relative to the PMO root), and before it for a rename or copy. */
  path: string;
  from?: string;
  /** Blob ids before and after; undefined where there is no file. */
  before?: string;
  after?: string;
}

export interface FileCommit {
  sha: string;
  /** Abbreviated as the repository abbreviates (core.abbrev, at least 7). */
  short: string;
  author: string;
  email: string;
  /** Author date, ISO 8601 with the author's offset: `2026-03-02T10:15:00+01:00`. */
  authoredAt: string;
  parents: string[];
  subject: string;
  /** One per parent for a merge; one otherwise (a root commit's has no blob before). */
  diffs: FileDiff[];
}

export interface FileHistory {
  commits: FileCommit[];
  shallow: boolean;
  /** The commits a shallow clone's history stops at (their parents are not in the clone). */
  boundaries: Set<string>;
}

/** Record separator, then the header's fields separated by unit separators. */
const FILE_LOG_FORMAT = '%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%P%x1f%s';
const NO_BLOB = /^0+$/;

/**
 * `git log --format=FILE_LOG_FORMAT --raw -c -z` output: per commit, the header, NUL, then raw entries
 * `:<mode> <mode> <sha> <sha> <status>\0<path>\0` (a second path for R and C), or for a merge with N parents
 * `::...` with N+1 modes and shas, N status letters and one path.
 */
export function parseFileLog(out: string, abbrev = 7): FileCommit[] {
  const commits: FileCommit[] = [];
  for (const record of out.split('\x1e')) {
    if (record === '') continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd < 0 ? record : record.slice(0, headerEnd);
    const [sha = '', author = '', email = '', authoredAt = '', parents = '', subject = ''] = header.split('\x1f');
    const diffs: FileDiff[] = [];
    const tokens = headerEnd < 0 ? [] : record.slice(headerEnd + 1).split('\0');
    for (let i = 0; i < tokens.length; i++) {
      const raw = tokens[i]!.replace(/^\n+/, '');
      if (!raw.startsWith(':')) continue;
      const colons = /^:+/.exec(raw)![0].length;
      const fields = raw.slice(colons).split(' ');
      const shas = fields.slice(colons + 1, 2 * colons + 2);
      const status = fields[2 * colons + 2] ?? '';
      const after = NO_BLOB.test(shas[colons] ?? '') ? undefined : shas[colons];
      if (colons > 1) {
        const path = tokens[++i] ?? '';
        for (let p = 0; p < colons; p++) {
          const before = NO_BLOB.test(shas[p] ?? '') ? undefined : shas[p];
          diffs.push({ status: status[p] ?? 'M', path, before, after });
        }
        continue;
      }
      const letter = status.charAt(0);
      const before = NO_BLOB.test(shas[0] ?? '') ? undefined : shas[0];
      if (letter === 'R' || letter === 'C') {
        const from = tokens[++i] ?? '';
        diffs.push({ status: letter, path: tokens[++i] ?? '', from, before, after });
      } else diffs.push({ status: letter, path: tokens[++i] ?? '', before, after });
    }
    commits.push({ sha, short: sha.slice(0, abbrev), author, email, authoredAt, parents: parents.split(' ').filter(Boolean), subject, diffs });
  }
  return commits;
}
