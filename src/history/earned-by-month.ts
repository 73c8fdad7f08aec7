/**
 * A project's earned value at the end of each past month, from the version of its file that the commit
 * `--as-of <month end>` takes held (commit-day.ts: the same choice trends make): the S-curve's earned line. One
 * `git log` of the branch, one `git cat-file` for the versions; each version is parsed and held to its schema
 * (a version that fails it earns nothing on the curve: null), then measured on the month's last day with the
 * measures every report reads. pmo.yaml as it is now: a month is measured by today's rules of the PMO.
 */
import { commitIndexOn, localDate } from '../load/commit-day.js';
import { GitRepo } from '../load/git.js';
import { decodeSource } from '../load/read.js';
import { parseYaml } from '../load/parse-yaml.js';
import { buildSchemas } from '../model/config-compile.js';
import type { Config } from '../model/config.js';
import type { Project } from '../model/schemas/project.js';
import { validateFile } from '../model/validate-file.js';
import { measureProject } from '../metrics/measures.js';
import { EarnedMemo } from './earned-memo.js';

/**
 * EV by day (each a month's last day), null where no version of the file stood then or it did not pass its
 * schema. With `cache`, the EVs measured before are read back from the memo (earned-memo.ts), and only the
 * versions it does not know are read from git.
 */
export async function earnedByMonth(root: string, path: string, days: readonly string[], config: Config, cache = true): Promise<Map<string, number | null>> {
  const git = GitRepo.open(root, 'pmo report project');
  const history = await git.firstParentHistory();
  const commitDays = history.map((c) => localDate(c.time));
  // The file's blob after each commit, replayed from the commits' changes.
  const blobs: Array<string | undefined> = [];
  let blob: string | undefined;
  for (const commit of history) {
    for (const change of commit.changes) if (change.path === path) blob = change.index;
    blobs.push(blob);
  }
  const wanted = new Map(days.map((day) => [day, blobs[commitIndexOn(commitDays, day)]]));
  const memo = EarnedMemo.open(root, cache, config.data);
  const unknown = [...wanted].filter(([day, id]) => id !== undefined && memo.get(id, day) === undefined).map(([, id]) => id!);
  const contents = await git.readBlobs(new Set(unknown));
  let schemas: ReturnType<typeof buildSchemas> | undefined;
  const earned = new Map<string, number | null>();
  for (const [day, id] of wanted) {
    if (id === undefined) {
      earned.set(day, null);
      continue;
    }
    let ev = memo.get(id, day);
    if (ev === undefined) memo.set(id, day, (ev = earnedOn(contents.get(id), path, day, config, (schemas ??= buildSchemas(config.data)))));
    earned.set(day, ev);
  }
  memo.save();
  return earned;
}

function earnedOn(bytes: Uint8Array | undefined, path: string, day: string, config: Config, schemas: ReturnType<typeof buildSchemas>): number | null {
  if (!bytes) return null;
  const source = decodeSource(path, 'project', bytes);
  const data = parseYaml(source.text, path).data;
  if (data === undefined || validateFile('project', path, data, config, schemas).some((f) => f.severity === 'error')) return null;
  return measureProject(data as Project, config, day).evm.ev;
}
