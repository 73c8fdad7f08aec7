import type { ProjectRule } from '../types.js';
import { latestStatus } from '../util.js';

const index = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));

const rule: ProjectRule = {
  id: 'evm-green-but-behind',
  description: 'A project reported green has a CPI and an SPI at or above the earned-value threshold.',
  category: 'earned-value',
  governance: true,
  thresholds: ['evm_min_index'],
  messages: {
    cpi: 'the newest status update ({{date}}) says overall green, but CPI is {{cpi}}, below the threshold {{limit}} (SPI {{spi}})',
    spi: 'the newest status update ({{date}}) says overall green, but SPI is {{spi}}, below the threshold {{limit}} (CPI {{cpi}})',
    both: 'the newest status update ({{date}}) says overall green, but CPI is {{cpi}} and SPI is {{spi}}, both below the threshold {{limit}}',
  },
  scope: 'project',
  check(project, ctx) {
    // Before execution there is no baseline plan to earn value against: low indices mean nothing yet.
    if (!ctx.phaseAtLeast(project.phase, 'execution')) return;
    const latest = latestStatus(project);
    if (!latest || latest.update.overall !== 'green') return;
    const measures = ctx.measure(project);
    const { cpi, spi } = measures.evm;
    const limit = ctx.thresholds.evm_min_index;
    const cpiLow = cpi !== null && cpi < limit;
    const spiLow = spi !== null && spi < limit;
    // The SPI only falls, as planned value grows: none found until it falls below the limit; once found, the
    // words hold until it is shown as another value, or falls below the limit.
    const shown = index(spi);
    const found = cpiLow || spiLow;
    ctx.sameFindingsUntil(measures.spiTurnsFrom((next) => (next !== null && next < limit) !== spiLow || (found && index(next) !== shown)));
    if (!found) return;
    ctx.report({
      messageId: cpiLow && spiLow ? 'both' : cpiLow ? 'cpi' : 'spi',
      data: { date: latest.update.date, cpi: index(cpi), spi: index(spi), limit },
      path: ['status', latest.index, 'overall'],
    });
  },
};

export default rule;
