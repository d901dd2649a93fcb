import ExcelJS from 'exceljs';
import type { AdministrativeLevel, Evaluation, Plan, TargetResult, TargetStatus } from '@egov-plan/core';

// Evaluation results as a workbook: one sheet per level a target applies to, verdicts coloured.
// Every text cell is written as a string value, never as a formula; a text that a spreadsheet
// program would take for one (`=`, `+`, `-`, `@`, a tab or carriage return first) is prefixed
// with an apostrophe-like quote so that it stays text also after copy and paste.

const STATUS_VI: Record<TargetStatus, string> = { met: 'đạt', 'not-met': 'chưa đạt', 'no-data': 'không có số liệu', 'not-applicable': 'không áp dụng' };
/** Fill colour of each verdict (green, red, grey, light grey). */
export const VERDICT_COLOURS: Readonly<Record<TargetStatus, string>> = { met: 'FFC6EFCE', 'not-met': 'FFFFC7CE', 'no-data': 'FFEDEDED', 'not-applicable': 'FFF7F7F7' };
const LEVEL_SHEET: Record<AdministrativeLevel | 'none', string> = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã', none: 'Khác' };

const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * Text made safe for a spreadsheet cell: text that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading `'`, so that no spreadsheet program reads it as a formula (CSV
 * and formula injection, OWASP). Other text is returned as it is.
 */
export function safeCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Evaluation results as XLSX bytes: a summary sheet (`Tổng hợp`), then one sheet per level the
 * targets apply to (`Cấp tỉnh`, `Cấp huyện`, `Cấp xã`) with one row per target × org unit, the
 * verdict cell coloured ({@link VERDICT_COLOURS}). Org units are named as the plan names them.
 * Text from the data never becomes a formula ({@link safeCellText}).
 *
 * @example
 * ```ts
 * await writeFile('results.xlsx', await evaluationWorkbook(plan, evaluate(plan, rows, { at: '2020-12-14' })));
 * ```
 */
export async function evaluationWorkbook(plan: Plan, evaluation: Evaluation): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'egov-plan';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const names = new Map<string, string>();
  for (const a of plan.agencies) names.set(a.id, a.name.vi);
  for (const u of plan.administrativeUnits) names.set(u.code, u.name.vi);
  const text = (s: string | null | undefined) => (s === null || s === undefined ? null : safeCellText(s));

  const summary = wb.addWorksheet('Tổng hợp');
  summary.columns = [
    { header: 'Kế hoạch', width: 24 },
    { header: 'Ngày đánh giá', width: 14 },
    { header: 'Giai đoạn', width: 14 },
    { header: 'Đạt', width: 8 },
    { header: 'Chưa đạt', width: 10 },
    { header: 'Không có số liệu', width: 16 },
    { header: 'Không áp dụng', width: 14 },
  ];
  const counts = evaluation.summary;
  summary.addRow([text(evaluation.plan), evaluation.at, text(evaluation.phases.join(', ')), counts.met, counts['not-met'], counts['no-data'], counts['not-applicable']]);
  summary.getRow(1).font = { bold: true };

  const byLevel = new Map<AdministrativeLevel | 'none', TargetResult[]>();
  for (const r of evaluation.results) {
    const level = r.targetLevel ?? r.level ?? 'none';
    let list = byLevel.get(level);
    if (!list) byLevel.set(level, (list = []));
    list.push(r);
  }
  for (const level of ['province', 'district', 'commune', 'none'] as const) {
    const list = byLevel.get(level);
    if (!list) continue;
    const ws = wb.addWorksheet(LEVEL_SHEET[level], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: 'Chỉ tiêu', width: 36 },
      { header: 'Chỉ số', width: 26 },
      { header: 'Mã đơn vị', width: 16 },
      { header: 'Đơn vị', width: 36 },
      { header: 'Kỳ', width: 10 },
      { header: 'Giá trị', width: 10 },
      { header: 'Mức chỉ tiêu', width: 12 },
      { header: 'Chênh lệch', width: 12 },
      { header: 'Tử số', width: 10 },
      { header: 'Mẫu số', width: 10 },
      { header: 'Kết quả', width: 16 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of list) {
      const row = ws.addRow([
        text(r.target),
        text(r.indicator),
        text(r.orgUnit),
        text(names.get(r.orgUnit) ?? r.orgUnit),
        text(r.period),
        typeof r.value === 'boolean' ? (r.value ? 'có' : 'không') : r.value,
        typeof r.targetValue === 'boolean' ? (r.targetValue ? 'có' : 'không') : r.targetValue,
        r.gap,
        r.numerator,
        r.denominator,
        STATUS_VI[r.status],
      ]);
      row.getCell(11).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: VERDICT_COLOURS[r.status] } };
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 11 } };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
