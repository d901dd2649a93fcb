// A quarterly progress report for plan 1102/KH-UBND (Kon Tum), quarter 2020Q4, written on
// 23 December 2020 — from a SYNTHETIC quarter of measurements and submissions (invented figures,
// labelled so in the report's data files; not the province's data).
//
//   npx -y pnpm@10.34.8 --filter @egov-plan-examples/report start [out-dir] [--lang en]
//
// Writes report.html (one self-contained page), report.md and, where Chromium is installed,
// report.pdf (A4).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { periodCalendar, renderReportHtml, renderReportMarkdown, type QuarterlyReportInput, type ReportSubmission } from '@egov-plan/report';
import { findChromium, renderPdf } from '@egov-plan/report/node';
import { bundledPlan, evaluate, parseMeasurementsText, planTaskStatuses, progress } from '@egov-plan/rules';

const here = fileURLToPath(new URL('..', import.meta.url));

/** The report's input for 2020Q4 at `at`: evaluation, progress, calendar, tasks and submissions. */
export function quarterlyInput(at = '2020-12-23'): QuarterlyReportInput {
  const plan = bundledPlan('kontum-1102-2019');
  if (!plan) throw new TypeError('the bundled plan kontum-1102-2019 is missing');
  const measurements = parseMeasurementsText(plan, readFileSync(join(here, 'measurements.csv'), 'utf8'), { file: 'measurements.csv', format: 'csv' });
  const submissions = JSON.parse(readFileSync(join(here, 'submissions.json'), 'utf8')) as ReportSubmission[];
  return {
    plan,
    evaluation: evaluate(plan, measurements, { at }),
    progress: progress(plan, measurements, { at }),
    measurements,
    calendar: periodCalendar(plan, '2020Q4', `${at}T12:00`),
    tasks: planTaskStatuses(plan, at),
    submissions,
    // The obligation names the group "cac-so-ban-nganh"; these departments report in the sample.
    expectedReporters: { 'quarterly-report-agencies': ['so-tttt', 'so-noi-vu', 'so-y-te', 'so-khdt', 'so-tai-chinh'] },
  };
}

/** Writes report.html, report.md and (with Chromium) report.pdf into `dir`; returns the files written. */
export async function writeQuarterlyReport(dir: string, lang: 'vi' | 'en' = 'vi'): Promise<string[]> {
  const input = quarterlyInput();
  const html = renderReportHtml(input, { lang });
  const files = [join(dir, 'report.html'), join(dir, 'report.md')];
  writeFileSync(files[0] as string, html);
  writeFileSync(files[1] as string, renderReportMarkdown(input, { lang }));
  if (findChromium()) {
    files.push(join(dir, 'report.pdf'));
    writeFileSync(files[2] as string, await renderPdf(html));
  }
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const lang = args.includes('--lang') && args[args.indexOf('--lang') + 1] === 'en' ? 'en' : 'vi';
  const dir = args.find((a) => !a.startsWith('--') && a !== 'en' && a !== 'vi') ?? process.cwd();
  for (const f of await writeQuarterlyReport(resolve(dir), lang)) console.log(f);
}
