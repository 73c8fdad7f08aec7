/**
 * What `pmo report trends` judged, kept on disk by commit and day. A period's point depends only on the files
 * of its commit (pmo.yaml and the PMO's rules are among them), the day it is judged on and pmo's own build, so a
 * second run of the same trend reads its points back instead of parsing a year of history again: only periods
 * whose commit or day is new (the week still running, a week with a new commit) are judged.
 *
 * One sealed file (sealed.ts) in the cache folder: a head with the build, then one record per point and one per
 * pmo.yaml version (the header of the report names the organisation of the last commit's pmo.yaml). A record
 * that does not match its checksum misses, and that point is judged again.
 */
import { join } from 'node:path';
import { cacheDir, keepMemoFile } from '../load/cache.js';
import { readRecords } from '../load/sealed.js';
import { BUILD_ID } from '../version.js';
import type { TrendValues } from './trend-point.js';

/** What a period's point is, besides its label and dates. */
export interface StoredPoint {
  values: TrendValues | null;
  problem?: string;
  /** The blob of the commit's pmo.yaml, when its settings could be read (see `configData`). */
  config?: string;
}

/** Points as `commit:day` keys, and pmo.yaml's data by blob: what a judging thread is given and gives back. */
export interface PointsKnown {
  points: Array<[string, StoredPoint]>;
  configs: Array<[string, unknown]>;
}

const FILE = 'trends-memo.json';
/** Points kept at most; the oldest written go first. A year of weeks, months and quarters is ~70. */
const KEEP = 2000;

export const pointKey = (commit: string, day: string) => `${commit}:${day}`;

export class TrendMemo {
  private dirty = false;

  private constructor(
    private readonly dir: string | undefined,
    private readonly points: Map<string, StoredPoint>,
    private readonly configs: Map<string, unknown>,
  ) {}

  /** The memo of the repository at `root`; an empty one that is never written when `enabled` is false or there is no cache folder. */
  static open(root: string, enabled: boolean): TrendMemo {
    const dir = enabled ? cacheDir(root) : undefined;
    const memo = new TrendMemo(dir, new Map(), new Map());
    if (dir) memo.read(join(dir, FILE));
    return memo;
  }

  private read(path: string): void {
    const records = readRecords(path, () => (this.dirty = true));
    const head = records[0] as { build?: unknown } | undefined;
    if (head?.build !== BUILD_ID) return;
    for (const record of records.slice(1)) {
      if (!Array.isArray(record) || record.length !== 3 || typeof record[1] !== 'string') continue;
      if (record[0] === 'point' && isStoredPoint(record[2])) this.points.set(record[1], record[2]);
      else if (record[0] === 'config') this.configs.set(record[1], record[2]);
    }
  }

  /** The points of `keys` known here, with the pmo.yaml data they name: for a judging thread. */
  known(keys: Iterable<string>): PointsKnown {
    const points = [...keys].flatMap((key): Array<[string, StoredPoint]> => (this.points.has(key) ? [[key, this.points.get(key)!]] : []));
    const blobs = new Set(points.flatMap(([, point]) => (point.config ? [point.config] : [])));
    return { points, configs: [...blobs].flatMap((blob): Array<[string, unknown]> => (this.configs.has(blob) ? [[blob, this.configs.get(blob)]] : [])) };
  }

  has(key: string): boolean {
    return this.points.has(key);
  }

  /** What a judging thread learned. */
  learn({ points, configs }: PointsKnown): void {
    for (const [blob, data] of configs) this.configs.set(blob, data);
    for (const [key, point] of points) {
      this.points.delete(key); // to the end: the newest are kept
      this.points.set(key, point);
      this.dirty = true;
    }
  }

  /** Writes what is new; a memo that cannot be written is only a slower next run, never a failed report. */
  save(): void {
    if (!this.dir || !this.dirty) return;
    const points = [...this.points].slice(-KEEP);
    const used = new Set(points.flatMap(([, point]) => (point.config ? [point.config] : [])));
    const records = [
      { build: BUILD_ID },
      ...[...this.configs].filter(([blob]) => used.has(blob)).map(([blob, data]) => ['config', blob, data]),
      ...points.map(([key, point]) => ['point', key, point]),
    ];
    keepMemoFile(this.dir, FILE, records);
  }
}

function isStoredPoint(value: unknown): value is StoredPoint {
  if (typeof value !== 'object' || value === null) return false;
  const { values, problem, config } = value as Record<string, unknown>;
  return (values === null || (typeof values === 'object' && values !== undefined)) && (problem === undefined || typeof problem === 'string') && (config === undefined || typeof config === 'string');
}
