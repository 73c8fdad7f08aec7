/**
 * Tools some tests drive that npm cannot bring (the pre-commit framework; Chromium has its own check in
 * e2e/support/browser.ts): where one is missing, those tests skip, saying why and how to get it, so a
 * contributor's `npm test` after `npm install` passes. In CI they must not skip: .ci/run sets PMO_REQUIRE_TOOLS=1,
 * and a missing tool then fails the file; .ci/without-tools then runs those files again without the tools.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Why tests that need `command` cannot run here, or undefined when they can (see the module doc). */
export function toolMissing(command: string, debianPackage: string, tests: string): string | undefined {
  if (onPath(command)) return undefined;
  const why = `${command} is not installed (apt-get install ${debianPackage}): ${tests} skipped; .ci/run installs it`;
  if (process.env.PMO_REQUIRE_TOOLS) throw new Error(`${why}, and PMO_REQUIRE_TOOLS is set: in CI a missing tool is a failure, not a skip`);
  console.warn(`skipped: ${why}`);
  return why;
}
