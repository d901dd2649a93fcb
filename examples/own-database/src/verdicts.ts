// Rows from your own database → verdicts with Vietnamese and English explanations.
//
//   npx tsx examples/own-database/src/verdicts.ts [en|vi]
//
// A portal keeps its figures in its own tables, with its own column names. Map each row to a
// measurement (`indicator`, `orgUnit`, `period`, `value`, optional `numerator`/`denominator`)
// and hand the rows to `evaluate`: no file, no CSV. Rows the library cannot use are not dropped
// silently: they come back in `issues`, each naming its row, in both languages.
import { bundledPlan, evaluate, type Evaluation, type MeasurementInput } from '@egov-plan/rules';
import { fileURLToPath } from 'node:url';

/** A row as the portal's database returns it (here: an in-memory table standing in for a query). */
export interface DossierStatsRow {
  ma_don_vi: string;
  ky_bao_cao: string;
  ho_so_truc_tuyen: number;
  tong_ho_so: number;
}

/** What `select ma_don_vi, ky_bao_cao, ho_so_truc_tuyen, tong_ho_so from thong_ke_ho_so` returned. */
export const rowsFromMyDatabase: DossierStatsRow[] = [
  { ma_don_vi: 'so-tttt', ky_bao_cao: '2020Q4', ho_so_truc_tuyen: 190, tong_ho_so: 1000 },
  { ma_don_vi: 'so-y-te', ky_bao_cao: '2020Q4', ho_so_truc_tuyen: 400, tong_ho_so: 1000 },
  { ma_don_vi: 'so-gddt', ky_bao_cao: '2020Q9', ho_so_truc_tuyen: 50, tong_ho_so: 100 },
];

/** One database row as a measurement of the plan's indicator "online-dossier-rate" (percent). */
export function toMeasurement(row: DossierStatsRow): MeasurementInput {
  return {
    indicator: 'online-dossier-rate',
    orgUnit: row.ma_don_vi,
    // The table holds provincial departments; an org unit the plan does not list needs its level.
    level: 'province',
    period: row.ky_bao_cao,
    value: row.tong_ho_so === 0 ? 0 : (100 * row.ho_so_truc_tuyen) / row.tong_ho_so,
    numerator: row.ho_so_truc_tuyen,
    denominator: row.tong_ho_so,
  };
}

/** Evaluates the rows against the Kon Tum plan 1102/KH-UBND on 2020-12-14. */
export function verdicts(rows: readonly DossierStatsRow[]): Evaluation {
  return evaluate(bundledPlan('kontum-1102-2019')!, rows.map(toMeasurement), { at: '2020-12-14' });
}

/** One line per verdict with data, then one per refused row, in one language. */
export function report(evaluation: Evaluation, lang: 'vi' | 'en'): string[] {
  const lines = evaluation.results.filter((r) => r.status !== 'no-data').map((r) => `${r.orgUnit} ${r.period}: ${r.status} — ${r.explanation[lang]}`);
  for (const issue of evaluation.issues) lines.push(`[${issue.code}] ${issue.message[lang]}`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lang = process.argv[2] === 'en' ? 'en' : 'vi';
  for (const line of report(verdicts(rowsFromMyDatabase), lang)) process.stdout.write(`${line}\n`);
}
