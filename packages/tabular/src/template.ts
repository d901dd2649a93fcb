import ExcelJS from 'exceljs';
import { MAX_ORG_UNIT_LENGTH, type AdministrativeLevel, type Indicator, type MeasurementInput, type Period, type Plan } from '@egov-plan/core';
import { calendarOf, nextPeriod, periodOfDate } from '@egov-plan/rules';
import { LEVEL_SHEETS, TEMPLATE_HEADERS, TEMPLATE_SHEETS } from './headers.js';

// The fill-in workbook of a plan: an instructions sheet, one sheet per reporter level with the
// template's Vietnamese headings and data validation, and a sheet of lists (indicators, org
// units, periods) the validation draws from. What `readMeasurementsWorkbook` reads back.

/** Options of {@link templateWorkbook}. */
export interface TemplateOptions {
  /** Rows of each level sheet that carry data validation (default {@link TEMPLATE_ROWS}). */
  rows?: number;
  /**
   * How the instructions' import command names the plan (`egov-plan import --plan <planRef> …`):
   * the path of a province's own rule file, which is not a bundled id. Default: the plan's `id`.
   */
  planRef?: string;
}

/** Rows of each level sheet prepared for filling by default. */
export const TEMPLATE_ROWS = 2000;


/** A level as the template writes it everywhere (sheet, `Cấp` drop-down, lists, instructions): `Cấp tỉnh`. */
const LEVEL_WORD = Object.fromEntries(LEVEL_SHEETS.map((l) => [l.level, l.sheet])) as Record<AdministrativeLevel, string>;
const UNIT_VI = { percent: 'tỷ lệ % (viết 20 cho 20%)', count: 'số lượng', boolean: 'có/không (hoặc ngày bằng chứng)' } as const;
const MAX_PERIODS = 400;

/** The org units of a plan that report at a level: administrative units and agencies, by code/id. */
function orgUnitsAt(plan: Plan, level: AdministrativeLevel): { id: string; name: string }[] {
  const units = plan.administrativeUnits.filter((u) => u.level === level).map((u) => ({ id: u.code, name: u.name.vi }));
  const agencies = plan.agencies.filter((a) => a.level === level && a.kind !== 'group').map((a) => ({ id: a.id, name: a.name.vi }));
  return [...agencies, ...units];
}

/** Whether the plan reports at a level: it lists org units of the level, or has targets at it. */
function reportsAt(plan: Plan, level: AdministrativeLevel): boolean {
  return orgUnitsAt(plan, level).length > 0 || plan.indicators.some((i: Indicator) => i.targets.some((t) => t.level === level));
}

/**
 * The level sheets the plan's template has: every level at which the plan lists reporting org
 * units or has targets (a plan with commune targets but no communes listed one by one still gets
 * `Cấp xã`, whose org unit column is then typed, not picked).
 */
export function templateSheets(plan: Plan): string[] {
  return LEVEL_SHEETS.filter((l) => reportsAt(plan, l.level)).map((l) => l.sheet);
}

/** The quarter and year reporting periods of the plan's phases, in order. */
export function templatePeriods(plan: Plan): Period[] {
  const calendar = calendarOf(plan);
  const out: Period[] = [];
  const seen = new Set<string>();
  for (const type of ['quarter', 'year'] as const) {
    for (const phase of plan.phases) {
      for (let p = periodOfDate(phase.start, type, calendar); p.start <= phase.end && out.length < MAX_PERIODS; p = nextPeriod(p, calendar)) {
        if (!seen.has(p.id)) {
          seen.add(p.id);
          out.push(p);
        }
      }
    }
  }
  return out;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/**
 * The fill-in workbook of a plan as XLSX bytes: an instructions sheet (`Hướng dẫn`), one sheet
 * per reporter level the plan has org units or targets at (`Cấp tỉnh`, `Cấp huyện`, `Cấp xã`) with
 * Vietnamese headings (`Mã chỉ số`, `Mã đơn vị`, `Kỳ báo cáo`, `Giá trị`, …) and data validation
 * (indicators, org units of the level and periods from lists; values and counts as non-negative
 * numbers), and the lists themselves (`Danh mục`). Import the filled workbook with
 * `importTabularFile` (or `egov-plan import`).
 *
 * @example
 * ```ts
 * await writeFile('kontum-template.xlsx', await templateWorkbook(bundledPlan('kontum-1102-2019')));
 * ```
 */
export async function templateWorkbook(plan: Plan, options: TemplateOptions = {}): Promise<Uint8Array> {
  return workbookBytes(buildTemplate(plan, options));
}

async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return sheetsLast(new Uint8Array(buffer as ArrayBuffer));
}

