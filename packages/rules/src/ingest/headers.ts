import { MEASUREMENT_FIELD_HEADINGS, MEASUREMENT_FIELDS, type MeasurementInput } from '@egov-plan/core';

// The one header mapping of measurement files: a CSV header and a workbook's row 1 name their
// columns by the field (`indicator`) or by the template's heading (`Mã chỉ số`, or its English
// `Indicator id`), in NFC, trimmed, in any case. Diacritics count (`Ma chi so` is not a heading).

const key = (s: string) => s.normalize('NFC').trim().toLowerCase();

const BY_NAME = new Map<string, keyof MeasurementInput>();
for (const field of MEASUREMENT_FIELDS) {
  const h = MEASUREMENT_FIELD_HEADINGS[field];
  for (const name of [field, h.vi, h.en]) BY_NAME.set(key(name), field);
}

/**
 * The measurement field a header cell names — its key (`indicator`, any case) or the template's
 * heading (`Mã chỉ số`, `Indicator id`) — or undefined for any other text. Used by the CSV reader
 * and by `@egov-plan/tabular`'s workbook readers, so both accept the same headers.
 */
export function measurementColumn(cell: string): keyof MeasurementInput | undefined {
  return BY_NAME.get(key(cell));
}
