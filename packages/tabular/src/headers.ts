import { ADMINISTRATIVE_LEVEL_NAMES, MEASUREMENT_FIELD_HEADINGS, MEASUREMENT_FIELDS, type AdministrativeLevel, type MeasurementInput } from '@egov-plan/core';
import { measurementColumn } from '@egov-plan/rules';

// The Vietnamese column headings of the fill-in template, and the field each one stands for.
// A workbook's header may use either these headings or the CSV column names (`indicator`, …).

/** The template's heading of each measurement field, in column order. */
export const TEMPLATE_HEADERS: readonly { readonly field: keyof MeasurementInput; readonly vi: string; readonly en: string }[] = (
  ['indicator', 'orgUnit', 'level', 'period', 'value', 'numerator', 'denominator', 'evidenceDate', 'source'] as const
).map((field) => ({ field, ...MEASUREMENT_FIELD_HEADINGS[field] }));

/**
 * The template's sheet for each reporter level, named as messages name the level
 * (`ADMINISTRATIVE_LEVEL_NAMES`: `Cấp tỉnh`, `Cấp huyện`, `Cấp xã`). The same words are what the
 * sheet's `Cấp` drop-down offers and what the importer reads back as the level: one vocabulary.
 */
export const LEVEL_SHEETS: readonly { level: AdministrativeLevel; sheet: string }[] = (['province', 'district', 'commune'] as const).map((level) => {
  const vi = ADMINISTRATIVE_LEVEL_NAMES[level].vi;
  return { level, sheet: vi.charAt(0).toUpperCase() + vi.slice(1) };
});

/**
 * The field a header cell names: a template heading (`Mã chỉ số`) or a field key in any case
 * (`INDICATOR`) becomes its field (`indicator`), by the rules package's {@link measurementColumn},
 * as the CSV reader maps its header; anything else is kept as written.
 */
export function headerField(cell: string): string {
  return measurementColumn(cell) ?? cell;
}

/** The measurement column names, lower-cased: a sheet whose row 1 names one of them holds measurements. */
export const COLUMN_NAMES: ReadonlySet<string> = new Set(MEASUREMENT_FIELDS.map((f) => f.toLowerCase()));

/** The template's sheets that are not measurements: its instructions and its lists. */
export const TEMPLATE_SHEETS = { instructions: 'Hướng dẫn', lists: 'Danh mục' } as const;