/**
 * The archive with its worksheets moved after every other entry. exceljs writes the sheets
 * before `xl/workbook.xml` and `xl/sharedStrings.xml`; its streaming reader then parks each sheet
 * in a temporary file and its entry loop at times ends early (`workbookSheets` in
 * xlsx-stream.ts reads again): measured 2026-12-03, a five-sheet template failed 9 streamed
 * imports in 20 after 4 readings each. With the workbook and shared strings first, the sheets
 * are read as they come. Bytes of each entry are copied unchanged; only offsets are rewritten.
 */
function sheetsLast(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) return zip;
  const count = view.getUint16(eocd + 10, true);
  const dirStart = view.getUint32(eocd + 16, true);
  const records: { name: string; offset: number; dir: Uint8Array }[] = [];
  for (let at = dirStart, i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) return zip;
    const size = 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
    records.push({ name, offset: view.getUint32(at + 42, true), dir: zip.slice(at, at + size) });
    at += size;
  }
  const byOffset = [...records].sort((a, b) => a.offset - b.offset);
  const bodyOf = new Map(byOffset.map((r, i) => [r, zip.subarray(r.offset, byOffset[i + 1]?.offset ?? dirStart)]));
  const isSheet = (r: { name: string }) => r.name.startsWith('xl/worksheets/');
  const order = [...byOffset.filter((r) => !isSheet(r)), ...byOffset.filter(isSheet)];
  const out = new Uint8Array(zip.length);
  let at = 0;
  for (const r of order) {
    const body = bodyOf.get(r) as Uint8Array;
    new DataView(r.dir.buffer).setUint32(42, at, true);
    out.set(body, at);
    at += body.length;
  }
  const newDir = at;
  for (const r of records) {
    out.set(r.dir, at);
    at += r.dir.length;
  }
  out.set(zip.subarray(eocd), at);
  new DataView(out.buffer).setUint32(at + 16, newDir, true);
  return out.subarray(0, at + zip.length - eocd);
}

/** Options of {@link filledWorkbook}. */
export interface FilledWorkbookOptions extends TemplateOptions {
  /**
   * Lines put first on the instructions sheet, in bold (for example that the figures are
   * synthetic). Default: none.
   */
  notice?: readonly string[];
}

/**
 * The plan's fill-in workbook ({@link templateWorkbook}) with `rows` already filled in, each on
 * the sheet of its org unit's level (the row's `level`, else the level the plan gives the unit;
 * rows of a unit the plan does not place go on the province sheet). What an agency would send
 * back; for examples, demos and tests. Rows are written as given, not checked: importing the
 * workbook checks them.
 *
 * @example
 * ```ts
 * const bytes = await filledWorkbook(plan, [{ indicator: 'online-dossier-rate', orgUnit: 'so-tttt', period: '2020Q4', value: 27 }], { notice: ['Số liệu giả lập'] });
 * ```
 */
