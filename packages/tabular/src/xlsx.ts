import ExcelJS from 'exceljs';
import { EgovPlanError, issueFrom, pointerSegment, type BilingualText, type Issue, type IssueMessage, type IssueParams, type Plan, type Unit } from '@egov-plan/core';
import { parseMeasurementTable, type MeasurementSet, type MeasurementTableRow, type Observation } from '@egov-plan/rules';
import { COLUMN_NAMES, TEMPLATE_SHEETS, headerField } from './headers.js';
import * as MSG from './messages.js';
import { keepWrittenNumberFormats } from './numfmt.js';
import { UNIT_WORDS } from './words.js';
import { checkZipArchive, type ZipLimits } from './zip.js';

// XLSX → the rows the rules package checks. The archive is checked before exceljs reads it
// (./zip.ts); each visible sheet whose row 1 is a measurements header is read; every cell is
// turned into text the way a CSV file would hold it, and the rows go through the same checks as
// CSV (`parseMeasurementTable`). Formulas are never evaluated: the result the spreadsheet
// program saved is used, and a formula without one is refused. A number cell formatted as a
// percentage is read as the percent it shows (`percentCells`).

/** Options for reading a workbook. */
export interface WorkbookOptions extends ZipLimits {
  /** File name shown in issues. */
  file?: string;
  /** Most rows in one sheet, header included (default {@link DEFAULT_MAX_SHEET_ROWS}). */
  maxRows?: number;
}

/** Most rows a sheet may have by default (a quarter's reports of every commune fit many times over). */
export const DEFAULT_MAX_SHEET_ROWS = 100_000;

/** One measurement of a workbook, checked, with the sheet it came from. */
export interface SheetObservation extends Observation {
  sheet: string;
}

/** What reading a workbook found. */
export interface WorkbookMeasurements {
  /** The good rows of every sheet read, in sheet order. */
  observations: SheetObservation[];
  /** Problems of rows and cells (errors), sheets not read and org units the plan does not list (warnings). */
  issues: Issue[];
  /** Rows read (good and bad), over every sheet. */
  rows: number;
  /** The sheets read and their row counts. */
  sheets: { sheet: string; rows: number }[];
}

const where = (file: string | undefined) => (file === undefined ? {} : { file });

type Cell = ExcelJS.CellValue;

/**
 * A number as a plain decimal, the very digits of `String(n)` without its exponent notation
 * (`1e-7` → `0.0000001`, `1e+21` → `1000000000000000000000`), which reads back as the same
 * number; `NaN` and infinities as `String` writes them (the checks refuse them). @internal
 */
export function plainDecimal(n: number): string {
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const sign = s[0] === '-' ? '-' : '';
  const mantissa = s.slice(sign.length, e);
  const exponent = Number(s.slice(e + 1));
  const point = mantissa.indexOf('.');
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  // Where the decimal point falls in `digits` once the exponent has moved it.
  const at = (point < 0 ? mantissa.length : point) + exponent;
  if (at <= 0) return `${sign}0.${'0'.repeat(-at)}${digits}`;
  if (at >= digits.length) return sign + digits + '0'.repeat(at - digits.length);
  return `${sign}${digits.slice(0, at)}.${digits.slice(at)}`;
}

/**
 * A plain decimal (as {@link plainDecimal} writes it) rounded to `decimals` places on its digits,
 * half away from zero as a spreadsheet shows it: `roundDecimal('1.005', 2)` is `'1.01'` where
 * `(1.005).toFixed(2)` gives `'1.00'` (the binary double lies just below 1.005). @internal
 */
export function roundDecimal(text: string, decimals: number): string {
  const sign = text.startsWith('-') ? '-' : '';
  const [whole = '0', fraction = ''] = text.slice(sign.length).split('.');
  if (fraction.length <= decimals) return sign + whole + (decimals > 0 ? `.${fraction.padEnd(decimals, '0')}` : '');
  const digits = (whole + fraction.slice(0, decimals)).split('').map(Number);
  if (Number(fraction[decimals]) >= 5) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i < 0) digits.unshift(1);
    else digits[i] = (digits[i] as number) + 1;
  }
  const all = digits.join('');
  const cut = all.length - decimals;
  const rounded = decimals > 0 ? `${all.slice(0, cut)}.${all.slice(cut)}` : all;
  return /[1-9]/u.test(rounded) ? sign + rounded : rounded;
}

