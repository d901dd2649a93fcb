import type { IssueMessage } from '@egov-plan/core';

// The issue messages of @egov-plan/tabular: one constant per message, with its code
// and its Vietnamese and English templates (`{name}` parameters). Modules import them as a
// namespace (`import * as MSG from './messages.js'`) so that a bundle keeps only the messages it
// can emit; docs/errors.md lists them all (scripts/lib/issue-messages.ts).

// The messages of the XLSX readers (xlsx.ts, xlsx-stream.ts). A cell's message starts with its
// sheet, row, column and field, which `cellIssuer` fills in.

/** `workbook.formula_without_result` (a cell). */
export const workbookFormulaWithoutResult = {
  code: 'workbook.formula_without_result',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): công thức ={formula} không có kết quả đã lưu; không tính công thức: lưu sổ tính bằng phần mềm bảng tính, hoặc gõ giá trị.',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): formula ={formula} has no saved result; formulas are not evaluated: save the workbook in a spreadsheet program, or type the value.',
} as const satisfies IssueMessage;

/** `workbook.cell_error` (a cell). */
export const workbookCellError = {
  code: 'workbook.cell_error',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô chứa lỗi {error}.',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): the cell holds the error {error}.',
} as const satisfies IssueMessage;

/** `workbook.cell_error` (unreadable value). */
export const workbookCellErrorUnreadable = {
  code: 'workbook.cell_error',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô có kiểu dữ liệu không đọc được ({kind}).',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): the cell has a kind of value that cannot be read ({kind}).',
} as const satisfies IssueMessage;

/** `workbook.merged_cells` (a range). */
export const workbookMergedCells = {
  code: 'workbook.merged_cells',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô gộp {range}: mỗi dòng phải có giá trị riêng (bỏ gộp ô và điền từng dòng).',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): merged cells {range}: each row must hold its own values (unmerge and fill every row).',
} as const satisfies IssueMessage;

/** `measurement.duplicate` (across sheets). */
export const measurementDuplicateSheets = {
  code: 'measurement.duplicate',
  vi: 'Trang "{sheet}", dòng {row}: trùng với trang "{firstSheet}", dòng {firstRow} (cùng chỉ số, đơn vị và kỳ).',
  en: 'Sheet "{sheet}", row {row}: repeats sheet "{firstSheet}", row {firstRow} (same indicator, org unit and period).',
} as const satisfies IssueMessage;