export async function filledWorkbook(plan: Plan, rows: readonly MeasurementInput[], options: FilledWorkbookOptions = {}): Promise<Uint8Array> {
  const wb = buildTemplate(plan, { ...(options.planRef === undefined ? {} : { planRef: options.planRef }), rows: Math.max(options.rows ?? TEMPLATE_ROWS, rows.length) });
  const levelOf = new Map<string, AdministrativeLevel>();
  for (const u of plan.administrativeUnits) levelOf.set(u.code, u.level);
  for (const a of plan.agencies) if (a.level !== null && a.level !== undefined) levelOf.set(a.id, a.level);
  const next = new Map<string, number>();
  for (const r of rows) {
    // The row's level as an id (`district`) or as the template writes it (`Cấp huyện`).
    const given = typeof r.level === 'string' ? LEVEL_SHEETS.find((l) => l.level === r.level || l.sheet.toLowerCase() === String(r.level).normalize('NFC').trim().toLowerCase()) : undefined;
    const level = given?.level ?? levelOf.get(String(r.orgUnit)) ?? 'province';
    const name = (LEVEL_SHEETS.find((l) => l.level === level) ?? LEVEL_SHEETS[0])?.sheet as string;
    const ws = wb.getWorksheet(name) ?? (wb.getWorksheet((LEVEL_SHEETS[0] as { sheet: string }).sheet) as ExcelJS.Worksheet);
    const at = next.get(ws.name) ?? 2;
    next.set(ws.name, at + 1);
    const row = ws.getRow(at);
    TEMPLATE_HEADERS.forEach((h, c) => {
      const v = (r as Record<string, unknown>)[h.field];
      if (v === undefined || v === null) return;
      // A level id is written as the drop-down offers it (`Cấp huyện`); anything else as given.
      const word = h.field === 'level' && given?.level === v ? LEVEL_WORD[given.level] : undefined;
      row.getCell(c + 1).value = word ?? (typeof v === 'boolean' ? (v ? 'có' : 'không') : (v as string | number));
    });
  }
  if (options.notice?.length) {
    const help = wb.getWorksheet(TEMPLATE_SHEETS.instructions) as ExcelJS.Worksheet;
    help.insertRows(1, [...options.notice.map((l) => [l]), []]);
    options.notice.forEach((_, i) => (help.getCell(i + 1, 1).font = { bold: true, color: { argb: 'FFC00000' } }));
  }
  return workbookBytes(wb);
}