/** A decimal as each language writes it: `19.996` in English, `19,996` in Vietnamese. */
const decimalWords = (text: string): BilingualText => ({ vi: text.replace('.', ','), en: text });

/**
 * A cell as text the checks read (as a CSV file would hold it), or an issue; `typed` when the
 * spreadsheet holds the cell as text (a string, rich text, a formula's text result), not as a
 * number, a date or a boolean. @internal
 */
export function cellText(v: Cell): { text: string; typed?: true } | { problem: 'formula' | 'error' | 'unsupported'; detail: string } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v, typed: true };
  if (typeof v === 'number') return { text: plainDecimal(v) };
  if (typeof v === 'boolean') return { text: v ? 'true' : 'false' };
  if (v instanceof Date) {
    // exceljs turns a date-formatted serial number into a Date at UTC midnight.
    return Number.isNaN(v.getTime()) ? { problem: 'unsupported', detail: 'Invalid Date' } : { text: v.toISOString().slice(0, 10) };
  }
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { problem: 'error', detail: v.error };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      const formula = String((v as ExcelJS.CellFormulaValue).formula ?? (v as ExcelJS.CellSharedFormulaValue).sharedFormula ?? '');
      if (result === undefined || result === null) return { problem: 'formula', detail: formula };
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return { problem: 'error', detail: String(result.error) };
      return cellText(result as Cell);
    }
    if ('richText' in v && Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join(''), typed: true };
    if ('text' in v && typeof v.text === 'string') return { text: v.text, typed: true };
  }
  return { problem: 'unsupported', detail: typeof v };
}

/** Reads the `A1:B3` of a merge range into row and column numbers. @internal */
export function mergeBounds(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/u.exec(range.replace(/\$/gu, ''));
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { left: col(m[1] as string), top: Number(m[2]), right: col((m[3] ?? m[1]) as string), bottom: Number(m[4] ?? m[2]) };
}

/** The spreadsheet letter of a 1-based column number. @internal */
export const letter = (n: number): string => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** The parameters of a cell's message that {@link cellIssuer} fills in: where the cell is. @internal */
export type CellPlace = 'sheet' | 'row' | 'column' | 'field';

/** Makes the issue of one cell from a message whose templates start with its {@link CellPlace} parameters. @internal */
export type CellIssuer = <const M extends IssueMessage>(row: number, column: number, message: M, params: Omit<IssueParams<M>, CellPlace>) => Issue;

/**
 * Makes the issues of cells of one sheet, naming sheet, row, column and the column's heading as
 * the file writes it (`headings`; `value` or `Giá trị`); the pointer ends with the field. @internal
 */
export function cellIssuer(sheet: string, headerCells: readonly string[], file: string | undefined, headings: readonly string[] = headerCells): CellIssuer {
  const at = `/${pointerSegment(sheet)}`;
  return (row, column, message, params) => {
    const field = headerCells[column - 1] || letter(column);
    const place = { sheet: sheet.slice(0, 40), row, column: letter(column), field: columnHeading(headings, column) };
    return issueFrom(message, `${at}/${row}/${pointerSegment(field)}`, { ...params, ...place } as unknown as IssueParams<typeof message>, { line: row, column, ...where(file) });
  };
}

/**
 * Puts the issues of one sheet, `list[start…]`, in the order of the places they name: by row
 * (`line`), then column; stably, so issues of one cell keep the order they were found in. Issues
 * naming no row (those that count the rows left unnamed) stay last. @internal
 */
export function sortSheetIssues(list: Issue[], start: number): void {
  if (list.length - start < 2) return;
  const sheet = list.splice(start);
  const NONE = Number.MAX_SAFE_INTEGER;
  sheet.sort((a, b) => (a.line ?? NONE) - (b.line ?? NONE) || (a.column ?? 0) - (b.column ?? 0));
  for (const i of sheet) list.push(i);
}

