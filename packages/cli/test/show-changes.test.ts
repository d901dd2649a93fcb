import { afterEach, describe, expect, it } from 'vitest';
import { ruleFileOver, tempResources } from '@egov-plan/test-utils';
import { runCli } from './run-cli.js';

// `show` of a rule file that extends both bundled plans: every dated change and withdrawal —
// of targets and of other items — and where each indicator and obligation came from, are listed
// in the summary; `--json` (the resolved plan) carries the same facts.

const source = (section: string, quote: string) => ({ section, quote });

/** A small rule file over both bundled plans: dated changes and withdrawals of targets and of other items. */
const changes = {
  overrides: [{ target: 'e-identification.2021-2025', effectiveFrom: '2023-01-01', set: { value: 45 }, source: source('QĐ 1/QĐ-UBND', 'từ năm 2023 đạt 45%') }],
  withdrawals: [{ target: 'periodic-reports-online.2021-2025', effectiveFrom: '2024-01-01', source: source('QĐ 2/QĐ-UBND', 'bãi bỏ chỉ tiêu') }],
  itemOverrides: [
    {
      kind: 'reportingObligations',
      id: 'quarterly-report-agencies',
      effectiveFrom: '2024-01-01',
      set: { recipients: ['ubnd-tinh'], deadlineAsWritten: 'chậm nhất ngày 18 của tháng cuối quý' },
      source: source('QĐ 3/QĐ-UBND', 'gửi UBND tỉnh chậm nhất ngày 18'),
      reason: { vi: 'Tỉnh đổi hạn.', en: 'The province moves the deadline.' },
    },
  ],
  itemWithdrawals: [
    { kind: 'administrativeUnits', id: '610', effectiveFrom: '2024-07-01', source: source('NQ 4/NQ-HĐND', 'sáp nhập huyện Đắk Glei'), reason: { vi: 'Sáp nhập.', en: 'Merged.' } },
    { kind: 'reportingObligations', id: 'quarterly-report-office-at-meeting', effectiveFrom: null, source: source('III.3', 'không áp dụng') },
  ],
};
const ruleFile = ruleFileOver(['vn-nq17-2019', 'kontum-1102-2019'], changes);

const temp = tempResources();
afterEach(() => temp.cleanup());

function dirWithRuleFile(): string {
  return temp.dir('egov-plan-show-', { 'thu.json': ruleFile });
}