/** `workbook.invalid` (exceljs cannot read it; in English `detail` is exceljs's own words, in Vietnamese the likely cause). */
export const workbookInvalidUnreadable = {
  code: 'workbook.invalid',
  vi: 'Tệp không đọc được như sổ tính XLSX ({detail}); hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice rồi nhập lại.',
  en: 'The file cannot be read as an XLSX workbook: {detail}.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (stream read again). */
export const workbookInvalidReread = {
  code: 'workbook.invalid',
  vi: 'Sau {attempts} lần đọc vẫn không đọc được mục sổ tính (xl/workbook.xml) hoặc bảng chuỗi dùng chung trước các trang tính: không biết tên trang và nội dung ô; hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice rồi nhập lại.',
  en: 'After {attempts} readings the workbook entry (xl/workbook.xml) or the shared strings still could not be read before the sheets: sheet names and cell texts are unknown; open the file in Excel or LibreOffice, save it again and import it again.',
} as const satisfies IssueMessage;

/** `workbook.skipped_sheet` (warning). */
export const workbookSkippedSheet = {
  code: 'workbook.skipped_sheet',
  vi: 'Trang "{sheet}" không có tiêu đề số liệu ở dòng 1; không đọc.',
  en: 'Sheet "{sheet}" has no measurements header in row 1; not read.',
} as const satisfies IssueMessage;

/** `workbook.hidden_sheet` (warning). */
export const workbookHiddenSheet = {
  code: 'workbook.hidden_sheet',
  vi: 'Trang "{sheet}" bị ẩn; số liệu trong đó không được nhập (bỏ ẩn để nhập).',
  en: 'Sheet "{sheet}" is hidden; its measurements are not imported (unhide it to import them).',
} as const satisfies IssueMessage;

/** `workbook.no_measurements` (the first column names). */
export const workbookNoMeasurements = {
  code: 'workbook.no_measurements',
  vi: 'Không trang hiện nào của sổ tính có dòng tiêu đề số liệu ở dòng 1 ({columns}, …).',
  en: 'No visible sheet of the workbook has a measurements header in row 1 ({columns}, …).',
} as const satisfies IssueMessage;

/** `workbook.too_many_rows` (read whole). */
export const workbookTooManyRows = {
  code: 'workbook.too_many_rows',
  vi: 'Trang "{sheet}" có {rows} dòng, quá giới hạn {max}; không nhập gì của tệp.',
  en: 'Sheet "{sheet}" has {rows} rows, over the limit of {max}; nothing of the file is imported.',
} as const satisfies IssueMessage;

/** `workbook.too_many_rows` (read as a stream). */
export const workbookTooManyRowsStreamed = {
  code: 'workbook.too_many_rows',
  vi: 'Trang "{sheet}" có hơn {max} dòng, quá giới hạn {max}; không nhập gì của tệp.',
  en: 'Sheet "{sheet}" has more than {max} rows, over the limit of {max}; nothing of the file is imported.',
} as const satisfies IssueMessage;

/** `workbook.too_large` (shared strings, read as a stream). */
export const workbookTooLargeSharedStrings = {
  code: 'workbook.too_large',
  vi: 'Bảng chuỗi dùng chung ({entry}) của sổ tính giải nén ra {size} byte, quá giới hạn {max} byte; không đọc.',
  en: 'The shared strings ({entry}) of the workbook unpack to {size} bytes, over the limit of {max} bytes; not read.',
} as const satisfies IssueMessage;

// The messages of the zip checks (zip.ts), before a workbook is read.

/** `workbook.zip_bomb` (an entry). */
export const workbookZipBomb = {
  code: 'workbook.zip_bomb',
  vi: 'Mục "{entry}" giải nén ra nhiều hơn {size} byte đã khai báo (bom zip); không đọc gì của tệp.',
  en: 'Entry "{entry}" unpacks to more than its declared {size} bytes (a zip bomb); nothing of the file is read.',
} as const satisfies IssueMessage;

/** `workbook.too_large` (all entries). */
export const workbookTooLarge = {
  code: 'workbook.too_large',
  vi: 'Sổ tính giải nén ra {size} byte, quá giới hạn {max} byte; không đọc.',
  en: 'The workbook unpacks to {size} bytes, over the limit of {max} bytes; not read.',
} as const satisfies IssueMessage;

/** `workbook.too_large` (one entry). */
export const workbookTooLargeEntry = {
  code: 'workbook.too_large',
  vi: 'Mục "{entry}" của sổ tính giải nén ra {size} byte, quá giới hạn {max} byte; không đọc.',
  en: 'Entry "{entry}" of the workbook unpacks to {size} bytes, over the limit of {max} bytes; not read.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (no directory). */
export const workbookInvalidNoDirectory = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: không tìm thấy mục lục của tệp nén (không phải tệp zip, hoặc tệp bị cắt).',
  en: 'The file is not an XLSX workbook: no zip central directory (not a zip file, or a truncated one).',
} as const satisfies IssueMessage;

/** `workbook.invalid` (ZIP64). */
export const workbookInvalidZip64 = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục lục ZIP64 hỏng.',
  en: 'The file is not an XLSX workbook: a broken ZIP64 directory.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (directory). */
export const workbookInvalidDirectory = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục lục của tệp nén hỏng.',
  en: 'The file is not an XLSX workbook: a broken zip central directory.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (entries). */
export const workbookInvalidTooManyEntries = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: tệp nén có {count} mục (tối đa {max}).',
  en: 'The file is not an XLSX workbook: the archive has {count} entries (at most {max}).',
} as const satisfies IssueMessage;