/** A column as an issue names it: its heading as the file writes it (at most 40 characters), else its letter. @internal */
export function columnHeading(headings: readonly string[], column: number): string {
  return Array.from(headings[column - 1] ?? '').slice(0, 40).join('') || letter(column);
}

/** The row of a sheet that repeats the key of a row on an earlier sheet. @internal */
export function crossSheetDuplicate(sheet: string, row: number, firstSheet: string, firstRow: number, file: string | undefined): Issue {
  return issueFrom(MSG.measurementDuplicateSheets, `/${pointerSegment(sheet)}/${row}`, { sheet: sheet.slice(0, 40), row, firstSheet: firstSheet.slice(0, 40), firstRow }, { line: row, ...where(file) });
}

/** A row of a sheet (exceljs, whole or streamed) as it is read: each cell's value and number format. @internal */
export interface SheetRow {
  readonly cellCount: number;
  getCell(c: number): { value: Cell; numFmt?: string | undefined };
}

/**
 * True for an Excel number format that shows a positive number times 100 with a percent sign
 * (`0%`, `0.0%`, `[Red]0.00%;-0%`): a `%` in its first section, outside quoted text (`0.0"%"`),
 * bracketed codes and escaped characters (`\%`, `_%`, `*%`). exceljs 4.4 drops the backslash of an escape when it reads a
 * workbook's styles; both readers make it keep the format as written (`keepWrittenNumberFormats`),
 * so a literal `0\%` is told from `0%`. @internal
 */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined || !numFmt.includes('%')) return false;
  let close = '';
  for (let i = 0; i < numFmt.length; i++) {
    const c = numFmt[i];
    if (close !== '') {
      if (c === close) close = '';
    } else if (c === '"') close = '"';
    else if (c === '[') close = ']';
    else if (c === '\\' || c === '_' || c === '*') i++;
    else if (c === '%') return true;
    // The next sections are for negative numbers (refused anyway), zero and text.
    else if (c === ';') return false;
  }
  return false;
}

/**
 * The decimals a percent format shows (`0%` 0, `0.0%` 1, `#,##0.00%` 2): the digit places after
 * the decimal point of its first section, outside quoted text and escapes; undefined for a
 * format without a decimal point's places it can count. @internal
 */
export function percentDecimals(numFmt: string | undefined): number | undefined {
  if (!isPercentFormat(numFmt)) return undefined;
  let decimals = 0;
  let point = false;
  let close = '';
  for (let i = 0; i < (numFmt as string).length; i++) {
    const c = (numFmt as string)[i];
    if (close !== '') {
      if (c === close) close = '';
    } else if (c === '"') close = '"';
    else if (c === '[') close = ']';
    else if (c === '\\' || c === '_' || c === '*') i++;
    else if (c === ';') break;
    else if (c === '.') point = true;
    else if (point && (c === '0' || c === '#' || c === '?')) decimals++;
    else if (c === 'E' || c === 'e' || c === '/') return undefined;
  }
  return decimals;
}

/**
 * The number a cell formatted as a percentage shows (its number, typed or a formula's saved
 * result, times 100: 0.9 shows 90, 0.285 shows 28.5 — the decimal point moved, not a
 * multiplication's binary noise 28.499999999999996), or undefined for any other cell. @internal
 */
export function shownPercent(cell: { value: Cell; numFmt?: string | undefined }): number | undefined {
  const v = cell.value;
  const n = typeof v === 'number' ? v : v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) ? (v as ExcelJS.CellFormulaValue).result : undefined;
  if (typeof n !== 'number' || !Number.isFinite(n) || !isPercentFormat(cell.numFmt)) return undefined;
  const [digits, exponent] = String(n).split('e');
  return Number(`${digits}e${Number(exponent ?? 0) + 2}`);
}

const NUMBER_FIELDS = ['value', 'numerator', 'denominator'] as const;

/**
 * Reads the number cells formatted as a percentage of one sheet's rows (a user who types `90%`
 * gets the number 0.9 shown as 90%) as the user sees them. The value of a percent indicator
 * becomes the percent shown (the plan writes 90 for 90%); a numerator or denominator so
 * formatted, or the value of an indicator not measured in percent, is `workbook.percent_format`
 * and makes the row bad (nothing is guessed). A row whose indicator the plan does not know is
 * left as read: the row checks refuse it. The returned function edits the row's cells as
 * {@link rowCells} read them. @internal
 */
