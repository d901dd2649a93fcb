import type { IssueMessages } from '../issue-messages.js';

/** The messages of `@egov-plan/tabular`'s XLSX reader (`readWorkbookMeasurements`, xlsx.ts). */
export const XLSX_MESSAGES = {
  'workbook.invalid#unreadable': { vi: 'Tệp không đọc được như sổ tính XLSX: {detail}.', en: 'The file cannot be read as an XLSX workbook: {detail}.' },
  'workbook.skipped_sheet': { vi: 'Trang "{sheet}" không có tiêu đề số liệu ở dòng 1; không đọc.', en: 'Sheet "{sheet}" has no measurements header in row 1; not read.' },
  'workbook.hidden_sheet': { vi: 'Trang "{sheet}" bị ẩn; số liệu trong đó không được nhập (bỏ ẩn để nhập).', en: 'Sheet "{sheet}" is hidden; its measurements are not imported (unhide it to import them).' },
  'workbook.too_many_rows': { vi: 'Trang "{sheet}" có {rows} dòng, quá giới hạn {max}; không nhập gì của tệp.', en: 'Sheet "{sheet}" has {rows} rows, over the limit of {max}; nothing of the file is imported.' },
  'workbook.merged_cells': {
    vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô gộp {range}: mỗi dòng phải có giá trị riêng (bỏ gộp ô và điền từng dòng).',
    en: 'Sheet "{sheet}", row {row}, column {column} ({field}): merged cells {range}: each row must hold its own values (unmerge and fill every row).',
  },
  'workbook.formula_without_result': {
    vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): công thức ={formula} không có kết quả đã lưu; không tính công thức: lưu sổ tính bằng phần mềm bảng tính, hoặc gõ giá trị.',
    en: 'Sheet "{sheet}", row {row}, column {column} ({field}): formula ={formula} has no saved result; formulas are not evaluated: save the workbook in a spreadsheet program, or type the value.',
  },
  'workbook.cell_error': { vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô chứa lỗi {error}.', en: 'Sheet "{sheet}", row {row}, column {column} ({field}): the cell holds the error {error}.' },
  'workbook.cell_error#kind': {
    vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô có kiểu dữ liệu không đọc được ({kind}).',
    en: 'Sheet "{sheet}", row {row}, column {column} ({field}): the cell has a kind of value that cannot be read ({kind}).',
  },
  'measurement.duplicate#sheet': {
    vi: 'Trang "{sheet}", dòng {row}: trùng với trang "{firstSheet}", dòng {firstRow} (cùng chỉ số, đơn vị và kỳ).',
    en: 'Sheet "{sheet}", row {row}: repeats sheet "{firstSheet}", row {firstRow} (same indicator, org unit and period).',
  },
  'workbook.no_measurements': { vi: 'Không trang hiện nào của sổ tính có dòng tiêu đề số liệu ở dòng 1 ({columns}, …).', en: 'No visible sheet of the workbook has a measurements header in row 1 ({columns}, …).' },
} as const satisfies IssueMessages;