/** `workbook.invalid` (entry). */
export const workbookInvalidEntry = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" hỏng.',
  en: 'The file is not an XLSX workbook: entry "{entry}" is broken.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (truncated). */
export const workbookInvalidTruncated = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" bị cắt.',
  en: 'The file is not an XLSX workbook: entry "{entry}" is truncated.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (inflate). */
export const workbookInvalidInflate = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" không giải nén được.',
  en: 'The file is not an XLSX workbook: entry "{entry}" cannot be unpacked.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (method). */
export const workbookInvalidMethod = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" dùng cách nén {method} không được hỗ trợ.',
  en: 'The file is not an XLSX workbook: entry "{entry}" uses unsupported compression method {method}.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (size). */
export const workbookInvalidSize = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" có kích thước khác với khai báo.',
  en: 'The file is not an XLSX workbook: entry "{entry}" does not have its declared size.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (outside). */
export const workbookInvalidOutside = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: có dữ liệu nằm ngoài các mục của mục lục.',
  en: 'The file is not an XLSX workbook: it holds bytes outside the entries its directory lists.',
} as const satisfies IssueMessage;

// The messages of `@egov-plan/tabular`'s imports (`importMeasurements`, import.ts).

/** `file.too_large` (measurements). */
export const fileTooLargeMeasurements = {
  code: 'file.too_large',
  vi: 'Tệp số liệu quá lớn (tối đa {max} byte).',
  en: 'The measurements file is too large (at most {max} bytes).',
} as const satisfies IssueMessage;

/** `workbook.rejected`: an XLSX file. */
export const workbookRejected = {
  code: 'workbook.rejected',
  vi: 'Sổ tính {file}: {rejected} trong {rows} dòng bị từ chối; không nhập gì của tệp. Sửa các dòng dưới đây rồi nhập lại.',
  en: 'Workbook {file}: {rejected} of {rows} rows refused; nothing of the file is imported. Correct the rows below and import it again.',
} as const satisfies IssueMessage;

/** `workbook.no_data_rows`: a workbook with a measurements header and no data rows. */
export const workbookNoDataRows = {
  code: 'workbook.no_data_rows',
  vi: 'Sổ tính {file} không có dòng số liệu nào (mẫu chưa điền, hay nhầm tệp?): không nhập gì, không ghi lần nhập nào.',
  en: 'Workbook {file} has no data rows (an unfilled template, or the wrong file?): nothing is imported, no import is recorded.',
} as const satisfies IssueMessage;

/** `measurement.no_data_rows`: a CSV or JSON file with no data rows. */
export const fileNoDataRows = {
  code: 'measurement.no_data_rows',
  vi: 'Tệp {format} {file} không có dòng số liệu nào (mẫu chưa điền, hay nhầm tệp?): không nhập gì, không ghi lần nhập nào.',
  en: '{format} file {file} has no data rows (an unfilled template, or the wrong file?): nothing is imported, no import is recorded.',
} as const satisfies IssueMessage;

/** `file.rejected`: a CSV or JSON file. */
export const fileRejected = {
  code: 'file.rejected',
  vi: 'Tệp {format} {file}: {rejected} trong {rows} dòng bị từ chối; không nhập gì của tệp. Sửa các dòng dưới đây rồi nhập lại.',
  en: '{format} file {file}: {rejected} of {rows} rows refused; nothing of the file is imported. Correct the rows below and import it again.',
} as const satisfies IssueMessage;

// The messages of `@egov-plan/tabular`'s backups (`dumpStore`, `parseDump`, dump.ts).

/** `usage.invalid_value` (dump_plans). */
export const usageInvalidValueDumpPlans = {
  code: 'usage.invalid_value',
  vi: 'Kho "{store}" không liệt kê được các kế hoạch nó chứa (không có plans()): hãy sao lưu từng kế hoạch (--plan).',
  en: 'The "{store}" store cannot list the plans it holds (no plans()): back up one plan at a time (--plan).',
} as const satisfies IssueMessage;

