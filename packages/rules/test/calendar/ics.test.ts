import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/index.js';
import { planToICalendar } from '../../src/ics.js';
import { kontum } from './fixtures.js';

// A small RFC 5545 reader: unfold (CRLF followed by a space or tab), split into components,
// read properties with parameters, unescape TEXT values.
interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/gu, '').split('\r\n').filter((l) => l !== '');
}
function parseLine(line: string): Prop {
  const colon = line.indexOf(':');
  const [name, ...params] = line.slice(0, colon).split(';');
  return { name: name!, params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value: line.slice(colon + 1) };
}
function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/gu, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
function events(text: string): Map<string, Record<string, Prop>> {
  const out = new Map<string, Record<string, Prop>>();
  let cur: Record<string, Prop> | null = null;
  for (const line of unfold(text)) {
    const p = parseLine(line);
    if (p.name === 'BEGIN' && p.value === 'VEVENT') cur = {};
    else if (p.name === 'END' && p.value === 'VEVENT') {
      out.set(cur!.UID!.value, cur!);
      cur = null;
    } else if (cur) cur[p.name] = p;
  }
  return out;
}

const plan = kontum();
const at = new Date('2026-01-01T00:00:00Z');

describe('iCalendar export', () => {
  const { text, events: list } = planToICalendar(plan, { generatedAt: at });
  const parsed = events(text);

  it('is a VCALENDAR with CRLF line ends and lines of at most 75 octets', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/gu, '').includes('\n')).toBe(false);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('has one event per deadline and task due date, each with a unique UID', () => {
    expect(parsed.size).toBe(list.length);
    expect(new Set(list.map((e) => e.uid)).size).toBe(list.length);
  });

  it('reads back the departments’ 2019Q2 deadline (16 June 2019 is a Sunday) on Monday 17 June as an all-day event', () => {
    const e = parsed.get('kontum-1102-2019.quarterly-report-agencies.2019Q2@egov-plan');
    expect(e?.DTSTART).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20190617' });
    expect(e?.DTEND?.value).toBe('20190618');
    expect(unescapeText(e!.DESCRIPTION!.value)).toContain('"trước ngày 17 của tháng cuối quý"');
    expect(unescapeText(e!.SUMMARY!.value)).toContain('2019Q2');
    // Before the plan was issued (10 May 2019) there is nothing to export by default.
    expect(parsed.has('kontum-1102-2019.quarterly-report-agencies.2019Q1@egov-plan')).toBe(false);
  });

  it('a deadline without a day spans its window', () => {
    const e = parsed.get('kontum-1102-2019.quarterly-report-office-at-meeting.2020Q1@egov-plan');
    expect([e?.DTSTART?.value, e?.DTEND?.value]).toEqual(['20200301', '20200401']);
  });

  it('task due dates are the end of the completion timeframe', () => {
    const e = parsed.get('kontum-1102-2019.task.appendix-iii-7@egov-plan'); // "Quý II/2019"
    expect(e?.DTSTART?.value).toBe('20190630');
    expect(unescapeText(e!.SUMMARY!.value)).toContain('Hạn nhiệm vụ III.7');
    expect(parsed.has('kontum-1102-2019.task.appendix-iv-1@egov-plan')).toBe(false); // "Thường xuyên": no due date
  });

  it('keeps Vietnamese text intact across folded lines', () => {
    const e = parsed.get('kontum-1102-2019.quarterly-report-province-to-government.2020Q3@egov-plan');
    const d = unescapeText(e!.DESCRIPTION!.value);
    expect(d).toContain('chậm nhất vào ngày 20 tháng cuối quý');
    expect(d).toContain('2020-09-21');
  });

  it('is stable: the same plan and timestamp give the same text and UIDs', () => {
    expect(planToICalendar(plan, { generatedAt: at }).text).toBe(text);
    const later = planToICalendar(plan, { generatedAt: new Date('2027-01-01T00:00:00Z') });
    expect([...events(later.text).keys()]).toEqual([...parsed.keys()]);
  });

  it('respects the date range and the language', () => {
    const r = planToICalendar(plan, { from: '2021-01-01', to: '2021-12-31', tasks: false, lang: 'en', generatedAt: at });
    const uids = r.events.map((e) => e.uid);
    expect(uids).toContain('kontum-1102-2019.quarterly-report-agencies.2021Q4@egov-plan');
    expect(uids.every((u) => !u.includes('.task.'))).toBe(true);
    expect(r.events.every((e) => e.start >= '2021-01-01' || e.end >= '2021-01-01')).toBe(true);
    expect(r.events[0]?.summary).toMatch(/^Report/u);
  });

  it('rejects a range that ends before it starts', () => {
    expect(() => planToICalendar(plan, { from: '2021-01-01', to: '2020-01-01' })).toThrowError(expect.objectContaining({ code: 'calendar.invalid_range' }));
  });
});