export function percentCells(plan: Plan, sheet: string, headerCells: readonly string[], file: string | undefined, headings: readonly string[] = headerCells): (row: SheetRow, number: number, read: { cells: string[]; bad: boolean }, report: (i: Issue) => void) => void {
  // The columns as the row checks find them: by name, in NFC, trimmed, any case; the first of a repeated one.
  const columnOf = new Map<string, number>();
  headerCells.forEach((h, i) => {
    const name = h.normalize('NFC').trim().toLowerCase();
    if (!columnOf.has(name)) columnOf.set(name, i + 1);
  });
  const numbers = NUMBER_FIELDS.flatMap((field) => (columnOf.has(field.toLowerCase()) ? [{ field, column: columnOf.get(field.toLowerCase()) as number }] : []));
  const indicatorColumn = columnOf.get('indicator');
  const unitOf = new Map(plan.indicators.map((i) => [i.id, i.unit]));
  const at = `/${pointerSegment(sheet)}`;
  return (row, number, read, report) => {
    for (const { field, column } of numbers) {
      const shown = shownPercent(row.getCell(column));
      if (shown === undefined) continue;
      const indicator = indicatorColumn === undefined ? '' : (read.cells[indicatorColumn - 1] ?? '').normalize('NFC').trim();
      const unit = unitOf.get(indicator);
      if (field === 'value' && unit === 'percent') {
        const shownDecimal = plainDecimal(shown);
        read.cells[column - 1] = shownDecimal;
        const cell = row.getCell(column);
        const decimals = percentDecimals(cell.numFmt);
        if (decimals !== undefined && (shownDecimal.split('.')[1] ?? '').length > decimals) {
          const place = { sheet: sheet.slice(0, 40), row: number, column: letter(column), field: columnHeading(headings, column) };
          // What the cell shows, rounded on its decimal digits as the spreadsheet rounds (not
          // toFixed on the double), and every number as the message's language writes it.
          const shownText = decimalWords(`${roundDecimal(shownDecimal, decimals)}%`);
          const stored = decimalWords(plainDecimal(typeof cell.value === 'number' ? cell.value : shown / 100));
          report(issueFrom(MSG.workbookPercentShownRounded, `${at}/${number}/${pointerSegment(headerCells[column - 1] || letter(column))}`, { ...place, text: shownText, stored, value: decimalWords(shownDecimal) }, { line: number, column, severity: 'warning', ...(file === undefined ? {} : { file }) }));
        }
        continue;
      }
      if (field === 'value' && unit === undefined) continue;
      const name = headerCells[column - 1] || letter(column);
      const place = { sheet: sheet.slice(0, 40), row: number, column: letter(column), field: columnHeading(headings, column), shown };
      const where = { line: number, column, ...(file === undefined ? {} : { file }) };
      const pointer = `${at}/${number}/${pointerSegment(name)}`;
      report(field === 'value' ? issueFrom(MSG.workbookPercentFormatUnit, pointer, { ...place, indicator: indicator.slice(0, 80), unit: UNIT_WORDS[unit as Unit] }, where) : issueFrom(MSG.workbookPercentFormatCount, pointer, place, where));
      read.bad = true;
    }
  };
}

/**
 * The cells of a row as text (as a CSV file would hold them), from column A to the header's
 * width or the row's last cell; `null` for a blank row. `textCells` marks the cells the
 * spreadsheet holds as text (absent when there are none): a number in one of them may take a
 * decimal comma (`85,5`), as in a `;` CSV file. A formula without a saved result, an error or an
 * unreadable value is an issue (handed to `report`) and makes the row bad. @internal
 */