/** `measurement.invalid_document` (not_dump). */
export const measurementInvalidDocumentNotDump = {
  code: 'measurement.invalid_document',
  vi: 'Bản sao lưu {file}: không phải bản sao lưu của egov-plan (phiên bản 1){where}.',
  en: 'Backup {file}: not an egov-plan dump (version 1){where}.',
} as const satisfies IssueMessage;

/** `measurement.invalid_document` (json). */
export const measurementInvalidDocumentJson = {
  code: 'measurement.invalid_document',
  vi: 'Bản sao lưu {file}: JSON hỏng ({detail}).',
  en: 'Backup {file}: malformed JSON ({detail}).',
} as const satisfies IssueMessage;

/** `measurement.invalid_document` (header). */
export const measurementInvalidDocumentHeader = {
  code: 'measurement.invalid_document',
  vi: 'Bản sao lưu {file}: dòng tiêu đề khác định dạng sao lưu.',
  en: 'Backup {file}: the header is not the dump format.',
} as const satisfies IssueMessage;

/** `measurement.invalid_document` (several_plans). */
export const measurementInvalidDocumentSeveralPlans = {
  code: 'measurement.invalid_document',
  vi: 'Bản sao lưu {file}: chứa số liệu của {count} kế hoạch ({plans}); đọc bằng parseDumps.',
  en: 'Backup {file}: holds {count} plans ({plans}); read it with parseDumps.',
} as const satisfies IssueMessage;

// The messages of a restore that failed (`restoreDump`, dump.ts): which write failed, and whether
// the writes before it were made.

/** `store.restore_failed` (an import, nothing written). */
export const storeRestoreFailedImport = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — lần nhập {importId} của kế hoạch {plan} (thao tác {write} trong {writes}) thất bại; không ghi gì của bản sao lưu, kho giữ nguyên như trước.',
  en: 'Backup {file}: not restored — import {importId} of plan {plan} (write {write} of {writes}) failed; nothing of the backup was written, the store is as it was.',
} as const satisfies IssueMessage;

/** `store.restore_failed` (an import, the writes before it made). */
export const storeRestoreFailedImportPartly = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — lần nhập {importId} của kế hoạch {plan} (thao tác {write} trong {writes}) thất bại; kho này ghi từng lần nhập một, nên các thao tác trước đó ĐÃ được ghi (xem lỗi tiếp theo).',
  en: 'Backup {file}: not restored — import {importId} of plan {plan} (write {write} of {writes}) failed; this store writes one import at a time, so the writes before it WERE made (see the next issue).',
} as const satisfies IssueMessage;

/** `store.restore_failed` (a retraction, nothing written). */
export const storeRestoreFailedRetraction = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — việc rút lại {importId} của kế hoạch {plan} (thao tác {write} trong {writes}) thất bại; không ghi gì của bản sao lưu, kho giữ nguyên như trước.',
  en: 'Backup {file}: not restored — the retraction of {importId} of plan {plan} (write {write} of {writes}) failed; nothing of the backup was written, the store is as it was.',
} as const satisfies IssueMessage;

/** `store.restore_failed` (a retraction, the writes before it made). */
export const storeRestoreFailedRetractionPartly = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — việc rút lại {importId} của kế hoạch {plan} (thao tác {write} trong {writes}) thất bại; kho này ghi từng lần nhập một, nên các thao tác trước đó ĐÃ được ghi (xem lỗi tiếp theo).',
  en: 'Backup {file}: not restored — the retraction of {importId} of plan {plan} (write {write} of {writes}) failed; this store writes one import at a time, so the writes before it WERE made (see the next issue).',
} as const satisfies IssueMessage;

/** `store.restore_failed` (a submission, task evidence or rule file, nothing written). */
export const storeRestoreFailedRecord = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — bản ghi "{record}" của kế hoạch {plan} (thao tác {write} trong {writes}) thất bại; không ghi gì của bản sao lưu, kho giữ nguyên như trước.',
  en: 'Backup {file}: not restored — the record "{record}" of plan {plan} (write {write} of {writes}) failed; nothing of the backup was written, the store is as it was.',
} as const satisfies IssueMessage;

