/**
 * The audience flags every report and `pmo status` take (src/model/portfolio-filter.ts): one definition, so
 * that their names, help and parsing are the same everywhere (and shell completion reads them from here).
 */
import type { Command } from 'commander';
import { FILTER_KEYS, type PortfolioFilter } from '../model/portfolio-filter.js';

/** `--phase planning,execution` and `--phase planning --phase execution` say the same. */
export const collectValues = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

const HELP: Record<(typeof FILTER_KEYS)[number], [string, string]> = {
  project: ['<glob>', 'only projects whose id matches (crm-*; repeatable)'],
  manager: ['<id>', 'only projects this person manages (repeatable)'],
  sponsor: ['<id>', 'only projects this person sponsors (repeatable)'],
  department: ['<name>', 'only projects of this department (repeatable)'],
  goal: ['<id>', 'only projects aligned to this strategic goal (repeatable)'],
  phase: ['<phase>', 'only projects in this phase (repeatable)'],
};

export function filterOptions(command: Command): Command {
  for (const key of FILTER_KEYS) command.option(`--${key} ${HELP[key][0]}`, HELP[key][1], collectValues);
  return command;
}

export function filterOf(flags: Partial<Record<(typeof FILTER_KEYS)[number], string[]>>): PortfolioFilter {
  return Object.fromEntries(FILTER_KEYS.filter((key) => flags[key]?.length).map((key) => [key, flags[key]!]));
}
