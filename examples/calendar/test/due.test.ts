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

  it('notes incomplete holiday data for the years the listed deadlines depend on', () => {
    // 16 Dec 2025: the quarter is 2026Q1, but the deadlines due are 2025Q4's (complete data).
    expect(describeDue('2025-12-16T09:00').some((l) => l.startsWith('Note:'))).toBe(false);
    expect(describeDue('2026-03-02T09:00')).toContain('Note: holiday data for 2026 is incomplete; only weekends and fixed-date holidays were applied.');
  });
});
