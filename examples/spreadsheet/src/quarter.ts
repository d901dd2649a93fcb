// A quarter through spreadsheets: write the plan's template, fill it as an agency would (here with
// exceljs), import it into the embedded store, import it again (nothing changes), try a broken
// workbook (refused whole, every bad cell named), evaluate from the store and write the results.
//
//   npx -y pnpm@10.34.8 --filter @egov-plan-examples/spreadsheet start [folder]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { bundledPlan, evaluateFromStore } from '@egov-plan/rules';
import { openSqliteStore } from '@egov-plan/store-sqlite';
import { evaluationWorkbook, importTabularFile, templateWorkbook } from '@egov-plan/tabular';

/** The template with rows typed into its province sheet. */
async function filled(template: Uint8Array, rows: (string | number | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Cấp tỉnh')!;
  rows.forEach((r, i) => (sheet.getRow(i + 2).values = r));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Runs the walk-through in `folder` and returns what it printed. */
export async function walkThrough(folder: string): Promise<string[]> {
  const out: string[] = [];
  const plan = bundledPlan('kontum-1102-2019');
  const template = await templateWorkbook(plan);
  writeFileSync(join(folder, 'mau.xlsx'), template);
  // Columns: Mã chỉ số, Mã đơn vị, Cấp, Kỳ báo cáo, Giá trị. The figures are made up for the example.
  const good = await filled(template, [
    ['online-dossier-rate', 'so-tttt', null, '2020Q4', 27],
    ['online-dossier-rate', 'so-noi-vu', null, '2020Q4', 18],
  ]);
  const broken = await filled(template, [['online-dossier-rate', 'so-y-te', null, '2020Q4', '12%']]);
  const store = openSqliteStore(join(folder, 'egov-plan.sqlite'));
  try {
    for (const [name, bytes] of [['q4.xlsx', good], ['q4.xlsx', good], ['hong.xlsx', broken]] as const) {
      const done = await importTabularFile(store, plan, { name, bytes }, { importedBy: 'so-tttt' });
      out.push(`${name}: ${done.imported ? 'imported' : 'refused'} — ${done.rows} rows, ${done.revisions} new revisions, ${done.unchanged} unchanged, ${done.rejected} rejected`);
      for (const i of done.issues) if (i.severity !== 'warning') out.push(`  [${i.code}] ${i.message.en}`);
    }
    const evaluation = await evaluateFromStore(plan, store, { at: '2020-12-14' });
    writeFileSync(join(folder, 'ket-qua.xlsx'), await evaluationWorkbook(plan, evaluation));
    for (const r of evaluation.results) if (r.indicator === 'online-dossier-rate' && r.value !== null) out.push(`${r.orgUnit}: ${r.status} (${r.value}% against ${r.targetValue}%)`);
  } finally {
    await store.close();
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'egov-plan-spreadsheet-'));
  for (const line of await walkThrough(folder)) console.log(line);
  console.log(`Files in ${folder}: mau.xlsx, egov-plan.sqlite, ket-qua.xlsx`);
}