export function rowCells(row: SheetRow, number: number, width: number, cellIssue: CellIssuer, report: (i: Issue) => void): { cells: string[]; textCells?: boolean[]; bad: boolean } | null {
  const cells: string[] = [];
  let textCells: boolean[] | undefined;
  let bad = false;
  let blank = true;
  const last = Math.max(width, row.cellCount);
  for (let c = 1; c <= last; c++) {
    const t = cellText(row.getCell(c).value);
    if ('text' in t) {
      if (t.text.trim() !== '') blank = false;
      if (t.typed) (textCells ??= [])[c - 1] = true;
      cells.push(t.text);
      continue;
    }
    blank = false;
    bad = true;
    cells.push('');
    if (t.problem === 'formula') {
      report(cellIssue(number, c, MSG.workbookFormulaWithoutResult, { formula: t.detail.slice(0, 60) }));
    } else if (t.problem === 'error') {
      report(cellIssue(number, c, MSG.workbookCellError, { error: t.detail.slice(0, 20) }));
    } else {
      report(cellIssue(number, c, MSG.workbookCellErrorUnreadable, { kind: t.detail }));
    }
  }
  if (blank) return null;
  return textCells ? { cells, textCells, bad } : { cells, bad };
}

/**
 * The field of each cell of row 1 (`cells`), the cells as the file wrote them (`headings`, trimmed:
 * `value` or `Giá trị`, what issues name each column by), and whether they make a measurements
 * header. @internal
 */
export function sheetHeader(header: SheetRow | undefined): { cells: string[]; headings: string[]; isMeasurements: boolean } {
  const cells: string[] = [];
  const headings: string[] = [];
  for (let c = 1; header && c <= header.cellCount; c++) {
    const t = cellText(header.getCell(c).value);
    cells.push('text' in t ? headerField(t.text) : '');
    headings.push('text' in t ? t.text.normalize('NFC').trim() : '');
  }
  return { cells, headings, isMeasurements: cells.some((h) => COLUMN_NAMES.has(h.trim().toLowerCase())) };
}

/**
 * `workbook.invalid` for a workbook exceljs could not read: the library's own (English) words
 * go in the English message only, the Vietnamese one says what to do. @internal
 */
export function unreadableWorkbook(e: unknown, file: string | undefined): EgovPlanError {
  const detail = String(e instanceof Error ? e.message : e).slice(0, 120);
  // In Vietnamese, the likely cause stands where the English message has exceljs's words.
  const cause = { vi: 'tệp hỏng hoặc không do Excel/LibreOffice lưu', en: detail };
  return new EgovPlanError([issueFrom(MSG.workbookInvalidUnreadable, '', { detail: cause }, where(file))]);
}

/** The warning for a sheet that has no measurements header in row 1. @internal */
export function skippedSheet(sheet: string, file: string | undefined): Issue {
  return issueFrom(MSG.workbookSkippedSheet, `/${pointerSegment(sheet)}`, { sheet: sheet.slice(0, 40) }, { severity: 'warning', ...where(file) });
}

/** The warning for a hidden sheet of measurements. @internal */
export function hiddenSheet(sheet: string, file: string | undefined): Issue {
  return issueFrom(MSG.workbookHiddenSheet, `/${pointerSegment(sheet)}`, { sheet: sheet.slice(0, 40) }, { severity: 'warning', ...where(file) });
}

/** The error for a workbook without any sheet of measurements. @internal */
export function noMeasurements(file: string | undefined, warnings: Issue[]): EgovPlanError {
  return new EgovPlanError([
    issueFrom(MSG.workbookNoMeasurements, '', { columns: [...COLUMN_NAMES].slice(0, 4).join(', ') }, where(file)),
    ...warnings,
  ]);
}

/** The error for a sheet of more rows than the limit. @internal */
export function tooManyRows(sheet: string, rows: number, max: number, file: string | undefined, atLeast = false): EgovPlanError {
  const pointer = `/${pointerSegment(sheet)}`;
  const name = sheet.slice(0, 40);
  return new EgovPlanError([atLeast ? issueFrom(MSG.workbookTooManyRowsStreamed, pointer, { sheet: name, max }, where(file)) : issueFrom(MSG.workbookTooManyRows, pointer, { sheet: name, rows, max }, where(file))]);
}

/** The merged-cell issue of one range among the measurement rows. @internal */
export function mergedCells(range: string, bounds: { top: number; left: number }, cellIssue: CellIssuer): Issue {
  return cellIssue(Math.max(2, bounds.top), bounds.left, MSG.workbookMergedCells, { range });
}

