// What is due, by whom, when — for any instant (default: now).
//
//   npx tsx examples/calendar/src/due.ts 2020-03-16T09:00
//
// Prints the reporting period containing the instant and, for each reporting obligation of the
// Kon Tum plan 1102/KH-UBND, its next deadline (after weekends and public holidays).
import { bundledPlan, holidayCoverage, localDateOf, periodContaining, planTermAt, upcomingDeadlines } from '@egov-plan/rules';
import { fileURLToPath } from 'node:url';

type Deadline = ReturnType<typeof upcomingDeadlines>[number];

/** One line per upcoming deadline: the last on-time day (or the window), the period, who reports to whom. */
export function describeDue(at: string | Date): string[] {
  const plan = bundledPlan('kontum-1102-2019');
  if (!plan) throw new Error('the bundled plan kontum-1102-2019 is missing');
  const names = new Map(plan.agencies.map((a) => [a.id, a.name.en]));
  const who = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  const when = (d: Deadline) => (d.due === null ? `some day ${d.window.start} … ${d.window.end}` : `by ${d.due}${d.rolledOver ? ` (moved from ${d.nominalDue})` : ''}`);
  const period = periodContaining(at, 'quarter');
  const lines = [`Reporting period: ${period.id} (${period.start} … ${period.end})`];
  // After Kon Tum province ceased (2025-06-30) the plan owes nothing: say so, naming the successor.
  const term = planTermAt(plan, localDateOf(at));
  if (term.status !== 'in-force') lines.push(`No longer in force: ${term.message.en}`);
  const incomplete = new Set<number>();
  for (const d of upcomingDeadlines(plan, at)) {
    lines.push(`${when(d)} — ${d.period ?? 'one-off'}: ${who(d.reporters)} → ${who(d.recipients)} ("${d.wording}")`);
    // Each deadline says which years' holiday data it depends on and whether that data is complete.
    if (!d.holidayData.complete) for (const y of d.holidayData.years) if (!holidayCoverage(y).covered) incomplete.add(y);
  }
  for (const year of [...incomplete].sort()) lines.push(`Note: holiday data for ${year} is incomplete; only weekends and fixed-date holidays were applied.`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const line of describeDue(process.argv[2] ?? new Date())) process.stdout.write(`${line}\n`);
}
