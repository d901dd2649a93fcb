import type { Command } from 'commander';
import type { StoredMeasurement } from '@egov-plan/core';
import { databaseOption, withDatabase } from '../database.js';
import { out, printJson, type CliContext } from '../io.js';
import { DEFAULT_PLAN, jsonHelp, planOption, storedPlanId } from './shared.js';

/** One revision as a line: `r2  2020Q4  29  q4-sua.xlsx (Cấp tỉnh:2) so-tttt 2020-12-10T…`. */
function line(m: StoredMeasurement): string {
  const where = m.sheet === null ? `${m.file}:${m.row}` : `${m.file} (${m.sheet}:${m.row})`;
  const value = m.value === null ? '—' : String(m.value);
  const counts = m.numerator === null ? '' : ` (${m.numerator}/${m.denominator})`;
  return `r${m.revision}  ${m.indicator}  ${m.orgUnit}  ${m.period}  ${value}${counts}  ${where}  ${m.importedBy}  ${m.recordedAt}${m.retractionOf ? `  ↩ ${m.retractionOf}` : ''}`;
}

/** `egov-plan history --database <db> --indicator <id> --org-unit <id>`: every revision, with provenance. */
export function registerHistory(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program.command('history').description(en ? 'every revision of stored measurements, with where each came from' : 'mọi phiên bản của số liệu trong kho, kèm nguồn gốc');
  planOption(databaseOption(cmd, ctx), ctx, DEFAULT_PLAN)
    .option('--indicator <id>', en ? 'only this indicator' : 'chỉ chỉ số này')
    .option('--org-unit <id>', en ? 'only this org unit' : 'chỉ đơn vị này')
    .option('--period <id>', en ? 'only this period' : 'chỉ kỳ này')
    .option('--json', jsonHelp(ctx))
    .action(async (opts: { plan: string; database?: string; indicator?: string; orgUnit?: string; period?: string; json?: boolean }) => {
      const filters = { ...(opts.indicator ? { indicator: opts.indicator } : {}), ...(opts.orgUnit ? { orgUnit: opts.orgUnit } : {}), ...(opts.period ? { period: opts.period } : {}) };
      const { query, rows } = await withDatabase(ctx, opts.database, 'read', async (db) => {
        const query = { plan: await storedPlanId(ctx, opts.plan, db.store), ...filters };
        const list: StoredMeasurement[] = [];
        for await (const m of await db.store.history(query)) list.push(m);
        return { query, rows: list };
      });
      if (opts.json) return printJson(ctx, { ok: true, plan: opts.plan, query, revisions: rows });
      if (rows.length === 0) return out(ctx, en ? 'No stored measurements match.' : 'Không có số liệu nào trong kho khớp.');
      for (const m of rows) out(ctx, line(m));
    });
}
