import { MEASUREMENT_FIELD_HEADINGS, MEASUREMENT_FIELDS, type MeasurementInput } from '@egov-plan/core';

// The one header mapping of measurement files: a CSV header and a workbook's row 1 name their
// columns by the field (`indicator`) or by the template's heading (`Mã chỉ số`, or its English
// `Indicator id`), in NFC, trimmed, in any case. Diacritics count (`Ma chi so` is not a heading).

const key = (s: string) => s.normalize('NFC').trim().toLowerCase();

/** How a header names its columns: by the field (`value`) or by the template's Vietnamese (`Giá trị`) or English (`Value`) heading. @internal */
export type HeaderStyle = 'field' | 'vi' | 'en';

/** Each name a header may give a column: the field it names and the form it is written in. */
const BY_NAME = new Map<string, { field: keyof MeasurementInput; style: HeaderStyle }>();
for (const field of MEASUREMENT_FIELDS) {
  const h = MEASUREMENT_FIELD_HEADINGS[field];
  // Registered English heading first, then Vietnamese, then the key: a name that is two of them
  // (none today) keeps the key's style.
  for (const [name, style] of [[h.en, 'en'], [h.vi, 'vi'], [field, 'field']] as const) BY_NAME.set(key(name), { field, style });
}

/**
 * The measurement field a header cell names — its key (`indicator`, any case) or the template's
 * heading (`Mã chỉ số`, `Indicator id`) — or undefined for any other text. Used by the CSV reader
 * and by `@egov-plan/tabular`'s workbook readers, so both accept the same headers.
 */
export function measurementColumn(cell: string): keyof MeasurementInput | undefined {
  return BY_NAME.get(key(cell))?.field;
}

/** Which form of column name a header cell is (see {@link measurementColumn}), undefined for any other text. @internal */
export function headerStyle(cell: string): HeaderStyle | undefined {
  return BY_NAME.get(key(cell))?.style;
}

/**
 * A field's column as a header written in `style` would name it: `value`, `Giá trị` or `Value`.
 * A message about a column the header lacks names it this way, so the officer who typed the
 * template's Vietnamese headings reads `Giá trị`, not the English key. @internal
 */
export function columnNameIn(style: HeaderStyle, field: keyof MeasurementInput): string {
  return style === 'field' ? field : MEASUREMENT_FIELD_HEADINGS[field][style];
}
