import type { Config } from '../model/config.js';

/** Lifecycle order: "from planning on" means at or after `planning` in the PMO's lifecycle. */
export function phaseAtLeast(config: Pick<Config, 'lifecycle'>, phase: unknown, name: string): boolean {
  const at = config.lifecycle.indexOf(String(phase));
  const threshold = config.lifecycle.indexOf(name);
  return at >= 0 && threshold >= 0 && at >= threshold;
}