/**
 * Reads the measurements of an XLSX workbook against a plan. Every visible sheet whose row 1
 * names measurement columns (the CSV names or the template's Vietnamese headings) is read; other
 * sheets and hidden sheets are named in warnings. Issues name the sheet, row and column
 * (`Trang "Cấp huyện", dòng 5, cột E (value): …`); their pointer is `/<sheet>/<row>/<field>`.
 *
 * Throws `EgovPlanError` for a file that cannot be read safely: `workbook.invalid`,
 * `workbook.too_large`, `workbook.zip_bomb` (checked from the archive before exceljs reads it),
 * `workbook.too_many_rows`, `workbook.no_measurements`.
 */
export async function readMeasurementsWorkbook(plan: Plan, bytes: Uint8Array, options: WorkbookOptions = {}): Promise<WorkbookMeasurements> {
  const file = options.file;
  checkZipArchive(bytes, file, options);
  keepWrittenNumberFormats();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, { ignoreNodes: ['drawing', 'picture', 'hyperlinks'] } as never);
  } catch (e) {
    throw unreadableWorkbook(e, file);
  }
  const maxRows = options.maxRows ?? DEFAULT_MAX_SHEET_ROWS;
  const result: WorkbookMeasurements = { observations: [], issues: [], rows: 0, sheets: [] };
  const warnings: Issue[] = [];
  const seen = new Map<string, { sheet: string; row: number }>();
  for (const ws of workbook.worksheets) {
    const name = ws.name;
    const { cells: headerCells, headings, isMeasurements } = sheetHeader(ws.getRow(1));
    if (!isMeasurements) {
      // The template's own instructions and lists are not data: no warning for them.
      if (ws.actualRowCount > 0 && name !== TEMPLATE_SHEETS.instructions && name !== TEMPLATE_SHEETS.lists) warnings.push(skippedSheet(name, file));
      continue;
    }
    if (ws.state !== 'visible' && ws.state !== undefined) {
      warnings.push(hiddenSheet(name, file));
      continue;
    }
    if (ws.rowCount > maxRows) {
      throw tooManyRows(name, ws.rowCount, maxRows, file);
    }
    const width = headerCells.length;
    const cellIssue = cellIssuer(name, headerCells, file, headings);
    const sheetStart = result.issues.length;
    // Merged cells among the measurement rows: one value would stand for several rows.
    const mergedRows = new Set<number>();
    for (const range of ws.model.merges ?? []) {
      const b = mergeBounds(range);
      if (!b || b.bottom < 2 || b.left > width) continue;
      result.issues.push(mergedCells(range, b, cellIssue));
      for (let r = Math.max(2, b.top); r <= b.bottom; r++) mergedRows.add(r);
    }
    const rows: MeasurementTableRow[] = [{ row: 1, cells: headerCells }];
    let badRows = 0;
    const percent = percentCells(plan, name, headerCells, file, headings);
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      if (number === 1) return;
      const r = rowCells(row, number, width, cellIssue, (i) => result.issues.push(i));
      if (r === null) return;
      percent(row, number, r, (i) => result.issues.push(i));
      if (r.bad || mergedRows.has(number)) badRows++;
      else rows.push(r.textCells ? { row: number, cells: r.cells, textCells: r.textCells } : { row: number, cells: r.cells });
    });
    const set: MeasurementSet = parseMeasurementTable(plan, rows, { sheet: name, headings, ...where(file) });
    for (const i of set.issues) result.issues.push(i);
    const sheetRows = set.rows + badRows;
    result.rows += sheetRows;
    result.sheets.push({ sheet: name, rows: sheetRows });
    for (const o of set.observations) {
      const key = `${o.indicator}\u0000${o.orgUnit}\u0000${o.period}`;
      const first = seen.get(key);
      if (first) {
        result.issues.push(crossSheetDuplicate(name, o.row, first.sheet, first.row, file));
        continue;
      }
      seen.set(key, { sheet: name, row: o.row });
      result.observations.push({ ...o, sheet: name });
    }
    sortSheetIssues(result.issues, sheetStart);
  }
  if (result.sheets.length === 0) {
    throw noMeasurements(file, warnings);
  }
  for (const w of warnings) result.issues.push(w);
  return result;
}
