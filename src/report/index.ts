/**
 * Stage 18, report outputs: building the report from records (with its coverage of the current model by
 * resource group), JSON, Markdown, JUnit, the GitHub step summary, the HTML matrix, baselines, diffs and merging
 * of shards.
 */
export { applyBaseline, exitCodeFor, formatBaseline, loadBaseline, writeBaseline } from './baseline.ts';
export type { BaselineResult } from './baseline.ts';
export { parseBaseline } from '../deviations/index.ts';
export type { Baseline, BaselineEntry } from '../deviations/index.ts';
export { deviationNumbers, gateNewText, gateSummaryText } from './gate-outcome.ts';
export { buildReport } from './build-report.ts';
export { consoleTable } from './console-table.ts';
export { appendStepSummary } from './github-step-summary.ts';
export { renderCompatibilityMatrix } from './html-matrix.ts';
export { compatibilityMatrixMarkdown } from './markdown-matrix.ts';
export { reportToMarkdown } from './markdown-report.ts';
export type { MatrixModel } from './matrix-model.ts';
export { mergeReports } from './merge-reports.ts';
export { modelCoverage } from './model-coverage.ts';
export type { CoverageModel } from './model-coverage.ts';
export { diffExitCode, diffReports, diffToMarkdown } from './report-diff.ts';
export type { ReportDiff } from './report-diff.ts';
export { parseReportJson, reportToJson } from './report-json.ts';
export { validateReport } from './report-schema.ts';
export type { ReportSchemaError } from './report-schema.ts';
export { REPORT_FORMATS, writeFileAtomic, writeReportFiles } from './write-report-files.ts';
export type { ReportFormat } from './write-report-files.ts';