/** `store.restore_failed` (a submission, task evidence or rule file, the writes before it made). */
export const storeRestoreFailedRecordPartly = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — bản ghi "{record}" của kế hoạch {plan} (thao tác {write} trong {writes}) thất bại; kho này ghi từng lần nhập một, nên các thao tác trước đó ĐÃ được ghi (xem lỗi tiếp theo).',
  en: 'Backup {file}: not restored — the record "{record}" of plan {plan} (write {write} of {writes}) failed; this store writes one import at a time, so the writes before it WERE made (see the next issue).',
} as const satisfies IssueMessage;

/** `store.restore_failed` (a write not known, nothing written). */
export const storeRestoreFailedWrite = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — một thao tác thất bại; không ghi gì của bản sao lưu, kho giữ nguyên như trước.',
  en: 'Backup {file}: not restored — a write failed; nothing of the backup was written, the store is as it was.',
} as const satisfies IssueMessage;

/** `store.restore_failed` (a write not known, the writes before it made). */
export const storeRestoreFailedWritePartly = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — một thao tác thất bại; kho này ghi từng lần nhập một, nên các thao tác trước đó ĐÃ được ghi (xem lỗi tiếp theo).',
  en: 'Backup {file}: not restored — a write failed; this store writes one import at a time, so the writes before it WERE made (see the next issue).',
} as const satisfies IssueMessage;

/** `store.backend_error` (a restore, not an EgovPlanError). */
export const storeBackendErrorRestore = {
  code: 'store.backend_error',
  vi: 'Kho số liệu báo lỗi: {detail}',
  en: 'The store reported an error: {detail}',
} as const satisfies IssueMessage;

// The messages of a percent-formatted number cell of a workbook (xlsx.ts, `percentCells`). A
// cell's message starts with its sheet, row, column and field.

/** `workbook.percent_format` (a numerator or denominator). */
export const workbookPercentFormatCount = {
  code: 'workbook.percent_format',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô được định dạng phần trăm (hiện {shown}%) nhưng {field} là số đếm (số nguyên); bỏ định dạng phần trăm (chọn General/Number) rồi gõ số đếm.',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): the cell is formatted as a percentage (shows {shown}%) but {field} is a count (a whole number); remove the percent format (choose General/Number) and type the count.',
} as const satisfies IssueMessage;

/** `workbook.percent_shown_rounded` (warning). */
export const workbookPercentShownRounded = {
  code: 'workbook.percent_shown_rounded',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô hiện "{text}" nhưng chứa {stored}; đã nhập {value} (giá trị ô chứa, không phải số làm tròn). Nếu số đúng là {text}, hãy gõ đúng số đó (hoặc làm tròn trong công thức) rồi nhập lại.',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): the cell shows "{text}" but holds {stored}; {value} was imported (what the cell holds, not the rounded text). If the figure is {text}, type exactly that (or round in the formula) and import again.',
} as const satisfies IssueMessage;

/** `workbook.percent_format` (the value of an indicator not measured in percent). */
export const workbookPercentFormatUnit = {
  code: 'workbook.percent_format',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô được định dạng phần trăm (hiện {shown}%) nhưng chỉ số "{indicator}" không tính bằng % ({unit}); bỏ định dạng phần trăm (chọn General/Number) rồi gõ giá trị theo đơn vị của chỉ số.',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): the cell is formatted as a percentage (shows {shown}%) but indicator "{indicator}" is not measured in percent ({unit}); remove the percent format (choose General/Number) and type the value in the indicator\'s unit.',
} as const satisfies IssueMessage;

// The checks of a restore (`restoreDumps`, dump.ts): rows and records a backup brings.

/** `store.restore_failed` (rows refused, checked against the plan). */
export const storeRestoreFailedRowsPlan = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — {count} phiên bản của kế hoạch {plan} bị từ chối như một lần nhập sẽ từ chối (kiểm tra theo kế hoạch); không ghi gì của bản sao lưu, kho giữ nguyên như trước. Các dòng sai ở dưới.',
  en: 'Backup {file}: not restored — {count} revisions of plan {plan} refused as an import would refuse them (checked against the plan); nothing of the backup was written, the store is as it was. The bad rows follow.',
} as const satisfies IssueMessage;

