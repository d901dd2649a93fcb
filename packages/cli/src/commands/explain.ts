import type { Command } from 'commander';
import { EgovPlanError, isLocalDate, issue } from '@egov-plan/core';
import { describeProvenance, describeScope, effectiveOf, formatValue, targetTimelines } from '@egov-plan/rules';
import { UsageError, out, printJson, t, type CliContext } from '../io.js';
import { jsonHelp, planArgument, planArgumentHelp } from './shared.js';

const SYMBOL = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' } as const;

/** `egov-plan explain <plan> <target> [--at]`: where a target's value comes from. */
export function registerExplain(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  program
    .command('explain')
    .description(en ? "a target's provenance: which file set each value, from when, and what it replaced" : 'nguồn gốc của một chỉ tiêu: tệp nào đặt từng giá trị, từ ngày nào, thay cho giá trị nào')
    .argument('<plan>', planArgumentHelp(ctx))
    .argument('<target>', en ? 'target id' : 'id chỉ tiêu')
    .option('--at <date>', en ? 'show the version in force on this date (default: today)' : 'cho biết phiên bản có hiệu lực tại ngày này (mặc định: hôm nay)')
    .option('--json', jsonHelp(ctx))
    .action(async (ref: string, targetId: string, opts: { at?: string; json?: boolean }) => {
      if (opts.at !== undefined && !isLocalDate(opts.at)) {
        throw new UsageError({ vi: `--at phải là một ngày có thật dạng YYYY-MM-DD, không phải "${opts.at}".`, en: `--at must be a real YYYY-MM-DD date, not "${opts.at}".` });
      }
      const at = opts.at ?? new Date(ctx.io.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      const plan = await planArgument(ctx, ref);
      const timeline = targetTimelines(plan).get(targetId);
      if (!timeline) {
        throw new EgovPlanError([
          issue('rules.unknown_target', '', `Kế hoạch "${plan.id}" không có chỉ tiêu "${targetId}".`, `Plan "${plan.id}" has no target "${targetId}".`),
        ]);
      }
      const eff = effectiveOf(timeline, at);
      const inForce = eff.withdrawn ? null : eff.version;
      if (opts.json) {
        return printJson(ctx, {
          plan: plan.id,
          target: targetId,
          indicator: timeline.indicator.id,
          at,
          withdrawn: eff.withdrawn,
          inForce: inForce ? { effectiveFrom: inForce.effectiveFrom, target: inForce.target } : null,
          versions: timeline.versions.map((v) => ({ effectiveFrom: v.effectiveFrom, target: v.target })),
          provenance: timeline.steps,
        });
      }
      const unit = timeline.indicator.unit;
      out(ctx, `${targetId} — ${t(ctx, timeline.indicator.statement)}`);
      out(ctx, en ? `Plan ${plan.id}; at ${at}:` : `Kế hoạch ${plan.id}; tại ngày ${at}:`);
      if (inForce) {
        const tg = inForce.target;
        out(
          ctx,
          `  ${en ? 'in force' : 'đang có hiệu lực'}: ${SYMBOL[tg.comparator]} ${formatValue(tg.value, unit, ctx.lang)} (${describeScope(tg.scope, tg.level, ctx.lang)}, ${en ? 'phase' : 'giai đoạn'} ${tg.phase})${
            inForce.effectiveFrom ? `, ${en ? 'from' : 'từ'} ${inForce.effectiveFrom}` : ''
          }`,
        );
      } else out(ctx, `  ${en ? 'withdrawn' : 'đã bãi bỏ'}`);
      out(ctx, en ? 'Versions:' : 'Các phiên bản:');
      for (const v of timeline.versions) {
        out(ctx, `  ${v.effectiveFrom ?? (en ? 'from the start' : 'từ đầu')}: ${SYMBOL[v.target.comparator]} ${formatValue(v.target.value, unit, ctx.lang)}`);
      }
      out(ctx, en ? 'Provenance:' : 'Nguồn gốc:');
      describeProvenance(timeline.steps, ctx.lang).forEach((line, i) => out(ctx, `  ${i + 1}. ${line}`));
    });
}
