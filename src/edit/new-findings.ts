/**
 * What an edit brings that `pmo check` will then report: the project's own rules (built-in and the PMO's) run
 * on the data before and after, and the unwaived warnings and errors of after that before did not have, by
 * rule and item. Said before writing, so that an update ends finding-free or with a clear warning (a forecast
 * now over the variance threshold, a milestone forecast after the project's end), never a surprise in CI.
 */
import { applySeverities, check } from '../check.js';
import type { RawFinding } from '../findings.js';
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import { runFileRules } from '../rules/run.js';
import { applyWaivers } from '../rules/waivers.js';

export interface Judged {
  path: string;
  before: unknown;
  after: unknown;
}

/** `file: rule: message` for each finding an edit of `files` brings, judged on `today`. */
export async function findingsBrought(root: string, today: string, files: readonly Judged[]): Promise<string[]> {
  const result = await check({ cwd: root, today, command: 'pmo update' });
  const { compileRules } = await import('../rules/custom-compile.js');
  const custom = compileRules(result.rulesets, today, new Set(BUILTIN_RULES.map((r) => r.id)));
  const judge = (path: string, data: unknown) =>
    applySeverities(applyWaivers(runFileRules('project', path, data, result.config, today, custom, result.portfolio), result.waivers, result.config, today), result.config)
      .filter((f) => !f.waived && (f.severity === 'error' || f.severity === 'warn'));
  const key = (f: RawFinding) => `${f.rule}\0${f.item ?? ''}`;
  return files.flatMap(({ path, before, after }) => {
    const had = new Set(judge(path, before).map(key));
    return judge(path, after)
      .filter((f) => !had.has(key(f)))
      .map((f) => `${path}: ${f.severity === 'error' ? 'error' : 'warning'} ${f.rule}: ${f.message}`);
  });
}
