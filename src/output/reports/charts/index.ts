/** The report charts: each a pure function from view-model data to one `<svg>` string (see svg.ts for what they share). */
export { ragChart, type RagCounts } from './rag-chart.js';
export { budgetChart, BUDGET_LIMIT, type BudgetRow } from './budget-chart.js';
export { heatmapChart, HEATMAP_LIMIT, HEATMAP_MAX_COLUMNS, type HeatmapData } from './heatmap-chart.js';
export { evmChart, EVM_LABELLED, EVM_MAX_POINTS, type EvmRow } from './evm-chart.js';
export { sparkline, SPARKLINE_MAX_POINTS } from './sparkline.js';
export { stackedBarChart, type StackedBarData } from './stacked-chart.js';
export { lineChart, type LineChartData, type LineChartOptions } from './line-chart.js';
export { RAG_SERIES_COLORS, SERIES_PALETTE, TREND_MAX_COLUMNS, type TrendData, type TrendSeries } from './trend.js';
