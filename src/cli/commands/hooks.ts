/** `pmo hooks install|uninstall`: the git pre-commit hook that runs `pmo check --staged`. */
import { Command } from 'commander';
import { findRoot } from '../../load/discover.js';
import { writeStdout } from '../../output/write.js';

async function place(cwd: string | undefined) {
  const root = findRoot(cwd ?? process.cwd());
  const { GitRepo } = await import('../../load/git.js');
  const repo = GitRepo.open(root, 'pmo hooks');
  return { root, ...(await repo.hookPaths()) };
}

export function hooksCommand(): Command {
  const hooks = new Command('hooks').description('install or remove the git pre-commit hook that runs `pmo check --staged`').addHelpText(
    'after',
    `
Examples:
  $ pmo hooks install            check every commit before it is made
  $ pmo hooks install --chain    keep an existing pre-commit hook and run pmo after it
  $ pmo hooks uninstall          remove pmo's hook (an existing one it chained is put back)

Using the pre-commit framework instead? Add this repository as a hook source (see docs/ci.md).

Exit codes: 0 done, 2 pmo could not do it (not in a git repository, a hook that is not pmo's).`,
  );
  hooks
    .command('install')
    .description('install the pre-commit hook (never overwrites a hook that is not pmo\'s)')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--chain', 'keep an existing pre-commit hook: it runs first, then pmo')
    .addHelpText(
      'after',
      `
Examples:
  $ pmo hooks install            each commit runs \`pmo check --staged\` first
  $ pmo hooks install --chain    an existing pre-commit hook runs first, then pmo

Exit codes: 0 installed, 2 pmo could not install it (not in a git repository, a hook that is not pmo's
without --chain, a hook path that is a folder or a broken link).`,
    )
    .action(async (flags: { cwd?: string; chain?: boolean }) => {
      const { installHook } = await import('../../hooks/pre-commit.js');
      const { outcome, path } = installHook(await place(flags.cwd), { chain: flags.chain });
      const said = { installed: 'installed', updated: 'updated', chained: 'installed after the existing hook (moved to pre-commit.pre-pmo)' };
      await writeStdout(`pmo: pre-commit hook ${said[outcome]}: ${path}\nEach commit now runs \`pmo check --staged\` (skip once with \`git commit --no-verify\`).\n`);
    });
  hooks
    .command('uninstall')
    .description("remove pmo's pre-commit hook")
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .addHelpText(
      'after',
      `
Examples:
  $ pmo hooks uninstall          remove pmo's hook (a hook it chained after is put back)

Exit codes: 0 removed (or there was none), 2 pmo could not do it (not in a git repository, a hook that is
not pmo's).`,
    )
    .action(async (flags: { cwd?: string }) => {
      const { uninstallHook } = await import('../../hooks/pre-commit.js');
      const { removed, restored, path } = uninstallHook(await place(flags.cwd));
      const text = !removed ? `pmo: no pre-commit hook at ${path}; nothing to remove` : restored ? `pmo: hook removed; the earlier hook is back at ${restored}` : `pmo: hook removed: ${path}`;
      await writeStdout(`${text}\n`);
    });
  return hooks;
}
