import type { Palette } from '../color.js';
import type { Finding } from '../../findings.js';
import type { RuleInfo } from '../rule-info.js';

export interface FormatContext {
  /** Files that were checked (for the summary line). */
  files: string[];
  /** Colours for human formats; machine formats ignore it. */
  paint: Palette;
  /** Human formats list waived findings too (they always count them); machine formats always include them. */
  showWaived: boolean;
  /**
   * What a rule id means, what to do about it, where it is documented. Fully described only for the formats
   * in DESCRIBES_RULES (formatters/index.ts): describing the built-in rules loads every rule module.
   */
  rule(id: string): RuleInfo;
}

/** Every formatter has this one signature: pure, findings in, text out. */
export type Formatter = (findings: readonly Finding[], ctx: FormatContext) => string;