// An independent RFC 5545 reader (Mozilla's ical.js) reads the whole export back.
describe('iCalendar export read back with ical.js', () => {
  const { text, events: list } = planToICalendar(plan, { generatedAt: at });
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevents = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));

  it('every event comes back with its UID, all-day dates, summary and description', () => {
    expect(vevents.map((e) => e.uid)).toEqual(list.map((e) => e.uid));
    vevents.forEach((e, i) => {
      const ev = list[i]!;
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe(ev.start);
      expect(e.endDate.toString()).toBe(addDays(ev.end, 1));
      expect(e.summary).toBe(ev.summary);
      expect(e.description).toBe(ev.description);
    });
  });

  it('escapes commas and semicolons of Vietnamese text, also in the calendar name', () => {
    const name = cal.getFirstProperty('x-wr-calname')!;
    // "… giai đoạn 2019 - 2020, định hướng …": an unescaped comma would split a TEXT value (RFC 5545 §3.3.11).
    expect(text.replace(/\r\n[ \t]/gu, '')).toContain('2019 - 2020\\, định hướng');
    // ical.js keeps an X- property's value raw (type "unknown"); calendar applications read it as TEXT.
    expect(String(name.getFirstValue()).replace(/\\([\\;,])/gu, '$1')).toBe(`${plan.number} — ${plan.title.vi}`);
    const withSemicolon = vevents.find((e) => e.description.includes(';'));
    expect(withSemicolon?.description).toContain('Các sở, ban, ngành; UBND các huyện, thành phố');
  });

  it('folds no line beyond 75 octets and never inside a UTF-8 sequence', () => {
    for (const line of text.split('\r\n')) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
    }
  });
});

describe('no raw control character or bidi override reaches the .ics file', () => {
  const hostile = structuredClone(plan);
  const evil = 'Báo cáo\u0000 quý\u0007 \u001b]0;owned\u0007 \u001b[2J xong\rhết \u202Egnp.exe\u202C \u2066x\u2069 \u009b31m';
  hostile.reportingObligations[0]!.subject.vi = evil;
  hostile.tasks[0]!.title.vi = evil;
  hostile.tasks[0]!.completion = 'Tháng 6/2019';
  hostile.title.vi = `Kế hoạch\u001b[31m đỏ\u0000`;
  const { text, events: list } = planToICalendar(hostile, { generatedAt: at, from: '2019-05-10', to: '2019-12-31' });

  it('the file holds no C0 (but CR LF line ends and TAB), DEL, C1 or bidi control character', () => {
    const body = text.replace(/\r\n/gu, '');
    expect(body).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u);
    expect(text.split('\r\n').every((l) => !l.includes('\r'))).toBe(true);
  });

  it('each one is replaced by U+FFFD and a lone CR becomes a line break, so the reader still sees where they were', () => {
    const ev = events(text);
    const summary = unescapeText([...ev.values()].find((e) => e.SUMMARY?.value.includes('quý'))!.SUMMARY!.value);
    expect(summary).toContain('Báo cáo\uFFFD quý\uFFFD \uFFFD]0;owned\uFFFD \uFFFD[2J xong\nhết \uFFFDgnp.exe\uFFFD \uFFFDx\uFFFD \uFFFD31m');
    expect(list.every((e) => !/[\u0000\u0007\u001b\u202E]/u.test(e.summary + e.description))).toBe(true);
    expect(text).toMatch(/X-WR-CALNAME:1102\/KH-UBND — Kế hoạch\uFFFD\[31m đỏ\uFFFD/u);
  });

  it('the file still parses with ical.js', () => {
    const comp = new ICAL.Component(ICAL.parse(text));
    expect(comp.getAllSubcomponents('vevent').length).toBe(list.length);
  });
});
