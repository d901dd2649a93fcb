import { describe, expect, it } from 'vitest';
import { describeDue } from '../src/due.js';

describe('examples/calendar: what is due, by whom, when', () => {
  it('on 16 March 2020 the quarter is 2020Q2 and the departments’ 2020Q1 reports are due that day', () => {
    const lines = describeDue('2020-03-16T09:00');
    expect(lines[0]).toBe('Reporting period: 2020Q2 (2020-03-15 … 2020-06-14)');
    expect(lines).toContainEqual(expect.stringMatching(/^by 2020-03-16 — 2020Q1: .*→ Department of Information and Communications/u));
    expect(lines).toContainEqual(expect.stringMatching(/^by 2020-03-20 — 2020Q1: /u));
    expect(lines).toContainEqual(expect.stringMatching(/^some day 2020-03-01 … 2020-03-31 — 2020Q1: /u));
  });

  it('says when a due date was moved off a weekend', () => {
    expect(describeDue('2020-09-17T09:00')).toContainEqual(expect.stringMatching(/^by 2020-09-21 \(moved from 2020-09-20\) — 2020Q3/u));
  });

  it('after Kon Tum province ceased (30 June 2025) nothing is due, and the successor is named', () => {
    const before = describeDue('2025-06-10T09:00');
    expect(before).toContainEqual(expect.stringMatching(/^by 2025-06-16 — 2025Q2: /u));
    const after = describeDue('2025-07-01T09:00');
    expect(after.filter((l) => l.startsWith('by ') || l.startsWith('some day'))).toEqual([]);
    expect(after).toContainEqual(expect.stringMatching(/^No longer in force: .*from 2025-07-01; successor: Quảng Ngãi province \(code 51\)/u));
  });
});
