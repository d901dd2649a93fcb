import type { Command } from 'commander';
import { usageError, out, printJson, t, type CliContext } from '../io.js';
import { atHelp, atOption, jsonHelp, loadPlanRef, planArgumentHelp, planOption, planRef } from './shared.js';
import * as MSG from '../messages.js';

const SYMBOL = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' } as const;

/**
 * The plan and the target `explain` was given: `explain --plan <plan> <target>`,
 * `explain --plan <plan> --target <id>`, or the older `explain <plan> <target>`.
 */
function explainArgs(ctx: CliContext, positionals: readonly string[], opts: { plan?: string; target?: string }): { ref: string; target: string } {
  const rest = [...positionals];
  const ref = planRef(ctx, opts.plan, opts.plan === undefined || rest.length > (opts.target === undefined ? 1 : 0) ? rest.shift() : undefined);
  const target = opts.target ?? rest.shift();
  if (opts.target !== undefined && rest[0] !== undefined && rest[0] !== opts.target) {
    throw usageError(MSG.usageTargetTwice, { option: opts.target, positional: rest[0] });
  }
  if (target === undefined) throw usageError(MSG.usageMissingTarget, {});
  return { ref, target };
}

/** `egov-plan explain --plan <plan> <target> [--at]`: where a target's value comes from. */
export function registerExplain(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program
    .command('explain')
    .description(en ? "a target's provenance: which file set each value, from when, and what it replaced" : 'nguồn gốc của một chỉ tiêu: tệp nào đặt từng giá trị, từ ngày nào, thay cho giá trị nào')
    .argument('[plan]', `${planArgumentHelp(ctx)} (= --plan; ${en ? 'omit it when --plan is given' : 'bỏ qua khi đã có --plan'})`)
    .argument('[target]', en ? 'target id (= --target)' : 'id chỉ tiêu (= --target)');
  planOption(cmd, ctx)
    .option('--target <id>', en ? 'target id' : 'id chỉ tiêu')
    .option('--at <when>', atHelp(ctx, { vi: 'hôm nay (ngày có hiệu lực được xét)', en: 'today (the date the version in force is looked up for)' }))
    .option('--json', jsonHelp(ctx))
    .action(async (p1: string | undefined, p2: string | undefined, opts: { plan?: string; target?: string; at?: string; json?: boolean }) => {
      const { ref, target: targetId } = explainArgs(ctx, [p1, p2].filter((x): x is string => x !== undefined), opts);
      const at = (await atOption(ctx, opts.at)).localDate;
      const plan = await loadPlanRef(ctx, ref);
      const [{ ADMINISTRATIVE_LEVEL_NAMES, EgovPlanError, issueFrom }, { describeProvenance, describeScope, effectiveOf, formatValue, targetTimelines }] = await Promise.all([import('@egov-plan/core'), import('@egov-plan/rules')]);
      const timeline = targetTimelines(plan).get(targetId);
      if (!timeline) {
        throw new EgovPlanError([issueFrom(MSG.rulesUnknownTargetExplain, '', { plan: plan.id, target: targetId })]);
      }
      const eff = effectiveOf(timeline, at);
      const inForce = eff.withdrawn ? null : eff.version;
      if (opts.json) {
        return printJson(ctx, {
          ok: true,
          plan: plan.id,
          target: targetId,
          indicator: timeline.indicator.id,
          at,
          withdrawn: eff.withdrawn,
          ...(eff.withdrawn ? { withdrawal: eff.step } : {}),
          inForce: inForce ? { effectiveFrom: inForce.effectiveFrom, target: inForce.target } : null,
          versions: timeline.versions.map((v) => ({ effectiveFrom: v.effectiveFrom, target: v.target })),
          provenance: timeline.steps,
        });
      }
      out(ctx, `${targetId} — ${t(ctx, timeline.indicator.statement)}`);
      if (eff.withdrawn) {
        // A withdrawn target has no value in force: say only that, from when and by which source.
        const w = eff.step;
        const when = w.effectiveFrom ? (en ? `from ${w.effectiveFrom}` : `từ ${w.effectiveFrom}`) : en ? 'from the start' : 'từ đầu';
        out(ctx, en ? `Plan ${plan.id}; at ${at}: withdrawn ${when}.` : `Kế hoạch ${plan.id}; tại ngày ${at}: đã bãi bỏ ${when}.`);
        out(ctx, `  ${en ? 'by' : 'theo'} ${w.file} ${w.pointer} — ${w.source.section}: "${w.source.quote}"${w.reason ? ` (${t(ctx, w.reason)})` : ''}`);
        return;
      }
      const unit = timeline.indicator.unit;
      const tg = eff.version.target;
      out(ctx, en ? `Plan ${plan.id}; at ${at}:` : `Kế hoạch ${plan.id}; tại ngày ${at}:`);
      out(
        ctx,
        `  ${en ? 'in force' : 'đang có hiệu lực'}: ${SYMBOL[tg.comparator]} ${formatValue(tg.value, unit, ctx.lang)} (${describeScope(tg.scope, tg.level, ctx.lang)}, ${en ? 'phase' : 'giai đoạn'} ${tg.phase})${
          eff.version.effectiveFrom ? `, ${en ? 'from' : 'từ'} ${eff.version.effectiveFrom}` : ''
        }`,
      );
      if (tg.scope === 'whole-province' && tg.level !== null) {
        // How a level target is judged (docs/rules.md, "Level targets").
        out(
          ctx,
          en
            ? `  judged: the ${tg.level} level as a whole (the verdict: summed counts of its units, naming the values left out and the units that did not report), and each ${tg.level} unit that reports on its own value`
            : `  cách xét: cả ${ADMINISTRATIVE_LEVEL_NAMES[tg.level].vi} (kết luận: cộng tử số/mẫu số của các đơn vị, nêu tên giá trị không được cộng và đơn vị chưa báo cáo), và từng đơn vị của cấp đó có báo cáo theo giá trị của chính đơn vị`,
        );
      }
      out(ctx, en ? 'Versions:' : 'Các phiên bản:');
      for (const v of timeline.versions) {
        out(ctx, `  ${v.effectiveFrom ?? (en ? 'from the start' : 'từ đầu')}: ${SYMBOL[v.target.comparator]} ${formatValue(v.target.value, unit, ctx.lang)}`);
      }
      out(ctx, en ? 'Provenance:' : 'Nguồn gốc:');
      describeProvenance(timeline.steps, ctx.lang).forEach((line, i) => out(ctx, `  ${i + 1}. ${line}`));
    });
}
