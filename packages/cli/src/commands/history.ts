import type { Command } from 'commander';
import type { Plan, StoredMeasurement } from '@egov-plan/core';
import { databaseOption, withDatabase } from '../database.js';
import { out, printJson, type CliContext } from '../io.js';
import { printTable } from '../table.js';
import { DEFAULT_PLAN, jsonHelp, planOption, storedPlan } from './shared.js';

const HEAD = {
  vi: ['Bản', 'Chỉ số', 'Đơn vị', 'Kỳ', 'Giá trị', 'Nguồn', 'Người nhập', 'Ghi lúc'],
  en: ['Revision', 'Indicator', 'Org unit', 'Period', 'Value', 'Source', 'Imported by', 'Recorded at'],
} as const;

/**
 * The cells of one revision: `r2  online-dossier-rate  so-tttt  2020Q4  85,5%  q4.xlsx (Cấp tỉnh:2)
 * so-tttt  2020-12-10T09:00:00+07:00`. Numbers are written as `evaluate` writes them (a decimal
 * comma in Vietnamese, `%` for a percent indicator of a plan the run can read); the time is the
 * plan's local time (Vietnam).
 */
async function revisionCells(ctx: CliContext, plan: Plan | undefined): Promise<(m: StoredMeasurement) => string[]> {
  const { formatInstant, formatNumber, formatValue, planCalendar, VIETNAM_TIME_ZONE } = await import('@egov-plan/rules');
  const units = new Map((plan?.indicators ?? []).map((i) => [i.id, i.unit as string]));
  const timeZone = plan ? planCalendar(plan).timeZone : VIETNAM_TIME_ZONE;
  const en = ctx.lang === 'en';
  return (m) => {
    const where = m.sheet === null ? `${m.file}:${m.row}` : `${m.file} (${m.sheet}:${m.row})`;
    const value = m.value === null ? (en ? '— (none)' : '— (không còn)') : formatValue(m.value, units.get(m.indicator) ?? '', ctx.lang);
    const counts = m.numerator === null ? '' : ` (${formatNumber(m.numerator, ctx.lang)}/${m.denominator === null ? '—' : formatNumber(m.denominator, ctx.lang)})`;
    const retraction = m.retractionOf ? `  ↩ ${en ? 'retracts' : 'rút lại'} ${m.retractionOf}` : '';
    return [`r${m.revision}`, m.indicator, m.orgUnit, m.period, `${value}${counts}`, where, m.importedBy, `${formatInstant(m.recordedAt, timeZone)}${retraction}`];
  };
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
      const { query, plan, rows } = await withDatabase(ctx, opts.database, 'read', async (db) => {
        const { id, plan } = await storedPlan(ctx, opts.plan, db.store);
        const query = { plan: id, ...filters };
        const list: StoredMeasurement[] = [];
        for await (const m of await db.store.history(query)) list.push(m);
        return { query, plan, rows: list };
      });
      if (opts.json) return printJson(ctx, { ok: true, plan: opts.plan, query, revisions: rows });
      if (rows.length === 0) return out(ctx, en ? 'No stored measurements match.' : 'Không có số liệu nào trong kho khớp.');
      printTable(ctx, HEAD[ctx.lang], rows, await revisionCells(ctx, plan));
    });
}
