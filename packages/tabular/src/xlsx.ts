import ExcelJS from 'exceljs';
import { EgovPlanError, issueFrom, pointerSegment, type Issue, type Plan } from '@egov-plan/core';
import { parseMeasurementTable, type MeasurementSet, type MeasurementTableRow, type Observation } from '@egov-plan/rules';
import { COLUMN_NAMES, TEMPLATE_SHEETS, headerField } from './headers.js';
import { checkZipArchive, type ZipLimits } from './zip.js';
import * as MSG from './messages.js';

// XLSX → the rows the rules package checks. The archive is checked before exceljs reads it
// (./zip.ts); each visible sheet whose row 1 is a measurements header is read; every cell is
// turned into text the way a CSV file would hold it, and the rows go through the same checks as
// CSV (`parseMeasurementTable`). Formulas are never evaluated: the result the spreadsheet
// program saved is used, and a formula without one is refused.

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
  /** Problems of rows and cells (errors), and sheets not read (warnings). */
  issues: Issue[];
  /** Rows read (good and bad), over every sheet. */
  rows: number;
  /** The sheets read and their row counts. */
  sheets: { sheet: string; rows: number }[];
}

const where = (file: string | undefined) => (file === undefined ? {} : { file });

type Cell = ExcelJS.CellValue;

/** A cell as text the checks read (as a CSV file would hold it), or an issue. */
function cellText(v: Cell): { text: string } | { problem: 'formula' | 'error' | 'unsupported'; detail: string } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') return { text: String(v) };
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
    if ('richText' in v && Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join('') };
    if ('text' in v && typeof v.text === 'string') return { text: v.text };
  }
  return { problem: 'unsupported', detail: typeof v };
}

/** Reads the `A1:B3` of a merge range into row and column numbers. */
function mergeBounds(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/u.exec(range.replace(/\$/gu, ''));
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { left: col(m[1] as string), top: Number(m[2]), right: col((m[3] ?? m[1]) as string), bottom: Number(m[4] ?? m[2]) };
}

const letter = (n: number) => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

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
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, { ignoreNodes: ['drawing', 'picture', 'hyperlinks'] } as never);
  } catch (e) {
    throw new EgovPlanError([issueFrom(MSG.workbookInvalidUnreadable, '', { detail: String((e as Error).message).slice(0, 120) }, where(file))]);
  }
  const maxRows = options.maxRows ?? DEFAULT_MAX_SHEET_ROWS;
  const result: WorkbookMeasurements = { observations: [], issues: [], rows: 0, sheets: [] };
  const warnings: Issue[] = [];
  const seen = new Map<string, { sheet: string; row: number }>();
  for (const ws of workbook.worksheets) {
    const name = ws.name;
    const at = `/${pointerSegment(name)}`;
    const sheet = name.slice(0, 40);
    const header = ws.getRow(1);
    const headerCells: string[] = [];
    for (let c = 1; c <= header.cellCount; c++) {
      const t = cellText(header.getCell(c).value);
      headerCells.push('text' in t ? headerField(t.text) : '');
    }
    const isMeasurements = headerCells.some((h) => COLUMN_NAMES.has(h.trim().toLowerCase()));
    if (!isMeasurements) {
      // The template's own instructions and lists are not data: no warning for them.
      if (ws.actualRowCount > 0 && name !== TEMPLATE_SHEETS.instructions && name !== TEMPLATE_SHEETS.lists) warnings.push(issueFrom(MSG.workbookSkippedSheet, at, { sheet }, { severity: 'warning', ...where(file) }));
      continue;
    }
    if (ws.state !== 'visible' && ws.state !== undefined) {
      warnings.push(issueFrom(MSG.workbookHiddenSheet, at, { sheet }, { severity: 'warning', ...where(file) }));
      continue;
    }
    if (ws.rowCount > maxRows) {
      throw new EgovPlanError([
        issueFrom(MSG.workbookTooManyRows, at, { sheet, rows: ws.rowCount, max: maxRows }, where(file)),
      ]);
    }
    const width = headerCells.length;
    // Where a cell issue sits: its pointer and location, and the parameters naming the cell.
    const cellAt = (row: number, column: number) => {
      const field = headerCells[column - 1] || letter(column);
      return { pointer: `${at}/${row}/${pointerSegment(field)}`, params: { sheet, row, column: letter(column), field }, extra: { line: row, column, ...where(file) } };
    };
    // Merged cells among the measurement rows: one value would stand for several rows.
    const mergedRows = new Set<number>();
    for (const range of ws.model.merges ?? []) {
      const b = mergeBounds(range);
      if (!b || b.bottom < 2 || b.left > width) continue;
      const c = cellAt(Math.max(2, b.top), b.left);
      result.issues.push(issueFrom(MSG.workbookMergedCells, c.pointer, { ...c.params, range }, c.extra));
      for (let r = Math.max(2, b.top); r <= b.bottom; r++) mergedRows.add(r);
    }
    const rows: MeasurementTableRow[] = [{ row: 1, cells: headerCells }];
    let badRows = 0;
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      if (number === 1) return;
      const cells: string[] = [];
      let bad = mergedRows.has(number);
      let blank = true;
      const last = Math.max(width, row.cellCount);
      for (let c = 1; c <= last; c++) {
        const t = cellText(row.getCell(c).value);
        if ('text' in t) {
          if (t.text.trim() !== '') blank = false;
          cells.push(t.text);
          continue;
        }
        blank = false;
        bad = true;
        cells.push('');
        const cell = cellAt(number, c);
        if (t.problem === 'formula') {
          result.issues.push(issueFrom(MSG.workbookFormulaWithoutResult, cell.pointer, { ...cell.params, formula: t.detail.slice(0, 60) }, cell.extra));
        } else if (t.problem === 'error') {
          result.issues.push(issueFrom(MSG.workbookCellError, cell.pointer, { ...cell.params, error: t.detail.slice(0, 20) }, cell.extra));
        } else {
          result.issues.push(issueFrom(MSG.workbookCellErrorKind, cell.pointer, { ...cell.params, kind: t.detail }, cell.extra));
        }
      }
      if (blank) return;
      if (bad) badRows++;
      else rows.push({ row: number, cells });
    });
    const set: MeasurementSet = parseMeasurementTable(plan, rows, { sheet: name, ...where(file) });
    for (const i of set.issues) result.issues.push(i);
    const sheetRows = set.rows + badRows;
    result.rows += sheetRows;
    result.sheets.push({ sheet: name, rows: sheetRows });
    for (const o of set.observations) {
      const key = `${o.indicator}\u0000${o.orgUnit}\u0000${o.period}`;
      const first = seen.get(key);
      if (first) {
        result.issues.push(
          issueFrom(MSG.measurementDuplicateSheet, `${at}/${o.row}`, { sheet, row: o.row, firstSheet: first.sheet.slice(0, 40), firstRow: first.row }, { line: o.row, ...where(file) }),
        );
        continue;
      }
      seen.set(key, { sheet: name, row: o.row });
      result.observations.push({ ...o, sheet: name });
    }
  }
  if (result.sheets.length === 0) {
    throw new EgovPlanError([
      issueFrom(MSG.workbookNoMeasurements, '', { columns: [...COLUMN_NAMES].slice(0, 4).join(', ') }, where(file)),
      ...warnings,
    ]);
  }
  for (const w of warnings) result.issues.push(w);
  return result;
}
