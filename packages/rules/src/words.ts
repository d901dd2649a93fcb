import type { BilingualText } from '@egov-plan/core';

// The words @egov-plan/rules puts around and into the templates of messages.ts (bilingual
// parameters and places): where a row of measurements stands, which its row messages follow.

/** Where row `row` of a measurements CSV stands (`Dòng 5`). @internal */
export function csvRowPlace(row: number): BilingualText {
  return { vi: `Dòng ${row}`, en: `Row ${row}` };
}

/** Where row `row` of a spreadsheet's sheet stands (`Trang "Q4", dòng 5`); `sheet` as shown. @internal */
export function sheetRowPlace(sheet: string, row: number): BilingualText {
  return { vi: `Trang ${sheet}, dòng ${row}`, en: `Sheet ${sheet}, row ${row}` };
}

/** Where the `n`th measurement (from 1) of a JSON file or of rows from code stands. @internal */
export function itemPlace(n: number): BilingualText {
  return { vi: `Số liệu thứ ${n}`, en: `Measurement #${n}` };
}

/**
 * A row message after the row's place, and after the column when the file has columns (in
 * Vietnamese named by the template's heading, `heading`, never the field's English key).
 * @internal
 */
export function atRow(place: BilingualText, column: { letter: string; field: string; heading: string } | undefined, text: BilingualText): BilingualText {
  if (column) return { vi: `${place.vi}, cột ${column.letter} (${column.heading}): ${text.vi}`, en: `${place.en}, column ${column.letter} (${column.field}): ${text.en}` };
  return { vi: `${place.vi}: ${text.vi}`, en: `${place.en}: ${text.en}` };
}
