import type { BilingualText } from '@egov-plan/core';

// Dates as measurement files write them: `YYYY-MM-DD`, or day/month/year as Vietnamese
// spreadsheets write them (`30/09/2019`, `1/9/2019`, also with `-` or `.`). Never month/day/year.

const DAY_MONTH_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/u;

/**
 * A day/month/year date (`30/09/2019`, `1/9/2019`, `30-09-2019`, `30.09.2019`: one separator,
 * a four-digit year) as `YYYY-MM-DD`; `{ why }` when it is shaped so but is no day of the
 * calendar (`31/02/2019`, `12/13/2019`); `undefined` for any other text.
 *
 * @internal
 */
export function dayMonthYear(text: string): string | { why: BilingualText } | undefined {
  const m = DAY_MONTH_YEAR.exec(text);
  if (!m) return undefined;
  const d = Number(m[1]);
  const mo = Number(m[3]);
  const y = Number(m[4]);
  if (mo < 1 || mo > 12) return { why: { vi: `không có tháng ${mo}`, en: `there is no month ${mo}` } };
  const days = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((mo + (mo >> 3)) & 1);
  if (d < 1 || d > days) return { why: { vi: `tháng ${mo} năm ${y} có ${days} ngày`, en: `month ${mo} of ${y} has ${days} days` } };
  return `${m[4]}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
}
