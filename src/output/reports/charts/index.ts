/** The report charts: each a pure function from view-model data to one `<svg>` string (see svg.ts for what they share). */
export { ragChart, type RagCounts } from './rag-chart.js';
export { budgetChart, BUDGET_LIMIT, type BudgetRow } from './budget-chart.js';
export { heatmapChart, HEATMAP_LIMIT, HEATMAP_MAX_COLUMNS, type HeatmapData } from './heatmap-chart.js';
export { evmChart, EVM_LABELLED, EVM_MAX_POINTS, type EvmRow } from './evm-chart.js';
export { sparkline, SPARKLINE_MAX_POINTS } from './sparkline.js';