/** `store.restore_failed` (rows refused, no plan resolved). */
export const storeRestoreFailedRowsFormat = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — {count} phiên bản của kế hoạch {plan} sai (kiểm tra các quy tắc chung của mọi kế hoạch; không tìm được kế hoạch {plan}: cho --plan để kiểm tra đủ); không ghi gì của bản sao lưu, kho giữ nguyên như trước. Các dòng sai ở dưới.',
  en: 'Backup {file}: not restored — {count} revisions of plan {plan} are bad (checked against the rules every plan has; plan {plan} could not be resolved: give --plan for every check); nothing of the backup was written, the store is as it was. The bad rows follow.',
} as const satisfies IssueMessage;

/** `store.restore_failed` (more bad rows than listed). */
export const storeRestoreFailedMoreRows = {
  code: 'store.restore_failed',
  vi: '… và {count} phiên bản sai khác (không liệt kê).',
  en: '… and {count} more bad revisions (not listed).',
} as const satisfies IssueMessage;

/** `store.restore_failed` (a reassertion entry of the backup that is not one: a field missing or of the wrong type). */
export const storeRestoreBadReassertion = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — mục thứ {entry} của "reassertions" có trường {field} không hợp lệ (cần {expected}; bản sao lưu bị sửa?); không ghi gì của bản sao lưu, kho giữ nguyên như trước.',
  en: 'Backup {file}: not restored — entry {entry} of "reassertions" has an invalid {field} (expected {expected}; an edited backup?); nothing of the backup was written, the store is as it was.',
} as const satisfies IssueMessage;

/** `store.restore_failed` (a rule file revision the store holds with other text). */
export const storeRestoreFailedReassertion = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — dòng của lần nhập {importId} nhắc lại giá trị {indicator} {orgUnit} {period} (phiên bản {revision}) nhưng bản sao lưu không có lần nhập hoặc phiên bản đó (bản sao lưu bị sửa?); không ghi gì của bản sao lưu, kho giữ nguyên như trước.',
  en: 'Backup {file}: not restored — a row of import {importId} restates the value of {indicator} {orgUnit} {period} (revision {revision}) but the backup holds no such import or revision (an edited backup?); nothing of the backup was written, the store is as it was.',
} as const satisfies IssueMessage;

export const storeRestoreFailedRuleFile = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — kho đã có phiên bản {revision} của tệp quy tắc {id} với nội dung khác (bản sao lưu thuộc một lịch sử khác); không ghi gì của bản sao lưu, kho giữ nguyên như trước.',
  en: 'Backup {file}: not restored — the store holds revision {revision} of rule file {id} with other text (the backup belongs to another history); nothing of the backup was written, the store is as it was.',
} as const satisfies IssueMessage;

// The messages of the checks a restore makes of a backup's revisions (restore-check.ts). Each
// follows the revision's place (`atRevision` of words.ts).

/** `measurement.missing_value`: no indicator or org unit (`{field}`: its key). */
export const restoreMissingField = { code: 'measurement.missing_value', vi: 'thiếu {field}.', en: '{field} is missing.' } as const satisfies IssueMessage;

/** `measurement.invalid_level`. */
export const restoreInvalidLevel = {
  code: 'measurement.invalid_level',
  vi: 'cấp "{level}" không phải province, district hay commune.',
  en: 'level "{level}" is not province, district or commune.',
} as const satisfies IssueMessage;

/** `measurement.missing_value`: no value. */
export const restoreMissingValue = { code: 'measurement.missing_value', vi: 'phiên bản của một lần nhập không có giá trị.', en: 'a revision of an import has no value.' } as const satisfies IssueMessage;