describe('show lists the changes a rule file makes and where each item came from', () => {
  it('in Vietnamese by default: dated target versions, withdrawals, item changes and withdrawals, origins', async () => {
    const r = await runCli(['show', '--plan', 'thu.json'], { cwd: dirWithRuleFile() });
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('Kế thừa từ: 17/NQ-CP (vn-nq17-2019), 1102/KH-UBND (kontum-1102-2019)');
    // A target's dated version and its withdrawal, under the target, with the file that declared each.
    expect(out).toContain('↳ e-identification.2021-2025 từ 2023-01-01: ≥ 45% (mọi cấp; toàn tỉnh)   [QĐ 1/QĐ-UBND; khai báo tại thu.json /overrides/0]');
    expect(out).toContain('↳ periodic-reports-online.2021-2025 bãi bỏ từ 2024-01-01   [QĐ 2/QĐ-UBND; khai báo tại thu.json /withdrawals/0]');
    // An indicator Kon Tum's plan declares in words agreeing with Resolution 17 names both.
    expect(out).toMatch(/\[I\.2\.a; 1102\/KH-UBND; cũng có trong 17\/NQ-CP [^\]]+\]/u);
    // The obligation inherited from Kon Tum is cited with Kon Tum's number, and its dated new wording is shown beside it.
    expect(out).toMatch(/"trước ngày 17 của tháng cuối quý"   \[1102\/KH-UBND\]\n.*\n {6}↳ từ 2024-01-01: "chậm nhất ngày 18 của tháng cuối quý"/u);
    const changes = out.slice(out.indexOf('== Thay đổi các mục khác (ngoài chỉ tiêu) =='));
    expect(changes).toContain('- nghĩa vụ báo cáo quarterly-report-agencies, từ 2024-01-01   [QĐ 3/QĐ-UBND; khai báo tại thu.json /itemOverrides/0]');
    expect(changes).toContain('    recipients: Ủy ban nhân dân tỉnh Kon Tum');
    expect(changes).toContain('    deadlineAsWritten: "chậm nhất ngày 18 của tháng cuối quý"');
    expect(changes).toContain('    Lý do: Tỉnh đổi hạn.');
    const withdrawn = out.slice(out.indexOf('== Mục bãi bỏ (ngoài chỉ tiêu) =='));
    expect(withdrawn).toContain('- đơn vị hành chính 610 (Huyện Đắk Glei): bãi bỏ từ 2024-07-01   [NQ 4/NQ-HĐND; khai báo tại thu.json /itemWithdrawals/0]');
    expect(withdrawn).toContain('- nghĩa vụ báo cáo quarterly-report-office-at-meeting: không áp dụng (bãi bỏ từ đầu)   [III.3; khai báo tại thu.json /itemWithdrawals/1]');
    // Withdrawn from the start: it is not in the calendar.
    expect(out.slice(out.indexOf('== Lịch báo cáo =='), out.indexOf('== Thay đổi'))).not.toContain('Văn phòng UBND tỉnh →');
  });

  it('in English with --lang en', async () => {
    const r = await runCli(['show', '--plan', 'thu.json', '--lang', 'en'], { cwd: dirWithRuleFile() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Extends: 17/NQ-CP (vn-nq17-2019), 1102/KH-UBND (kontum-1102-2019)');
    expect(r.stdout).toContain('↳ e-identification.2021-2025 from 2023-01-01: ≥ 45% (all levels; whole province)   [QĐ 1/QĐ-UBND; declared in thu.json /overrides/0]');
    expect(r.stdout).toContain('↳ periodic-reports-online.2021-2025 withdrawn from 2024-01-01');
    expect(r.stdout).toContain('== Changes to other items (not targets) ==');
    expect(r.stdout).toContain('- reporting obligation quarterly-report-agencies, from 2024-01-01   [QĐ 3/QĐ-UBND; declared in thu.json /itemOverrides/0]');
    expect(r.stdout).toContain('    recipients: Kon Tum Provincial People\'s Committee');
    expect(r.stdout).toContain('    Reason: The province moves the deadline.');
    expect(r.stdout).toContain('- administrative unit 610 (Đắk Glei district): withdrawn from 2024-07-01');
    expect(r.stdout).toContain('- reporting obligation quarterly-report-office-at-meeting: never applies (withdrawn from the start)');
    expect(r.stdout).toMatch(/\[I\.2\.a; 1102\/KH-UBND; also in 17\/NQ-CP [^\]]+\]/u);
  });

  it('--json is the resolved plan: the changes with where each was declared, indicatorOrigins and agreeing bases', async () => {
    const r = await runCli(['show', '--plan', 'thu.json', '--json'], { cwd: dirWithRuleFile() });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.itemOverrides).toEqual([{ ...changes.itemOverrides[0], origin: { file: 'thu.json', pointer: '/itemOverrides/0' } }]);
    expect(plan.itemWithdrawals).toEqual(changes.itemWithdrawals.map((w, i) => ({ ...w, origin: { file: 'thu.json', pointer: `/itemWithdrawals/${i}` } })));
    expect(plan.overrides[0].origin).toEqual({ file: 'thu.json', pointer: '/overrides/0' });
    expect(plan.withdrawals[0].origin).toEqual({ file: 'thu.json', pointer: '/withdrawals/0' });
    const online = plan.indicatorOrigins.find((o: { indicator: string }) => o.indicator === 'online-dossier-rate');
    expect(online).toMatchObject({ plan: 'kontum-1102-2019', number: '1102/KH-UBND', agreeing: [{ plan: 'vn-nq17-2019', number: '17/NQ-CP' }] });
    expect(plan.itemOrigins.find((o: { kind: string; id: string }) => o.kind === 'reportingObligations' && o.id === 'quarterly-report-agencies')).toMatchObject({ plan: 'kontum-1102-2019', number: '1102/KH-UBND' });
    // Withdrawn from the start: left out of the resolved plan, its withdrawal kept.
    expect(plan.reportingObligations.map((o: { id: string }) => o.id)).not.toContain('quarterly-report-office-at-meeting');
  });

  it('a bundled plan that extends nothing shows no change or origin lines', async () => {
    const r = await runCli(['show', 'kontum-1102-2019']);
    expect(r.code).toBe(0);
    for (const absent of ['Kế thừa từ', '↳', '== Thay đổi các mục khác', '== Mục bãi bỏ', 'cũng có trong']) expect(r.stdout).not.toContain(absent);
  });
});
