import type { MeasurementInput } from './measurement.js';

// In a module without schemas, so that code reading measurement rows (the checks of
// `evaluate`) does not carry the MeasurementInput schema into a browser bundle: the rows are
// checked field by field, never parsed with it. A test holds the list to the schema's keys.

/** Most characters of an org unit id. */
export const MAX_ORG_UNIT_LENGTH = 200;

/** The fields of {@link MeasurementInput}, in the order of the schema (also the CSV columns). */
export const MEASUREMENT_FIELDS: readonly (keyof MeasurementInput)[] = /* @__PURE__ */ Object.freeze([
  'indicator',
  'orgUnit',
  'period',
  'value',
  'numerator',
  'denominator',
  'level',
  'evidenceDate',
  'source',
] as const);

/**
 * The Vietnamese heading of each measurement field (the `vi` of {@link MEASUREMENT_FIELD_HEADINGS}),
 * apart, so that the row checks, which name a field in Vietnamese only, do not carry the English
 * (a test holds the two equal).
 *
 * @internal
 */
export const MEASUREMENT_FIELD_HEADINGS_VI: Readonly<Record<keyof MeasurementInput, string>> = /* @__PURE__ */ Object.freeze({
  indicator: 'Mã chỉ số',
  orgUnit: 'Mã đơn vị',
  level: 'Cấp',
  period: 'Kỳ báo cáo',
  value: 'Giá trị',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  evidenceDate: 'Ngày bằng chứng',
  source: 'Nguồn',
});

/**
 * The heading of each measurement field in the fill-in template, in Vietnamese and English: a
 * workbook's column is named by it (`Giá trị`), where a CSV file names it by the field (`value`).
 */
export const MEASUREMENT_FIELD_HEADINGS: Readonly<Record<keyof MeasurementInput, { readonly vi: string; readonly en: string }>> = /* @__PURE__ */ Object.freeze({
  indicator: { vi: 'Mã chỉ số', en: 'Indicator id' },
  orgUnit: { vi: 'Mã đơn vị', en: 'Org unit id' },
  level: { vi: 'Cấp', en: 'Level' },
  period: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  value: { vi: 'Giá trị', en: 'Value' },
  numerator: { vi: 'Tử số', en: 'Numerator' },
  denominator: { vi: 'Mẫu số', en: 'Denominator' },
  evidenceDate: { vi: 'Ngày bằng chứng', en: 'Evidence date' },
  source: { vi: 'Nguồn', en: 'Source' },
});
