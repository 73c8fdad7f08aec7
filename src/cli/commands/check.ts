/** `pmo check`: validate the repository and print the findings; the exit code tells CI what to do. */
import { Command, Option } from 'commander';
import { check } from '../../check.js';
import { SEVERITY_RANK, type Finding, type Severity } from '../../findings.js';
import { DESCRIBES_RULES, FORMATTERS, FORMAT_NAMES, githubSummary, type FormatName } from '../../output/formatters/index.js';
import { writeFileIfChanged } from '../../output/write-file.js';
import { appendJobSummary, collectFormat, resolveOutputs } from '../outputs.js';
import { ruleCatalog, undescribedRule } from '../../output/rule-info.js';
import { palette, wantsColor } from '../../output/color.js';
import { writeStdout } from '../../output/write.js';
import { oneOfChoices, outputOf, outputOption, parseCount, parseDate } from '../options.js';

interface CheckFlags {
  cwd?: string;
  format?: Array<{ format: FormatName; path?: string }>;
  output?: string;
  outputFile?: string;
  failOn: Severity;
  quiet?: boolean;
  maxWarnings?: number;
  today?: string;
  cache: boolean;
  color?: boolean;
  showWaived?: boolean;
  rules: boolean;
  staged?: boolean;
  changedSince?: string;
  asOf?: string;
  base?: string;
}

export function checkCommand(): Command {
  const command = new Command('check')
    .description('validate every file of the PMO repository against the format and the rules')
    .argument('[paths...]', 'report only on these files, directories or globs, relative to where you typed the command, also with -C (the whole repo is still loaded)')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('-f, --format <format[:file]>', `output format: ${FORMAT_NAMES.join(', ')} (default stylish); repeat it, writing others to files`, collectFormat);
  outputOption(command, 'write the format given without a file here instead of stdout', ['output-file']);
  return command
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe').argParser(oneOfChoices(['error', 'warn', 'info'] as const, { warning: 'warn', errors: 'error', warnings: 'warn' })).default('error'))
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than <n> warnings', parseCount)
    .option('--staged', "check what the next commit holds (git's index): the staged files, and what they break elsewhere")
    .option('--changed-since <ref>', 'report the files changed since <ref> (its merge base with HEAD), and what they break elsewhere; e.g. origin/main in a pull request')
    .option('--base <ref>', 'judge the change rules (rebaselines, turning red) against <ref>\'s merge base with HEAD; --staged and --changed-since have their own base')
    .option('--as-of <date|ref>', 'check the repository as it was at a commit, from git: YYYY-MM-DD means the last commit on or before that day, judged on that day; a ref means its commit, judged on its date')
    .option('--today <date>', 'the date to check against, YYYY-MM-DD (default: today)', parseDate)
    .option('--show-waived', 'also list the findings that waivers hide (JSON always includes them)')
    .option('--no-cache', 'parse every file afresh and leave the cache alone')
    .option('--no-rules', 'check the files against the format only, without the governance rules')
    .option('--color', 'force colour in the stylish output')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
Examples:
  $ pmo check                                 check the repo you are in
  $ pmo check -C ../portfolio                 check another directory
  $ pmo check projects/apollo.yaml            report on one file (cross-file references still checked)
  $ pmo check --format json > findings.json   machine-readable findings
  $ pmo check --format sarif -o pmo.sarif     for GitHub code scanning (upload-sarif) and other SARIF viewers
  $ pmo check -f github -f sarif:pmo.sarif -f junit:pmo.xml
                                              annotations in the log, and report files for CI
  $ pmo check --fail-on warn --today 2026-11-20
  $ pmo check --staged                        the pre-commit check: what the next commit holds
  $ pmo check --changed-since origin/main     in a pull request: only the files it changes
  $ pmo check --as-of 2026-10-31              the repository as it was at the end of October

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 pmo could not do its job.`,
    )
    .action(async (paths: string[], flags: CheckFlags) => {
      const outputs = resolveOutputs(flags.format, outputOf(flags), process.cwd());
      const result = await check({
        cwd: flags.cwd,
        paths,
        // Like -o and -f's files: where the command was typed, not -C's directory.
        pathsFrom: process.cwd(),
        today: flags.today,
        cache: flags.cache,
        rules: flags.rules,
        staged: flags.staged,
        changedSince: flags.changedSince,
        asOf: flags.asOf,
        base: flags.base,
      });
      const shown = flags.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
      const describes = outputs.some((o) => DESCRIBES_RULES.has(o.format));
      const rule = describes ? await ruleCatalog(result) : undescribedRule;
      const context = async (colored: boolean) => ({ files: result.files, paint: await palette(colored), showWaived: Boolean(flags.showWaived), rule });
      // Files first: a broken pipe on stdout (| head) must not cost the CI its report files.
      for (const { format, file } of outputs) if (file) writeFileIfChanged(file, FORMATTERS[format](shown, await context(false)));
      for (const { format, file } of outputs) {
        if (file) continue;
        const colored = format === 'stylish' && wantsColor(process.stdout, flags.color);
        await writeStdout(FORMATTERS[format](shown, await context(colored)));
      }
      if (outputs.some((o) => o.format === 'github')) appendJobSummary(githubSummary(shown, await context(false)));
      process.exitCode = exitCode(shown.filter((f) => !f.waived), flags);
    });
}

function exitCode(findings: readonly Finding[], flags: CheckFlags): number {
  const threshold = SEVERITY_RANK[flags.failOn];
  if (findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) return 1;
  const warnings = findings.filter((f) => f.severity === 'warn').length;
  if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings) return 1;
  return 0;
}
