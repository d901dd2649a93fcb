// Ingestion: text (CSV, JSON) → rows for the engine, which takes rows, never files.
export { CsvRecordReader, detectCsvDelimiter, readCsv, type CsvDelimiter, type CsvNewline, type CsvReadOptions, type CsvRecord, type CsvRecordHandler, type CsvSummary } from './csv.js';
export {
  DEFAULT_MAX_MEASUREMENT_BYTES,
  IssueList,
  MAX_MEASUREMENT_ISSUES,
  parseMeasurementsCsv,
  parseMeasurementsCsvStream,
  parseMeasurementsJson,
  parseMeasurementsText,
  parseMeasurementTable,
  readMeasurementsCsvStream,
  readMeasurementTableStream,
  type MeasurementBatch,
  type MeasurementTableOptions,
  type MeasurementTableRow,
  type MeasurementOptions,
} from './measurements.js';
export { measurementColumn } from './headers.js';
export { decodeUtf8 } from './text.js';
