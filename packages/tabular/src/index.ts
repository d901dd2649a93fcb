/**
 * Spreadsheets for egov-plan: import measurements from CSV, JSON and XLSX into a measurement
 * store (a file lands whole or not at all; each bad row named by sheet, row and column, in
 * Vietnamese and English), the fill-in template of a plan, and evaluation results as a workbook.
 * Workbooks are checked before they are read: entry sizes from the zip archive (no zip bomb
 * reaches exceljs), a row limit, formulas never evaluated. An XLSX file on disk is read as a
 * stream (`readMeasurementsWorkbookStream`, `importTabularStream`), its rows never held.
 *
 * @module
 */
export { DUMP_COLUMNS, DUMP_FORMAT, bundledPlanOrNull, csvDumpIsComplete, csvDumpLeavesOut, dumpCsv, dumpEveryPlan, dumpStore, isDumpText, parseDump, parseDumps, restoreDump, restoreDumps, type CsvDumpOmissions, type DumpRestore, type RestoreOptions, type ParsedDump, type StoreDump, type StoreDumpSet } from './dump.js';
export { checkRestoredRevisions, dumpLocation, type DumpLocation } from './restore-check.js';
export { LEVEL_SHEETS, TEMPLATE_HEADERS, TEMPLATE_SHEETS, headerField } from './headers.js';
export { importTabularFile, importTabularStream, tabularFormat, type TabularFile, type TabularFormat, type TabularImport, type TabularImportOptions, type TabularProgress, type TabularStream } from './import.js';
export { VERDICT_COLOURS, evaluationWorkbook, safeCellText } from './results.js';
export { TEMPLATE_ROWS, filledWorkbook, templatePeriods, templateSheets, templateWorkbook, type FilledWorkbookOptions, type TemplateOptions } from './template.js';
export { DEFAULT_MAX_SHARED_STRINGS_BYTES, DEFAULT_MAX_STREAMED_ENTRY_BYTES, DEFAULT_MAX_STREAMED_SHEET_ROWS, readMeasurementsWorkbookStream, type StreamedWorkbook } from './xlsx-stream.js';
export { DEFAULT_MAX_SHEET_ROWS, readMeasurementsWorkbook, type SheetObservation, type WorkbookMeasurements, type WorkbookOptions } from './xlsx.js';
export { DEFAULT_MAX_UNPACKED_BYTES, checkZipArchive, checkZipFile, looksLikeZip, zipEntries, type ZipEntry, type ZipEntryScan, type ZipLimits } from './zip.js';