/** The messages of `@egov-plan/tabular`'s zip checks (`checkZipArchive`, zip.ts). */
export const ZIP_MESSAGES = {
  'workbook.invalid#no_directory': { vi: 'Tệp không phải sổ tính XLSX: không tìm thấy mục lục của tệp nén (không phải tệp zip, hoặc tệp bị cắt).', en: 'The file is not an XLSX workbook: no zip central directory (not a zip file, or a truncated one).' },
  'workbook.invalid#zip64': { vi: 'Tệp không phải sổ tính XLSX: mục lục ZIP64 hỏng.', en: 'The file is not an XLSX workbook: a broken ZIP64 directory.' },
  'workbook.invalid#too_many_entries': { vi: 'Tệp không phải sổ tính XLSX: tệp nén có {count} mục (tối đa {max}).', en: 'The file is not an XLSX workbook: the archive has {count} entries (at most {max}).' },
  'workbook.invalid#directory': { vi: 'Tệp không phải sổ tính XLSX: mục lục của tệp nén hỏng.', en: 'The file is not an XLSX workbook: a broken zip central directory.' },
  'workbook.invalid#broken_entry': { vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" hỏng.', en: 'The file is not an XLSX workbook: entry "{entry}" is broken.' },
  'workbook.invalid#truncated_entry': { vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" bị cắt.', en: 'The file is not an XLSX workbook: entry "{entry}" is truncated.' },
  'workbook.invalid#inflate': { vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" không giải nén được.', en: 'The file is not an XLSX workbook: entry "{entry}" cannot be unpacked.' },
  'workbook.invalid#method': { vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" dùng cách nén {method} không được hỗ trợ.', en: 'The file is not an XLSX workbook: entry "{entry}" uses unsupported compression method {method}.' },
  'workbook.invalid#size': { vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" có kích thước khác với khai báo.', en: 'The file is not an XLSX workbook: entry "{entry}" does not have its declared size.' },
  'workbook.too_large': { vi: 'Sổ tính giải nén ra {size} byte, quá giới hạn {max} byte; không đọc.', en: 'The workbook unpacks to {size} bytes, over the limit of {max} bytes; not read.' },
  'workbook.too_large#entry': { vi: 'Mục "{entry}" của sổ tính giải nén ra {size} byte, quá giới hạn {max} byte; không đọc.', en: 'Entry "{entry}" of the workbook unpacks to {size} bytes, over the limit of {max} bytes; not read.' },
  'workbook.zip_bomb': { vi: 'Mục "{entry}" giải nén ra nhiều hơn {size} byte đã khai báo (bom zip); không đọc gì của tệp.', en: 'Entry "{entry}" unpacks to more than its declared {size} bytes (a zip bomb); nothing of the file is read.' },
} as const satisfies IssueMessages;

/** The messages of `@egov-plan/tabular`'s imports (`importMeasurements`, import.ts). */
export const IMPORT_MESSAGES = {
  'file.too_large#measurements': { vi: 'Tệp số liệu quá lớn (tối đa {max} byte).', en: 'The measurements file is too large (at most {max} bytes).' },
  'workbook.rejected': {
    vi: 'Tệp {file}: {rejected} trong {rows} dòng bị từ chối; không nhập gì của tệp. Sửa các dòng dưới đây rồi nhập lại.',
    en: 'File {file}: {rejected} of {rows} rows refused; nothing of the file is imported. Correct the rows below and import it again.',
  },
} as const satisfies IssueMessages;

/** The messages of `@egov-plan/tabular`'s backups (`dumpStore`, `parseDump`, dump.ts). */
export const DUMP_MESSAGES = {
  'usage.invalid_value#dump_plans': {
    vi: 'Kho "{store}" không liệt kê được các kế hoạch nó chứa (không có plans()): hãy sao lưu từng kế hoạch (--plan).',
    en: 'The "{store}" store cannot list the plans it holds (no plans()): back up one plan at a time (--plan).',
  },
  'measurement.invalid_document#not_dump': { vi: 'Bản sao lưu {file}: không phải bản sao lưu của egov-plan (phiên bản 1){where}.', en: 'Backup {file}: not an egov-plan dump (version 1){where}.' },
  'measurement.invalid_document#json': { vi: 'Bản sao lưu {file}: JSON hỏng ({detail}).', en: 'Backup {file}: malformed JSON ({detail}).' },
  'measurement.invalid_document#header': { vi: 'Bản sao lưu {file}: dòng tiêu đề khác định dạng sao lưu.', en: 'Backup {file}: the header is not the dump format.' },
  'measurement.invalid_document#several_plans': { vi: 'Bản sao lưu {file}: chứa số liệu của {count} kế hoạch ({plans}); đọc bằng parseDumps.', en: 'Backup {file}: holds {count} plans ({plans}); read it with parseDumps.' },
} as const satisfies IssueMessages;
