import { describe, expect, it } from 'vitest';
import { instantMs, localDateOf, MIN_INSTANT_MS, parseInstant, reportingCalendarAt } from '../../src/index.js';
import { kontum } from './fixtures.js';

describe('instants far in the past are refused, not misread', () => {
  it('"0000-01-01" is calendar.out_of_range in both languages (it used to become 0013-12-31)', () => {
    for (const text of ['0000-01-01', '0001-06-15T10:00', '0099-12-31T23:59:59+07:00', '0999-12-31']) {
      expect(() => parseInstant(text)).toThrowError(expect.objectContaining({ code: 'calendar.out_of_range' }));
    }
    try {
      parseInstant('0000-01-01');
    } catch (e: any) {
      expect(e.issues[0].message.vi).toContain('năm 1000');
      expect(e.issues[0].message.en).toContain('the years 1000 to 9999');
    }
  });

  it('a Date or epoch milliseconds before the year 1000 is refused too', () => {
    expect(() => instantMs(new Date('0000-01-01T00:00:00Z'))).toThrowError(expect.objectContaining({ code: 'calendar.out_of_range' }));
    expect(() => instantMs(MIN_INSTANT_MS - 1)).toThrowError(expect.objectContaining({ code: 'calendar.out_of_range' }));
    expect(() => reportingCalendarAt(kontum(), '0000-01-01')).toThrowError(expect.objectContaining({ code: 'calendar.out_of_range' }));
  });

  it('the year 1000 and 1975 still read correctly, through the tz database', () => {
    expect(localDateOf(parseInstant('1000-01-01'))).toBe('1000-01-01');
    expect(localDateOf(parseInstant('1975-01-01T12:00'))).toBe('1975-01-01');
    expect(parseInstant('1970-01-01').toISOString()).toBe('1969-12-31T16:00:00.000Z'); // +08:00 then
  });
});