/** `measurement.invalid_number`: a value neither a finite number nor yes/no. */
export const restoreInvalidValue = {
  code: 'measurement.invalid_number',
  vi: 'giá trị "{value}" không phải một số hữu hạn hay đúng/sai.',
  en: 'value "{value}" is not a finite number or yes/no.',
} as const satisfies IssueMessage;

/** `measurement.out_of_range`: a negative value. */
export const restoreNegativeValue = { code: 'measurement.out_of_range', vi: 'giá trị không được âm.', en: 'the value cannot be negative.' } as const satisfies IssueMessage;

/** `measurement.missing_value`: one of numerator and denominator. */
export const restoreMissingCount = { code: 'measurement.missing_value', vi: 'cần cả tử số và mẫu số.', en: 'both numerator and denominator are needed.' } as const satisfies IssueMessage;

/** `measurement.invalid_number`: counts that are not whole, or a denominator of 0. */
export const restoreInvalidCounts = {
  code: 'measurement.invalid_number',
  vi: 'tử số/mẫu số {numerator}/{denominator} phải là số nguyên (mẫu số lớn hơn 0).',
  en: 'numerator/denominator {numerator}/{denominator} must be whole numbers (the denominator above 0).',
} as const satisfies IssueMessage;

/** `measurement.out_of_range`: a numerator above the denominator. */
export const restoreNumeratorOverDenominator = {
  code: 'measurement.out_of_range',
  vi: 'tử số {numerator} lớn hơn mẫu số {denominator}.',
  en: 'numerator {numerator} is greater than denominator {denominator}.',
} as const satisfies IssueMessage;

/** `measurement.invalid_value`: counts beside a yes/no value. */
export const restoreCountsOfBoolean = { code: 'measurement.invalid_value', vi: 'giá trị đúng/sai không có tử số/mẫu số.', en: 'a yes/no value has no numerator/denominator.' } as const satisfies IssueMessage;

/** `measurement.inconsistent_counts` (`{gap}`: `MAX_ROUNDING_GAP`). */
export const restoreInconsistentCounts = {
  code: 'measurement.inconsistent_counts',
  vi: 'giá trị {value}% không khớp với tử số/mẫu số {numerator}/{denominator} = {computed}% (lệch quá {gap} điểm phần trăm do làm tròn).',
  en: 'value {value}% does not match numerator/denominator {numerator}/{denominator} = {computed}% (more than the {gap} percentage points rounding explains).',
} as const satisfies IssueMessage;

/** `measurement.invalid_period`: start and end not two dates in order. */
export const restoreInvalidDates = {
  code: 'measurement.invalid_period',
  vi: 'ngày đầu/cuối kỳ "{start}"/"{end}" không phải hai ngày YYYY-MM-DD theo thứ tự.',
  en: 'period start/end "{start}"/"{end}" are not two dates YYYY-MM-DD in order.',
} as const satisfies IssueMessage;

/** `measurement.invalid_period`: dated evidence whose period is not its date. */
export const restoreEvidencePeriod = {
  code: 'measurement.invalid_period',
  vi: 'minh chứng theo ngày cần kỳ là ngày của nó (YYYY-MM-DD), không phải "{period}".',
  en: 'dated evidence needs its date (YYYY-MM-DD) as the period, not "{period}".',
} as const satisfies IssueMessage;

/** `measurement.invalid_period`: not a period id. */
export const restoreInvalidPeriodId = {
  code: 'measurement.invalid_period',
  vi: '"{period}" không phải mã kỳ báo cáo (như 2020Q4, 2020M03, 2020S1, 2020N9, 2020, C2020Q4).',
  en: '"{period}" is not a reporting-period id (such as 2020Q4, 2020M03, 2020S1, 2020N9, 2020, C2020Q4).',
} as const satisfies IssueMessage;

/** `measurement.invalid_period`: dates other than the plan's for the period. */
export const restorePeriodDates = {
  code: 'measurement.invalid_period',
  vi: 'kỳ {period} theo kế hoạch là {planStart} … {planEnd}, không phải {start} … {end}.',
  en: 'period {period} is {planStart} … {planEnd} under the plan, not {start} … {end}.',
} as const satisfies IssueMessage;
