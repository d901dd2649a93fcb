// Lists the targets of one administrative level of a plan, with the sentence each comes from.
// Run: npx -y pnpm@10.34.8 --filter @egov-plan-examples/read-plan start [plan] [level]
import type { AdministrativeLevel, Plan } from '@egov-plan/core';
import { loadPlanSync } from '@egov-plan/rules/node';

/** One line per target that applies at `level` (level-specific or all-level targets). */
export function targetsAtLevel(plan: Plan, level: AdministrativeLevel): string[] {
  return plan.indicators.flatMap((indicator) =>
    indicator.targets
      .filter((t) => t.level === level || t.level === null)
      .map((t) => {
        const what = t.kind === 'quantitative' ? `${t.comparator} ${t.value}${t.unit === 'percent' ? '%' : ''}` : 'yes';
        return `${t.phase}  ${what.padEnd(8)} ${indicator.statement.en}  «${t.source.quote}» (${t.source.section})`;
      }),
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const [ref = 'kontum-1102-2019', level = 'district'] = process.argv.slice(2);
  const plan = loadPlanSync(ref); // a bundled id or a path; throws EgovPlanError on bad input
  for (const line of targetsAtLevel(plan, level as AdministrativeLevel)) console.log(line);
}
