// A quarter's measurements kept in the embedded store: import a file with its provenance, import it
// again (nothing changes), import a corrected file (one new revision), read one value's history
// and evaluate the plan from the store.
//
//   npx -y pnpm@10.34.8 --filter @egov-plan-examples/measurement-store start [database.sqlite]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledPlan, evaluateFromStore, importMeasurementSet, parseMeasurementsCsv } from '@egov-plan/rules';
import { openSqliteStore } from '@egov-plan/store-sqlite';

const here = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

/** Runs the walk-through against the database file given and returns what it printed. */
export async function walkThrough(database: string): Promise<string[]> {
  const out: string[] = [];
  const plan = bundledPlan('kontum-1102-2019')!;
  const store = openSqliteStore(database);
  try {
    for (const [file, who] of [['q4.csv', 'so-tttt'], ['q4.csv', 'so-tttt'], ['q4-corrected.csv', 'so-tttt']] as const) {
      const set = parseMeasurementsCsv(plan, readFileSync(here(file), 'utf8'), { file });
      const done = await importMeasurementSet(store, set, { plan: plan.id, file, importedBy: who });
      out.push(`${file}: ${done.rows} rows, ${done.revisions} new revisions, ${done.unchanged} unchanged, ${done.rejected} rejected`);
    }
    for (const m of await store.history({ plan: plan.id, indicator: 'online-dossier-rate', orgUnit: 'so-noi-vu' })) {
      out.push(`so-noi-vu ${m.period} revision ${m.revision}: ${String(m.value)}% (${m.file} row ${m.row}, by ${m.importedBy})`);
    }
    const evaluation = await evaluateFromStore(plan, store, { at: '2020-12-14' });
    for (const r of evaluation.results.filter((x) => x.indicator === 'online-dossier-rate')) out.push(`${r.orgUnit}: ${r.status} (${String(r.value)}% against ${String(r.targetValue)}%)`);
  } finally {
    await store.close();
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of await walkThrough(process.argv[2] ?? 'egov-plan.sqlite')) console.log(line);
}