/** The template as an exceljs workbook (see {@link templateWorkbook}). */
function buildTemplate(plan: Plan, options: TemplateOptions): ExcelJS.Workbook {
  const rows = options.rows ?? TEMPLATE_ROWS;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'egov-plan';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const periods = templatePeriods(plan);
  const levels = LEVEL_SHEETS.filter((l) => reportsAt(plan, l.level)).map((l) => ({ ...l, units: orgUnitsAt(plan, l.level) }));
  const unlisted = levels.filter((l) => l.units.length === 0).map((l) => l.sheet);

  const help = wb.addWorksheet(TEMPLATE_SHEETS.instructions);
  help.getColumn(1).width = 110;
  const lines = [
    `Mẫu nhập số liệu — ${plan.title.vi} (${plan.id})`,
    '',
    'Cách điền:',
    `1. Mỗi trang "Cấp …" dành cho đơn vị báo cáo ở cấp đó (${levels.map((l) => l.sheet).join(', ')}). Mỗi dòng là một số liệu: một chỉ số của một đơn vị trong một kỳ báo cáo.`,
    `2. Chọn "Mã chỉ số", "Mã đơn vị", "Cấp" và "Kỳ báo cáo" trong danh sách thả xuống (danh sách đầy đủ ở trang "Danh mục"). Cột "Cấp" ghi cấp như tên trang (${levels.map((l) => l.sheet).join(', ')}); có thể để trống.`,
    ...(unlisted.length === 0
      ? []
      : [`   Kế hoạch không liệt kê từng đơn vị của ${unlisted.join(', ')}: trên ${unlisted.length === 1 ? 'trang này' : 'các trang này'}, cột "Mã đơn vị" không có danh sách thả xuống; gõ mã đơn vị (mã đơn vị hành chính hoặc mã cơ quan mà đơn vị được giao dùng).`]),
    '3. "Giá trị": số theo đơn vị của chỉ số (tỷ lệ % viết 20 cho 20%, dấu chấm cho phần thập phân); chỉ số có/không ghi "có" hoặc "không". Ô mà Excel định dạng phần trăm (gõ 20% vào ô) được đọc theo số hiện trên ô: 20% là 20; không định dạng phần trăm cho tử số, mẫu số hay chỉ số không tính bằng % (dòng đó bị từ chối).',
    '4. "Tử số" và "Mẫu số" (nếu có): số nguyên, ví dụ số hồ sơ trực tuyến / tổng số hồ sơ; ghi cả hai hoặc để trống cả hai.',
    '5. "Ngày bằng chứng": với chỉ số định tính đã hoàn thành, ngày của văn bản chứng minh (không cần kỳ báo cáo).',
    '6. Không gộp ô, không để công thức chưa tính, không đổi tên cột. Không thêm trang ẩn chứa số liệu.',
    '7. Nhập tệp: egov-plan import --plan ' + (options.planRef ?? plan.id) + ' tep-da-dien.xlsx. Tệp có dòng sai thì không nhập gì; báo cáo nêu trang, dòng, cột và lý do. Nhập lại cùng tệp không tạo bản ghi trùng; sửa một giá trị thì tạo phiên bản mới.',
    '',
    `How to fill (English): one row per measurement on the sheet of the reporter's level; pick indicator, org unit, level (written as the sheet is named: ${levels.map((l) => l.sheet).join(', ')}) and period from the lists${unlisted.length === 0 ? '' : ` (the plan does not list the units of ${unlisted.join(', ')}: type the org unit code there, no list)`}; values are numbers in the indicator\'s unit (20 for 20%; a cell Excel formats as a percentage, as when 20% is typed, is read as shown: 20); numerator and denominator both or neither; no merged cells, no unsaved formulas.`,
  ];
  lines.forEach((l, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = l;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  // Lists: indicators (A–C), org units by level (E–G), periods (I–K).
  const lists = wb.addWorksheet(TEMPLATE_SHEETS.lists);
  // Headings unlike the level sheets' (`Mã chỉ số`…), so the lists are never read as measurements.
  lists.getRow(1).values = ['Danh mục chỉ số', 'Nội dung chỉ số', 'Đơn vị tính', '', 'Danh mục đơn vị', 'Tên đơn vị', 'Cấp đơn vị', '', 'Danh mục kỳ', 'Từ ngày', 'Đến ngày'];
  lists.getRow(1).font = { bold: true };
  plan.indicators.forEach((ind, i) => {
    const r = lists.getRow(i + 2);
    r.getCell(1).value = ind.id;
    r.getCell(2).value = ind.statement.vi;
    r.getCell(3).value = UNIT_VI[ind.unit];
  });
  const unitRange = new Map<AdministrativeLevel, string>();
  let at = 2;
  for (const l of levels) {
    const first = at;
    for (const u of l.units) {
      const r = lists.getRow(at++);
      r.getCell(5).value = u.id;
      r.getCell(6).value = u.name;
      r.getCell(7).value = LEVEL_WORD[l.level];
    }
    if (l.units.length > 0) unitRange.set(l.level, `'${TEMPLATE_SHEETS.lists}'!$E$${first}:$E$${at - 1}`);
  }
  periods.forEach((p, i) => {
    const r = lists.getRow(i + 2);
    r.getCell(9).value = p.id;
    r.getCell(10).value = p.start;
    r.getCell(11).value = p.end;
  });
  for (const [c, w] of [[1, 28], [2, 60], [3, 24], [5, 20], [6, 40], [7, 8], [9, 14], [10, 12], [11, 12]] as const) lists.getColumn(c).width = w;
  const indicatorList = `'${TEMPLATE_SHEETS.lists}'!$A$2:$A$${plan.indicators.length + 1}`;
  const periodList = `'${TEMPLATE_SHEETS.lists}'!$I$2:$I$${periods.length + 1}`;

  for (const l of levels) {
    const ws = wb.addWorksheet(l.sheet, { views: [{ state: 'frozen', ySplit: 1 }] }) as ExcelJS.Worksheet & { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } };
    ws.columns = TEMPLATE_HEADERS.map((h) => ({ header: h.vi, key: h.field, width: h.field === 'source' ? 40 : 18 }));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.eachCell((cell) => (cell.fill = HEADER_FILL));
    const col = (field: string) => String.fromCharCode(65 + TEMPLATE_HEADERS.findIndex((h) => h.field === field));
    const range = (field: string) => `${col(field)}2:${col(field)}${rows + 1}`;
    const list = (formula: string, what: string): ExcelJS.DataValidation => ({
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'error',
      errorTitle: 'Giá trị không có trong danh mục',
      error: `Chọn ${what} trong danh sách (trang "${TEMPLATE_SHEETS.lists}").`,
    });
    ws.dataValidations.add(range('indicator'), list(indicatorList, 'mã chỉ số'));
    // A level whose units the plan does not list: the org unit is typed (no list, no invented codes).
    const units = unitRange.get(l.level);
    if (units !== undefined) ws.dataValidations.add(range('orgUnit'), list(units, `mã đơn vị ${LEVEL_WORD[l.level].toLowerCase()}`));
    else ws.dataValidations.add(range('orgUnit'), { type: 'textLength', operator: 'between', allowBlank: true, formulae: [1, MAX_ORG_UNIT_LENGTH], showErrorMessage: true, errorStyle: 'error', errorTitle: 'Mã đơn vị không hợp lệ', error: `Gõ mã đơn vị (tối đa ${MAX_ORG_UNIT_LENGTH} ký tự); kế hoạch không liệt kê từng đơn vị ${LEVEL_WORD[l.level].toLowerCase()}.`, showInputMessage: true, promptTitle: 'Mã đơn vị', prompt: `Kế hoạch không liệt kê từng đơn vị ${LEVEL_WORD[l.level].toLowerCase()}: gõ mã đơn vị.` });
    ws.dataValidations.add(range('level'), { ...list(`"${LEVEL_WORD[l.level]}"`, 'cấp'), error: `Ghi "${LEVEL_WORD[l.level]}" hoặc để trống.` });
    ws.dataValidations.add(range('period'), list(periodList, 'kỳ báo cáo'));
    const number = (type: 'decimal' | 'whole', what: string): ExcelJS.DataValidation => ({
      type,
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorStyle: 'error',
      errorTitle: 'Số không hợp lệ',
      error: `${what} phải là số không âm.`,
    });
    ws.dataValidations.add(range('numerator'), number('whole', 'Tử số'));
    ws.dataValidations.add(range('denominator'), number('whole', 'Mẫu số'));
    ws.dataValidations.add(range('evidenceDate'), { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, errorTitle: 'Ngày không hợp lệ', error: 'Nhập một ngày.' });
    // Value: a non-negative number; "có"/"không" of a yes/no indicator passes after a warning.
    ws.dataValidations.add(range('value'), { ...number('decimal', 'Giá trị'), errorStyle: 'warning', error: 'Giá trị phải là số không âm (20 cho 20%); chỉ số có/không: ghi "có" hoặc "không".', showInputMessage: true, promptTitle: 'Giá trị', prompt: 'Số theo đơn vị của chỉ số (20 cho 20%), hoặc có/không.' });
    ws.getColumn(col('evidenceDate')).numFmt = 'yyyy-mm-dd';
  }
  return wb;
}
