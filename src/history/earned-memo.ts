/**
 * The S-curve's earned values (earned-by-month.ts) kept on disk, as trends keep their points (trend-memo.ts): a
 * month's EV depends only on the version of the project file (its blob), the month's last day, pmo.yaml and
 * pmo's own build, so a second one-pager of the same project reads them back instead of reading, parsing and
 * measuring each past version again. One sealed file in the cache folder: a head with the build and a hash of
 * pmo.yaml's data (another pmo.yaml or build starts afresh), then one record per EV. `--no-cache` neither
 * reads nor writes it.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cacheDir, keepMemoFile } from '../load/cache.js';
import { readRecords } from '../load/sealed.js';
import { BUILD_ID } from '../version.js';

const FILE = 'earned-memo.json';
/** EVs kept at most (a month of one project each); the oldest written go first. */
const KEEP = 5000;

export class EarnedMemo {
  private dirty = false;
  private readonly values = new Map<string, number | null>();

  private constructor(
    private readonly dir: string | undefined,
    private readonly config: string,
  ) {}

  /** The memo of the repository at `root` under pmo.yaml's `data`; an empty one never written when `enabled` is false or there is no cache folder. */
  static open(root: string, enabled: boolean, data: unknown): EarnedMemo {
    const dir = enabled ? cacheDir(root) : undefined;
    const memo = new EarnedMemo(dir, createHash('sha1').update(JSON.stringify(data ?? null)).digest('hex'));
    if (dir) memo.read(join(dir, FILE));
    return memo;
  }

  private read(path: string): void {
    const records = readRecords(path, () => (this.dirty = true));
    const head = records[0] as { build?: unknown; config?: unknown } | undefined;
    if (head?.build !== BUILD_ID || head?.config !== this.config) return;
    for (const record of records.slice(1)) {
      if (Array.isArray(record) && record.length === 2 && typeof record[0] === 'string' && (record[1] === null || typeof record[1] === 'number')) this.values.set(record[0], record[1]);
    }
  }

  /** The EV of the blob on the day; undefined when not known. */
  get(blob: string, day: string): number | null | undefined {
    return this.values.get(`${blob}:${day}`);
  }

  set(blob: string, day: string, ev: number | null): void {
    const key = `${blob}:${day}`;
    this.values.delete(key); // to the end: the newest are kept
    this.values.set(key, ev);
    this.dirty = true;
  }

  /** Writes what is new; a memo that cannot be written is only a slower next run, never a failed report. */
  save(): void {
    if (this.dir && this.dirty) keepMemoFile(this.dir, FILE, [{ build: BUILD_ID, config: this.config }, ...[...this.values].slice(-KEEP)]);
  }
}
